package org.isnad.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.text.Language;
import org.isnad.text.Sentence;

/**
 * Isnad's Lucene index on disk: documents (metadata and the stored text quotes are cut from) and
 * their passages (analyzed per language for retrieval). A document and its passages are replaced
 * together in one atomic block. Changes become durable at {@link #commit()}; a process killed
 * between commits leaves the index at its last commit.
 *
 * <p>Thread-safe. The writer is opened on the first change only, so read-only commands can run
 * beside a process that holds the index's write lock.
 */
public final class IsnadIndex implements ArchiveStore {

    /** Above this many query terms per field the rest are dropped (they add nothing but cost). */

    private final Directory directory;
    private final Analyzers analyzers = new Analyzers();
    private final PassageQueries queries = new PassageQueries(analyzers);
    private IndexWriter writer;
    private SearcherManager searchers;

    private IsnadIndex(Directory directory) {
        this.directory = directory;
    }

    /** Opens (or creates on the first change) the index in {@code dir}. */
    public static IsnadIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new IsnadIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir, e);
        }
    }

    @Override
    public Analyzers analyzers() {
        return analyzers;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Adds {@code doc} with its passages, replacing any earlier version with the same id. Safe to call
     * from several threads at once (Lucene's writer indexes them in parallel).
     */
    @Override
    public void upsert(Document doc, List<Passage> passages) {
        List<org.apache.lucene.document.Document> block = new ArrayList<>(passages.size() + 1);
        block.add(docEntry(doc));
        // The title and the date (as "2024-02-20") are searchable on every passage: they place it.
        String heading = (doc.title() == null ? "" : doc.title()) + (doc.date() == null ? "" : " " + doc.date());
        String titleField = Analyzers.titleField(doc.language());
        ReplayedTokens.Recording title = ReplayedTokens.record(analyzers.forField(titleField), titleField, heading);
        for (Passage p : passages) {
            block.add(passageEntry(doc, p, titleField, title));
        }
        try {
            writer().updateDocuments(new Term(Fields.OWNER, doc.id()), block);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + doc.id(), e);
        }
    }

    /** Removes a document and its passages; true when it was there. */
    @Override
    public synchronized boolean delete(String id) {
        boolean existed = document(id).isPresent();
        try {
            writer().deleteDocuments(new Term(Fields.OWNER, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + id, e);
        }
        return existed;
    }

    /** Makes every change so far durable and visible to new searches. */
    @Override
    public synchronized void commit() {
        if (writer == null) {
            return;
        }
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }

    private synchronized IndexWriter writer() throws IOException {
        if (writer == null) {
            IndexWriterConfig config = new IndexWriterConfig(analyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            if (searchers != null) {
                searchers.close();
            }
            searchers = new SearcherManager(writer, null);
        }
        return writer;
    }

    private static org.apache.lucene.document.Document docEntry(Document d) {
        var e = new org.apache.lucene.document.Document();
        e.add(new StringField(Fields.TYPE, Fields.TYPE_DOC, Field.Store.NO));
        e.add(new StringField(Fields.OWNER, d.id(), Field.Store.YES));
        addMetadata(e, d);
        e.add(new StoredField(Fields.TEXT, d.text()));
        e.add(new StoredField(Fields.HASH, d.contentHash()));
        if (d.source() != null) {
            e.add(new StringField(Fields.SOURCE, d.source(), Field.Store.YES));
        }
        return e;
    }

    /**
     * A passage entry stores only its offsets and sentences: its text and its document's metadata are
     * read from the document entry when a search returns it, so nothing is stored twice. Outlet and
     * date are indexed (not stored) for filters.
     */
    private org.apache.lucene.document.Document passageEntry(Document d, Passage p, String titleField,
            ReplayedTokens.Recording title) {
        var e = new org.apache.lucene.document.Document();
        e.add(new StringField(Fields.TYPE, Fields.TYPE_PASSAGE, Field.Store.NO));
        e.add(new StringField(Fields.OWNER, d.id(), Field.Store.YES));
        if (d.outlet() != null) {
            e.add(new StringField(Fields.OUTLET, d.outlet(), Field.Store.NO));
            e.add(new StringField(Fields.OUTLET_KEY, org.isnad.text.OutletNames.key(d.outlet()), Field.Store.NO));
        }
        if (d.date() != null) {
            e.add(new LongPoint(Fields.DATE_DAY, d.date().toEpochDay()));
            e.add(new NumericDocValuesField(Fields.DATE_DAY, d.date().toEpochDay()));
        }
        e.add(new StoredField(Fields.ORDINAL, p.ordinal()));
        e.add(new StoredField(Fields.PARAGRAPH, p.paragraph()));
        e.add(new StoredField(Fields.START, p.start()));
        e.add(new StoredField(Fields.END, p.end()));
        e.add(new StoredField(Fields.SENTENCES, SentenceCodec.encode(p.sentences())));
        e.add(new TextField(Analyzers.bodyField(d.language()), p.of(d.text()), Field.Store.NO));
        if (!title.isEmpty()) {
            e.add(new TextField(titleField, title.replay()));
        }
        return e;
    }

    private static void addMetadata(org.apache.lucene.document.Document e, Document d) {
        e.add(new StringField(Fields.LANG, d.language().code(), Field.Store.YES));
        if (d.title() != null) {
            e.add(new StoredField(Fields.TITLE, d.title()));
        }
        if (d.date() != null) {
            e.add(new StoredField(Fields.DATE, d.date().toString()));
            e.add(new LongPoint(Fields.DATE_DAY, d.date().toEpochDay()));
            e.add(new NumericDocValuesField(Fields.DATE_DAY, d.date().toEpochDay()));
        }
        if (d.outlet() != null) {
            e.add(new StringField(Fields.OUTLET, d.outlet(), Field.Store.YES));
            e.add(new StringField(Fields.OUTLET_KEY, org.isnad.text.OutletNames.key(d.outlet()), Field.Store.NO));
        }
        if (d.url() != null) {
            e.add(new StoredField(Fields.URL, d.url()));
        }
    }

    // ---------------------------------------------------------------- reading

    /** The stored document with this id. */
    @Override
    public Optional<Document> document(String id) {
        return withSearcher(s -> Optional.ofNullable(cachedDocument(s, id)), Optional.empty());
    }

    /**
     * Documents and their passages most recently read, for the reader they were read from (a new
     * reader after a commit empties them). Reading a stored entry decompresses a block of the
     * index; one question reads the same few documents several times (retrieval in each language,
     * their neighbours, the citations), and the bot's readers ask about the same news.
     */
    private static final int READ_CACHE_DOCUMENTS = 256;
    private final ReadCache<Document> documentCache = new ReadCache<>(READ_CACHE_DOCUMENTS);
    private final ReadCache<List<PassageHit>> passageCache = new ReadCache<>(READ_CACHE_DOCUMENTS);

    /** A small least-recently-used map by document id, valid for one index reader at a time. Thread-safe. */
    private static final class ReadCache<V> {
        private final int capacity;
        private final Map<String, V> entries;
        private Object reader;

        ReadCache(int capacity) {
            this.capacity = capacity;
            this.entries = new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > ReadCache.this.capacity;
                }
            };
        }

        V get(IndexSearcher s, String id, SearchWork<V> read) throws IOException {
            synchronized (this) {
                if (reader != s.getIndexReader()) {
                    entries.clear();
                    reader = s.getIndexReader();
                }
                V hit = entries.get(id);
                if (hit != null) {
                    return hit;
                }
            }
            V value = read.run(s);
            synchronized (this) {
                if (value != null && reader == s.getIndexReader()) {
                    entries.put(id, value);
                }
            }
            return value;
        }
    }

    private Document cachedDocument(IndexSearcher s, String id) throws IOException {
        return documentCache.get(s, id, searcher -> {
            TopDocs top = searcher.search(docsOnly(new TermQuery(new Term(Fields.OWNER, id))), 1);
            return top.scoreDocs.length == 0 ? null : toDocument(searcher.storedFields().document(top.scoreDocs[0].doc));
        });
    }

    /** Id, content hash and source of every document: what re-ingesting compares against. */
    @Override
    public Map<String, StoredState> storedStates() {
        return withSearcher(s -> {
            Map<String, StoredState> out = new TreeMap<>();
            StoredFields stored = s.storedFields();
            Set<String> fields = Set.of(Fields.OWNER, Fields.HASH, Fields.SOURCE);
            for (ScoreDoc sd : all(s, docsOnly(null))) {
                var e = stored.document(sd.doc, fields);
                out.put(e.get(Fields.OWNER), new StoredState(e.get(Fields.HASH), e.get(Fields.SOURCE)));
            }
            return out;
        }, Map.of());
    }


    /**
     * Passages matching {@code plainText} taken as plain words in any language: it is analyzed with
     * every chain and never parsed as query syntax, so AND, quotes, *, :, ~, \ and ( are just text.
     */
    @Override
    public List<PassageHit> search(String plainText, int n) {
        return search(queries.plainWords(plainText), n);
    }

    /** The top {@code n} passages for {@code query}, best first (none when nothing in it is searchable). */
    @Override
    public List<PassageHit> search(PassageQuery query, int n) {
        Query q = queries.build(query);
        return q == null ? List.of() : search(q, n);
    }

    /** The top {@code n} passages for {@code query} (restricted to passage entries). */
    private List<PassageHit> search(Query query, int n) {
        if (n <= 0) {
            return List.of();
        }
        return withSearcher(s -> {
            TopDocs top = s.search(passagesOnly(query), n);
            List<PassageHit> hits = new ArrayList<>(top.scoreDocs.length);
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(toHit(s, stored.document(sd.doc), sd.score));
            }
            return hits;
        }, List.of());
    }

    /**
     * How rare {@code term} is in {@code field} across the whole index: BM25's inverse document
     * frequency, {@code ln(1 + (N - df + 0.5) / (df + 0.5))}; 0 for an empty index.
     */
    @Override
    public double idf(Language language, String term) {
        return idf(Analyzers.bodyField(language), term);
    }

    private double idf(String field, String term) {
        return withSearcher(s -> {
            var reader = s.getIndexReader();
            long n = reader.numDocs();
            long df = reader.docFreq(new Term(field, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }, 0.0);
    }

    /** Every passage of one document, in order. */
    @Override
    public List<PassageHit> passagesOf(String docId) {
        return withSearcher(s -> passageCache.get(s, docId, searcher -> readPassagesOf(searcher, docId)), List.of());
    }

    private List<PassageHit> readPassagesOf(IndexSearcher s, String docId) throws IOException {
        List<PassageHit> hits = new ArrayList<>();
        StoredFields stored = s.storedFields();
        for (ScoreDoc sd : all(s, passagesOnly(new TermQuery(new Term(Fields.OWNER, docId))))) {
            hits.add(toHit(s, stored.document(sd.doc), 0f));
        }
        hits.sort(Comparator.comparingInt(h -> h.passage().ordinal()));
        return List.copyOf(hits);
    }

    /** Counts and ranges of what the index holds. */
    @Override
    public IndexStats stats() {
        return withSearcher(s -> statsCache.get(s, "stats", this::readStats),
                new IndexStats(0, 0, Map.of(), Map.of(), null, null, List.of()));
    }

    /** Counting reads every document's stored metadata: done once per index version (/start and /sources ask often). */
    private final ReadCache<IndexStats> statsCache = new ReadCache<>(1);

    private IndexStats readStats(IndexSearcher s) throws IOException {
        Map<String, Integer> languages = new TreeMap<>();
        Map<String, Integer> outlets = new TreeMap<>();
        List<DocInfo> infos = new ArrayList<>();
        StoredFields stored = s.storedFields();
        Set<String> fields = Set.of(Fields.OWNER, Fields.TITLE, Fields.DATE, Fields.OUTLET, Fields.URL, Fields.LANG);
        // spellings of one outlet count as one, under its most frequent spelling
        Map<String, Map<String, Integer>> spellings = new java.util.HashMap<>();
        for (ScoreDoc sd : all(s, docsOnly(null))) {
            DocInfo info = toInfo(stored.document(sd.doc, fields));
            infos.add(info);
            languages.merge(info.language().code(), 1, Integer::sum);
            if (info.outlet() != null) {
                spellings.computeIfAbsent(org.isnad.text.OutletNames.key(info.outlet()), k -> new TreeMap<>())
                        .merge(info.outlet(), 1, Integer::sum);
            }
        }
        for (Map<String, Integer> forms : spellings.values()) {
            String shown = forms.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            outlets.put(shown, forms.values().stream().mapToInt(Integer::intValue).sum());
        }
        LocalDate first = infos.stream().map(DocInfo::date).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = infos.stream().map(DocInfo::date).filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null);
        List<DocInfo> latest = infos.stream()
                .sorted(Comparator.comparing(DocInfo::date, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(5).toList();
        int passages = s.count(passagesOnly(null));
        return new IndexStats(infos.size(), passages, languages, outlets, first, last, latest);
    }

    /** Number of documents. */
    @Override
    public int documentCount() {
        return withSearcher(s -> s.count(docsOnly(null)), 0);
    }

    private static Query docsOnly(Query q) {
        return restrict(q, Fields.TYPE_DOC);
    }

    private static Query passagesOnly(Query q) {
        return restrict(q, Fields.TYPE_PASSAGE);
    }

    private static Query restrict(Query q, String type) {
        Query filter = new TermQuery(new Term(Fields.TYPE, type));
        if (q == null) {
            return new ConstantScoreQuery(filter);
        }
        return new BooleanQuery.Builder().add(q, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static ScoreDoc[] all(IndexSearcher s, Query q) throws IOException {
        int count = s.count(q);
        return count == 0 ? new ScoreDoc[0] : s.search(q, count).scoreDocs;
    }

    /** A passage hit with its text and metadata from its document entry (through the read cache). */
    private PassageHit toHit(IndexSearcher s, org.apache.lucene.document.Document e, float score) throws IOException {
        Document doc = cachedDocument(s, e.get(Fields.OWNER));
        DocInfo info = new DocInfo(doc.id(), doc.title(), doc.date(), doc.outlet(), doc.url(), doc.language());
        int start = e.getField(Fields.START).numericValue().intValue();
        int end = e.getField(Fields.END).numericValue().intValue();
        int paragraph = e.getField(Fields.PARAGRAPH).numericValue().intValue();
        int ordinal = e.getField(Fields.ORDINAL).numericValue().intValue();
        List<Sentence> sentences = SentenceCodec.decode(e.get(Fields.SENTENCES));
        return new PassageHit(new Passage(info.id(), ordinal, paragraph, start, end, sentences), doc.text().substring(start, end), info, score);
    }

    private static DocInfo toInfo(org.apache.lucene.document.Document e) {
        String date = e.get(Fields.DATE);
        return new DocInfo(e.get(Fields.OWNER), e.get(Fields.TITLE), date == null ? null : LocalDate.parse(date),
                e.get(Fields.OUTLET), e.get(Fields.URL), Language.fromCode(e.get(Fields.LANG)));
    }

    private static Document toDocument(org.apache.lucene.document.Document e) {
        DocInfo i = toInfo(e);
        return new Document(i.id(), i.title(), i.date(), i.outlet(), i.url(), i.language(),
                e.get(Fields.TEXT), e.get(Fields.HASH), e.get(Fields.SOURCE));
    }

    // ---------------------------------------------------------------- searcher lifecycle

    private interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearchWork<T> work, T whenEmpty) {
        SearcherManager manager;
        try {
            manager = searcherManager();
        } catch (IndexNotFoundException e) {
            return whenEmpty;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
        try {
            refreshNowAndThen(manager);
            IndexSearcher s = manager.acquire();
            try {
                return work.run(s);
            } finally {
                manager.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    /**
     * Another process (an {@code isnad ingest} beside a running bot) may have committed: look at
     * most every {@link #REFRESH_EVERY_NANOS}. Looking reads the commit point from disk, and a
     * question reads the index a few dozen times (a quarter of its time went there when every read
     * looked). While this process writes, the searcher follows its writer in memory (cheap), so
     * what it has just added is seen at once.
     */
    private void refreshNowAndThen(SearcherManager manager) throws IOException {
        long now = System.nanoTime();
        if (writer != null || now - lastRefreshLook >= REFRESH_EVERY_NANOS) {
            lastRefreshLook = now;
            manager.maybeRefresh();
        }
    }

    private static final long REFRESH_EVERY_NANOS = 200_000_000L;
    private volatile long lastRefreshLook = System.nanoTime() - REFRESH_EVERY_NANOS;

    private synchronized SearcherManager searcherManager() throws IOException {
        if (searchers == null) {
            searchers = new SearcherManager(directory, null);
        }
        return searchers;
    }

    @Override
    public synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index", e);
        }
    }
}
