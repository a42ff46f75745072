package org.isnad.eval;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.isnad.answer.Citation;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.index.Analyzers;
import org.isnad.text.Sentence;

/**
 * The plain-Lucene baseline every Isnad figure is shown beside: BM25 over the same passages, each
 * analyzed with the same Arabic or English chain Isnad uses, queried with the question's analyzed
 * terms (no translation, no question analysis), the best-matching sentence of each top passage as
 * its quote, and never a refusal. Its own index lives in a directory of its own.
 */
public final class LuceneBaseline implements QaSystem, Closeable {

    private static final String ID = "id";
    private static final String ORDINAL = "ordinal";
    /** How many quotes the baseline shows: the top sentence of each of the top three passages. */
    private static final int QUOTES = 3;
    private static final int TOP = 10;

    private final Analyzers analyzers = new Analyzers();
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, Document> documents;
    private final Map<String, List<Passage>> passages;

    private LuceneBaseline(Directory directory, Map<String, Document> documents, Map<String, List<Passage>> passages) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.documents = documents;
        this.passages = passages;
    }

    /** Indexes {@code passages} (one Lucene document each) of {@code documents} into {@code dir} and commits. */
    public static LuceneBaseline build(Path dir, Map<String, Document> documents, Map<String, List<Passage>> passages) {
        try {
            Directory directory = FSDirectory.open(dir);
            Analyzers analyzers = new Analyzers();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
                for (var e : passages.entrySet()) {
                    Document doc = documents.get(e.getKey());
                    String field = Analyzers.bodyField(doc.language());
                    for (Passage p : e.getValue()) {
                        var d = new org.apache.lucene.document.Document();
                        d.add(new StringField(ID, doc.id(), Field.Store.YES));
                        d.add(new StoredField(ORDINAL, p.ordinal()));
                        d.add(new TextField(field, p.of(doc.text()), Field.Store.NO));
                        writer.addDocument(d);
                    }
                }
                writer.commit();
            }
            return new LuceneBaseline(directory, Map.copyOf(documents), Map.copyOf(passages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the baseline index in " + dir, e);
        }
    }

    /** The question's terms in each body field, as one BM25 disjunction. */
    Query query(String question) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String field : List.of(org.isnad.index.Fields.BODY_AR, org.isnad.index.Fields.BODY_EN)) {
            for (String t : new LinkedHashSet<>(analyzers.terms(field, question))) {
                q.add(new TermQuery(new Term(field, t)), Occur.SHOULD);
            }
        }
        return q.build();
    }

    /** Plain top-10 search: the (doc id, passage ordinal) of each hit, best first. */
    public List<Hit> search(String question, int n) {
        try {
            ScoreDoc[] top = searcher.search(query(question), n).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.length);
            for (ScoreDoc sd : top) {
                var d = stored.document(sd.doc);
                hits.add(new Hit(d.get(ID), d.getField(ORDINAL).numericValue().intValue(), sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("baseline search failed", e);
        }
    }

    public record Hit(String docId, int ordinal, float score) {}

    @Override
    public Response ask(String question) {
        long t0 = System.nanoTime();
        List<Hit> hits = search(question, TOP);
        Set<String> ranked = new LinkedHashSet<>();
        List<Citation> citations = new ArrayList<>();
        for (Hit h : hits) {
            ranked.add(h.docId());
            if (citations.size() < QUOTES) {
                Document doc = documents.get(h.docId());
                Passage p = passages.get(h.docId()).get(h.ordinal());
                Sentence s = topSentence(question, doc, p);
                citations.add(new Citation(citations.size() + 1, doc.id(), doc.title(), doc.outlet(),
                        doc.date() == null ? null : doc.date().toString(), doc.text().substring(s.start(), s.end()),
                        s.start(), s.end(), s.speaker()));
            }
        }
        return new Response(!citations.isEmpty(), new ArrayList<>(ranked), citations, System.nanoTime() - t0);
    }

    /** The passage's sentence sharing the most distinct question terms (the first one on a tie). */
    private Sentence topSentence(String question, Document doc, Passage p) {
        String field = Analyzers.bodyField(doc.language());
        Set<String> wanted = new HashSet<>(analyzers.terms(field, question));
        Sentence best = p.sentences().get(0);
        int bestScore = -1;
        for (Sentence s : p.sentences()) {
            Set<String> have = new HashSet<>(analyzers.terms(field, doc.text().substring(s.start(), s.end())));
            have.retainAll(wanted);
            if (have.size() > bestScore) {
                best = s;
                bestScore = have.size();
            }
        }
        return best;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
