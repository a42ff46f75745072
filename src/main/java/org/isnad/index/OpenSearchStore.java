package org.isnad.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.text.Language;
import org.isnad.text.OutletNames;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive on an OpenSearch cluster: one index ({@code <prefix>archive}) holding a document entry
 * per document and a passage entry per passage, with the fields and analysis chains of the embedded
 * index ({@link OpenSearchSchema}). Queries are built from the same {@link PassageQuery} as the
 * embedded index builds its Lucene query from, clause for clause: a group's single-term alternatives
 * are one synonym query per field (a {@code match} through an analyzer that puts them at one
 * position, which OpenSearch turns into Lucene's {@code SynonymQuery}), a phrase alternative a
 * conjunction of terms, the same boosts. Searches run {@code dfs_query_then_fetch}, so BM25's
 * statistics are the whole index's, not a shard's. Bulk writes are retried with back-off when the
 * cluster pushes back (429, 503). Thread-safe.
 */
public final class OpenSearchStore implements ArchiveStore {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PASSAGES = 10_000;
    private static final int BULK_ATTEMPTS = 6;
    private static final long FIRST_BACKOFF_MS = 200;
    /** The analyzer that reads "a|b|c" as three terms at one position: a synonym query of them. */
    private static final String ALTERNATIVES = "isnad_alternatives";
    private static final String DOC = "d:";
    private static final String PASSAGE = "p:";

    /**
     * @param hosts       the nodes' addresses ("http://127.0.0.1:9200"); requests go to any that answers
     * @param user        user name, or null (from the environment only)
     * @param password    password, or null (from the environment only)
     * @param indexPrefix prefix of the index name
     * @param shards      primary shards of a new index
     * @param replicas    replicas of each shard of a new index
     */
    public record Options(List<String> hosts, String user, String password, String indexPrefix, int shards, int replicas) {
        /** The options {@code opensearch.*} configures; user and password from the environment only. */
        public static Options from(org.isnad.config.IsnadConfig.OpenSearch os) {
            return new Options(os.hostList(), System.getenv("ISNAD_OPENSEARCH_USER"), System.getenv("ISNAD_OPENSEARCH_PASSWORD"),
                    os.indexPrefix(), Math.max(1, os.shards()), Math.max(0, os.replicas()));
        }

        public Options {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("opensearch.hosts is empty: give the cluster's addresses (http://host:9200,...)");
            }
            indexPrefix = indexPrefix == null ? "isnad-" : indexPrefix;
        }
    }

    private final Options options;
    private final String index;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient http;
    private final Analyzers analyzers = new Analyzers();
    private final PassageQueries plan = new PassageQueries(analyzers);
    private final Map<String, Optional<Document>> documents = new ConcurrentHashMap<>();
    private final Map<String, Double> idfs = new ConcurrentHashMap<>();
    private volatile IndexStats stats;

    private OpenSearchStore(Options options, ApacheHttpClient5Transport transport) {
        this.options = options;
        this.index = options.indexPrefix() + "archive";
        this.transport = transport;
        this.http = new OpenSearchClient(transport).generic();
    }

    /** Connects to the cluster and creates the index when it is not there yet. */
    public static OpenSearchStore open(Options options) {
        HttpHost[] hosts = options.hosts().stream().map(OpenSearchStore::host).toArray(HttpHost[]::new);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts);
        if (options.user() != null && !options.user().isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            for (HttpHost h : hosts) {
                credentials.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(options.user(),
                        (options.password() == null ? "" : options.password()).toCharArray()));
            }
            builder.setHttpClientConfigCallback(b -> b.setDefaultCredentialsProvider(credentials));
        }
        OpenSearchStore store = new OpenSearchStore(options, builder.build());
        try {
            store.ensureIndex();
        } catch (ArchiveUnavailableException e) {
            // a bot started while the cluster is down still starts, says so to each question, and
            // creates or finds the index once the cluster answers
            LOG.warn("{}; will try again on the next request", e.getMessage());
        }
        return store;
    }

    private static HttpHost host(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getHost() == null) {
                throw new IllegalArgumentException("not an address: " + url);
            }
            return new HttpHost(u.getScheme() == null ? "http" : u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("opensearch.hosts: " + e.getMessage(), e);
        }
    }

    private volatile boolean indexReady;

    private void ensureIndex() {
        if (indexReady) {
            return;
        }
        if (send("HEAD", "/" + index, Map.of(), null, true) != null) {
            indexReady = true;
            return;
        }
        ObjectNode body = OpenSearchSchema.createIndexBody(options.shards(), options.replicas());
        JsonNode created = send("PUT", "/" + index, Map.of(), body.toString(), true);
        if (created == null) {
            // another Isnad process created it first: fine, as long as it is there now
            if (send("HEAD", "/" + index, Map.of(), null, true) == null) {
                throw new ArchiveUnavailableException("cannot create the OpenSearch index " + index, null);
            }
        }
        indexReady = true;
    }

    /** Deletes the whole index from the cluster (a benchmark's throw-away archive). */
    public void drop() {
        send("DELETE", "/" + index, Map.of(), null, true);
        indexReady = false;
    }

    /** The name of the index on the cluster. */
    public String indexName() {
        return index;
    }

    @Override
    public Analyzers analyzers() {
        return analyzers;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void upsert(Document doc, List<Passage> passages) {
        int before = storedPassageCount(doc.id());
        StringBuilder bulk = new StringBuilder();
        action(bulk, "index", DOC + doc.id());
        bulk.append(docEntry(doc, passages.size())).append('\n');
        String heading = (doc.title() == null ? "" : doc.title()) + (doc.date() == null ? "" : " " + doc.date());
        for (Passage p : passages) {
            action(bulk, "index", PASSAGE + doc.id() + "#" + p.ordinal());
            bulk.append(passageEntry(doc, p, heading)).append('\n');
        }
        // a shorter new version leaves no passages of the old one behind
        for (int ordinal = passages.size(); ordinal < before; ordinal++) {
            action(bulk, "delete", PASSAGE + doc.id() + "#" + ordinal);
        }
        bulk(bulk.toString(), doc.id());
        documents.remove(doc.id());
    }

    private int storedPassageCount(String id) {
        JsonNode found = mget(List.of(DOC + id)).get(DOC + id);
        return found == null ? 0 : found.path("passage_count").asInt(0);
    }

    private void action(StringBuilder bulk, String action, String id) {
        ObjectNode meta = JSON.createObjectNode();
        meta.putObject(action).put("_index", index).put("_id", id);
        bulk.append(meta).append('\n');
    }

    private static ObjectNode docEntry(Document d, int passages) {
        ObjectNode e = JSON.createObjectNode();
        e.put(Fields.TYPE, Fields.TYPE_DOC);
        e.put(Fields.OWNER, d.id());
        e.put(Fields.LANG, d.language().code());
        putIfPresent(e, Fields.TITLE, d.title());
        if (d.date() != null) {
            e.put(Fields.DATE, d.date().toString());
            e.put(Fields.DATE_DAY, d.date().toEpochDay());
        }
        if (d.outlet() != null) {
            e.put(Fields.OUTLET, d.outlet());
            e.put(Fields.OUTLET_KEY, OutletNames.key(d.outlet()));
        }
        putIfPresent(e, Fields.URL, d.url());
        e.put(Fields.TEXT, d.text());
        e.put(Fields.HASH, d.contentHash());
        putIfPresent(e, Fields.SOURCE, d.source());
        e.put("passage_count", passages);
        return e;
    }

    private static ObjectNode passageEntry(Document d, Passage p, String heading) {
        ObjectNode e = JSON.createObjectNode();
        e.put(Fields.TYPE, Fields.TYPE_PASSAGE);
        e.put(Fields.OWNER, d.id());
        if (d.outlet() != null) {
            e.put(Fields.OUTLET, d.outlet());
            e.put(Fields.OUTLET_KEY, OutletNames.key(d.outlet()));
        }
        if (d.date() != null) {
            e.put(Fields.DATE_DAY, d.date().toEpochDay());
        }
        e.put(Fields.ORDINAL, p.ordinal());
        e.put(Fields.PARAGRAPH, p.paragraph());
        e.put(Fields.START, p.start());
        e.put(Fields.END, p.end());
        e.put(Fields.SENTENCES, SentenceCodec.encode(p.sentences()));
        e.put(Analyzers.bodyField(d.language()), p.of(d.text()));
        if (!heading.isBlank()) {
            e.put(Analyzers.titleField(d.language()), heading);
        }
        return e;
    }

    private static void putIfPresent(ObjectNode e, String field, String value) {
        if (value != null) {
            e.put(field, value);
        }
    }

    /** Sends one bulk request; items the cluster pushed back (429, 503) are sent again, with back-off. */
    private void bulk(String ndjson, String what) {
        String pending = ndjson;
        for (int attempt = 1; ; attempt++) {
            JsonNode r = call("POST", "/_bulk", Map.of(), pending, false);
            if (!r.path("errors").asBoolean(false)) {
                return;
            }
            String[] lines = pending.split("\n");
            StringBuilder retry = new StringBuilder();
            List<String> failures = new ArrayList<>();
            int line = 0;
            for (JsonNode item : r.path("items")) {
                JsonNode result = item.elements().next();
                String action = lines[line];
                boolean hasSource = !action.startsWith("{\"delete\"");
                int status = result.path("status").asInt();
                if (status == 429 || status == 503) {
                    retry.append(action).append('\n');
                    if (hasSource) {
                        retry.append(lines[line + 1]).append('\n');
                    }
                } else if (status >= 300 && !(status == 404 && !hasSource)) {
                    failures.add(result.path("_id").asText() + ": " + result.path("error").path("reason").asText(String.valueOf(status)));
                }
                line += hasSource ? 2 : 1;
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("OpenSearch refused " + what + ": " + String.join("; ", failures));
            }
            if (retry.isEmpty()) {
                return;
            }
            if (attempt >= BULK_ATTEMPTS) {
                throw new ArchiveUnavailableException("OpenSearch kept refusing " + what + " (busy) after " + attempt + " attempts", null);
            }
            sleep(FIRST_BACKOFF_MS << (attempt - 1));
            pending = retry.toString();
        }
    }

    @Override
    public boolean delete(String id) {
        Optional<Document> existing = document(id);
        if (existing.isEmpty()) {
            return false;
        }
        StringBuilder bulk = new StringBuilder();
        action(bulk, "delete", DOC + id);
        // the document entry counts its passages: no delete-by-query (a module the cluster may not have)
        for (int ordinal = 0, n = storedPassageCount(id); ordinal < n; ordinal++) {
            action(bulk, "delete", PASSAGE + id + "#" + ordinal);
        }
        bulk(bulk.toString(), id);
        documents.remove(id);
        return true;
    }

    @Override
    public void commit() {
        call("POST", "/" + index + "/_refresh", Map.of(), null, false);
        documents.clear();
        idfs.clear();
        entries = -1;
        stats = null;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Document> document(String id) {
        Optional<Document> cached = documents.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode source = mget(List.of(DOC + id)).get(DOC + id);
        Optional<Document> found = Optional.ofNullable(source).map(OpenSearchStore::toDocument);
        if (documents.size() > 512) {
            documents.clear();
        }
        documents.put(id, found);
        return found;
    }

    /** The sources of the entries with these ids that exist, by id. */
    private Map<String, JsonNode> mget(List<String> ids) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("ids");
        ids.forEach(list::add);
        JsonNode r = call("POST", "/" + index + "/_mget", Map.of(), body.toString(), false);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode d : r.path("docs")) {
            if (d.path("found").asBoolean(false)) {
                out.put(d.path("_id").asText(), d.path("_source"));
            }
        }
        return out;
    }

    private static Document toDocument(JsonNode s) {
        DocInfo i = toInfo(s);
        return new Document(i.id(), i.title(), i.date(), i.outlet(), i.url(), i.language(),
                s.path(Fields.TEXT).asText(), text(s, Fields.HASH), text(s, Fields.SOURCE));
    }

    private static DocInfo toInfo(JsonNode s) {
        String date = text(s, Fields.DATE);
        return new DocInfo(text(s, Fields.OWNER), text(s, Fields.TITLE), date == null ? null : LocalDate.parse(date),
                text(s, Fields.OUTLET), text(s, Fields.URL), Language.fromCode(text(s, Fields.LANG)));
    }

    private static String text(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public Map<String, StoredState> storedStates() {
        Map<String, StoredState> out = new TreeMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = JSON.createObjectNode().put("size", 1000);
            body.putObject("query").putObject("term").put(Fields.TYPE, Fields.TYPE_DOC);
            body.putArray("_source").add(Fields.OWNER).add(Fields.HASH).add(Fields.SOURCE);
            body.putArray("sort").addObject().put(Fields.OWNER, "asc");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = call("POST", "/" + index + "/_search", Map.of(), body.toString(), false).path("hits").path("hits");
            if (hits.isEmpty()) {
                return out;
            }
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                out.put(text(s, Fields.OWNER), new StoredState(text(s, Fields.HASH), text(s, Fields.SOURCE)));
                after = h.path("sort");
            }
        }
    }

    @Override
    public List<PassageHit> search(String plainText, int n) {
        return hits(plainWords(plainText), n);
    }

    @Override
    public List<PassageHit> search(PassageQuery query, int n) {
        ObjectNode q = query(query);
        return q == null ? List.of() : hits(q, n);
    }

    private List<PassageHit> hits(ObjectNode query, int n) {
        if (n <= 0) {
            return List.of();
        }
        ObjectNode body = JSON.createObjectNode().put("size", n);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").add(query);
        bool.putArray("filter").addObject().putObject("term").put(Fields.TYPE, Fields.TYPE_PASSAGE);
        body.putArray("_source").add(Fields.OWNER).add(Fields.ORDINAL).add(Fields.PARAGRAPH).add(Fields.START)
                .add(Fields.END).add(Fields.SENTENCES);
        JsonNode r = call("POST", "/" + index + "/_search", Map.of("search_type", "dfs_query_then_fetch"), body.toString(), false);
        return toHits(r.path("hits").path("hits"), true);
    }

    private List<PassageHit> toHits(JsonNode hits, boolean scored) {
        Set<String> owners = new LinkedHashSet<>();
        hits.forEach(h -> owners.add(h.path("_source").path(Fields.OWNER).asText()));
        Map<String, Document> docs = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : owners) {
            Optional<Document> cached = documents.get(id);
            if (cached != null && cached.isPresent()) {
                docs.put(id, cached.get());
            } else {
                missing.add(DOC + id);
            }
        }
        if (!missing.isEmpty()) {
            mget(missing).forEach((k, s) -> {
                Document d = toDocument(s);
                docs.put(d.id(), d);
                documents.put(d.id(), Optional.of(d));
            });
        }
        List<PassageHit> out = new ArrayList<>();
        for (JsonNode h : hits) {
            JsonNode s = h.path("_source");
            Document doc = docs.get(s.path(Fields.OWNER).asText());
            if (doc == null) {
                continue; // its document was replaced or removed between the two reads
            }
            int start = s.path(Fields.START).asInt();
            int end = s.path(Fields.END).asInt();
            if (end > doc.text().length()) {
                continue;
            }
            Passage p = new Passage(doc.id(), s.path(Fields.ORDINAL).asInt(), s.path(Fields.PARAGRAPH).asInt(), start, end,
                    SentenceCodec.decode(s.path(Fields.SENTENCES).asText()));
            DocInfo info = new DocInfo(doc.id(), doc.title(), doc.date(), doc.outlet(), doc.url(), doc.language());
            out.add(new PassageHit(p, doc.text().substring(start, end), info, scored ? (float) h.path("_score").asDouble() : 0f));
        }
        return out;
    }

    /** The same clauses as {@link PassageQueries#build}, written as OpenSearch's query language. */
    private ObjectNode query(PassageQuery q) {
        ObjectNode translated = groups(q);
        ObjectNode query;
        if (q.plainWords() == null) {
            query = translated;
        } else {
            ObjectNode words = plainWords(q.plainWords());
            if (translated == null) {
                query = words;
            } else {
                query = JSON.createObjectNode();
                query.putObject("bool").putArray("should").add(words).add(translated);
            }
        }
        return query == null ? null : withFilters(query, q.filters());
    }

    private ObjectNode groups(PassageQuery q) {
        PassageQueries.Scope scope = PassageQueries.Scope.of(q.language());
        ArrayNode should = JSON.createArrayNode();
        for (PassageQuery.Group g : q.groups()) {
            ObjectNode body = groupQuery(g, scope.arabicBody(), scope.englishBody());
            if (body == null) {
                continue;
            }
            should.add(boosted(body, (float) g.weight()));
            ObjectNode title = groupQuery(g, scope.arabicTitle(), scope.englishTitle());
            if (title != null) {
                should.add(boosted(title, PassageQueries.TITLE_BOOST * (float) g.weight()));
            }
        }
        if (should.isEmpty()) {
            return null;
        }
        ObjectNode all = JSON.createObjectNode();
        all.putObject("bool").set("should", should);
        return all;
    }

    private static ObjectNode boosted(ObjectNode q, float boost) {
        ObjectNode wrapper = JSON.createObjectNode();
        ObjectNode bool = wrapper.putObject("bool");
        bool.putArray("must").add(q);
        bool.put("boost", boost);
        return wrapper;
    }

    private static ObjectNode groupQuery(PassageQuery.Group g, String arabicField, String englishField) {
        ArrayNode clauses = JSON.createArrayNode();
        addAlternatives(clauses, g.arabic(), arabicField);
        addAlternatives(clauses, g.english(), englishField);
        if (clauses.isEmpty()) {
            return null;
        }
        if (clauses.size() == 1) {
            return (ObjectNode) clauses.get(0);
        }
        ObjectNode q = JSON.createObjectNode();
        q.putObject("bool").set("should", clauses);
        return q;
    }

    private static void addAlternatives(ArrayNode clauses, List<List<String>> alternatives, String field) {
        if (field == null) {
            return;
        }
        List<String> singles = new ArrayList<>();
        for (List<String> alt : alternatives) {
            if (alt.size() == 1) {
                singles.add(alt.get(0));
            } else {
                ObjectNode phrase = JSON.createObjectNode();
                ArrayNode must = phrase.putObject("bool").putArray("must");
                alt.forEach(t -> must.addObject().putObject("term").put(field, t));
                clauses.add(phrase);
            }
        }
        if (!singles.isEmpty()) {
            ObjectNode match = JSON.createObjectNode();
            match.putObject("match").putObject(field).put("query", String.join("|", singles)).put("analyzer", ALTERNATIVES);
            clauses.add(match);
        }
    }

    private ObjectNode plainWords(String plainText) {
        ArrayNode should = JSON.createArrayNode();
        for (PassageQueries.PlainTerm t : plan.plainTerms(plainText)) {
            should.addObject().putObject("term").putObject(t.field()).put("value", t.term()).put("boost", t.boost());
        }
        ObjectNode q = JSON.createObjectNode();
        if (should.isEmpty()) {
            q.putObject("match_none");
        } else {
            q.putObject("bool").set("should", should);
        }
        return q;
    }

    private static ObjectNode withFilters(ObjectNode q, PassageQuery.Filters f) {
        if (f.none()) {
            return q;
        }
        ObjectNode out = JSON.createObjectNode();
        ObjectNode bool = out.putObject("bool");
        bool.putArray("must").add(q);
        ArrayNode filter = bool.putArray("filter");
        if (f.since() != null || f.until() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject(Fields.DATE_DAY);
            if (f.since() != null) {
                range.put("gte", f.since().toEpochDay());
            }
            if (f.until() != null) {
                range.put("lte", f.until().toEpochDay());
            }
        }
        if (f.outlet() != null) {
            ArrayNode either = filter.addObject().putObject("bool").putArray("should");
            either.addObject().putObject("term").put(Fields.OUTLET_KEY, OutletNames.key(f.outlet()));
            either.addObject().putObject("term").put(Fields.OUTLET, f.outlet());
        }
        return out;
    }

    @Override
    public double idf(Language language, String term) {
        String field = Analyzers.bodyField(language);
        return idfs.computeIfAbsent(field + ":" + term, k -> {
            ObjectNode q = JSON.createObjectNode();
            q.putObject("query").putObject("term").put(field, term);
            long df = call("POST", "/" + index + "/_count", Map.of(), q.toString(), false).path("count").asLong();
            long n = entries();
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        });
    }

    /** How many entries (documents and passages) the index holds: idf's N, counted once per commit. */
    private long entries() {
        long n = entries;
        if (n < 0) {
            n = call("POST", "/" + index + "/_count", Map.of(), null, false).path("count").asLong();
            entries = n;
        }
        return n;
    }

    private volatile long entries = -1;

    @Override
    public List<PassageHit> passagesOf(String docId) {
        ObjectNode body = JSON.createObjectNode().put("size", MAX_PASSAGES);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put(Fields.TYPE, Fields.TYPE_PASSAGE);
        filter.addObject().putObject("term").put(Fields.OWNER, docId);
        body.putArray("sort").addObject().put(Fields.ORDINAL, "asc");
        body.putArray("_source").add(Fields.OWNER).add(Fields.ORDINAL).add(Fields.PARAGRAPH).add(Fields.START)
                .add(Fields.END).add(Fields.SENTENCES);
        JsonNode r = call("POST", "/" + index + "/_search", Map.of(), body.toString(), false);
        return List.copyOf(toHits(r.path("hits").path("hits"), false));
    }

    @Override
    public IndexStats stats() {
        IndexStats cached = stats;
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode().put("size", 5).put("track_total_hits", true);
        body.putObject("query").putObject("term").put(Fields.TYPE, Fields.TYPE_DOC);
        body.putArray("_source").add(Fields.OWNER).add(Fields.TITLE).add(Fields.DATE).add(Fields.OUTLET).add(Fields.URL).add(Fields.LANG);
        body.putArray("sort").addObject().putObject(Fields.DATE_DAY).put("order", "desc").put("missing", "_last");
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("languages").putObject("terms").put("field", Fields.LANG).put("size", 10);
        ObjectNode outlets = aggs.putObject("outlets");
        outlets.putObject("terms").put("field", Fields.OUTLET_KEY).put("size", 1000);
        outlets.putObject("aggs").putObject("spellings").putObject("terms").put("field", Fields.OUTLET).put("size", 20);
        aggs.putObject("first").putObject("min").put("field", Fields.DATE_DAY);
        aggs.putObject("last").putObject("max").put("field", Fields.DATE_DAY);
        JsonNode r = call("POST", "/" + index + "/_search", Map.of(), body.toString(), false);
        Map<String, Integer> languages = new TreeMap<>();
        for (JsonNode b : r.path("aggregations").path("languages").path("buckets")) {
            languages.put(b.path("key").asText(), b.path("doc_count").asInt());
        }
        Map<String, Integer> outletCounts = new TreeMap<>();
        for (JsonNode b : r.path("aggregations").path("outlets").path("buckets")) {
            // spellings of one outlet count as one, under its most frequent spelling
            JsonNode top = b.path("spellings").path("buckets").path(0);
            outletCounts.put(top.path("key").asText(b.path("key").asText()), b.path("doc_count").asInt());
        }
        List<DocInfo> latest = new ArrayList<>();
        r.path("hits").path("hits").forEach(h -> latest.add(toInfo(h.path("_source"))));
        ObjectNode passages = JSON.createObjectNode();
        passages.putObject("query").putObject("term").put(Fields.TYPE, Fields.TYPE_PASSAGE);
        int passageCount = call("POST", "/" + index + "/_count", Map.of(), passages.toString(), false).path("count").asInt();
        IndexStats s = new IndexStats(r.path("hits").path("total").path("value").asInt(), passageCount, languages, outletCounts,
                day(r.path("aggregations").path("first")), day(r.path("aggregations").path("last")), latest);
        stats = s;
        return s;
    }

    private static LocalDate day(JsonNode agg) {
        JsonNode v = agg.path("value");
        return v.isNumber() ? LocalDate.ofEpochDay(v.asLong()) : null;
    }

    @Override
    public int documentCount() {
        ObjectNode q = JSON.createObjectNode();
        q.putObject("query").putObject("term").put(Fields.TYPE, Fields.TYPE_DOC);
        return call("POST", "/" + index + "/_count", Map.of(), q.toString(), false).path("count").asInt();
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.warn("closing the OpenSearch client: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- transport

    /**
     * One request. {@code absentIsNull}: a 404 (or a 400 "already exists" on create) gives null
     * instead of an error. A cluster that cannot be reached, or answers 5xx after the client tried
     * every node, is an {@link ArchiveUnavailableException}.
     */
    private JsonNode call(String method, String endpoint, Map<String, String> params, String body, boolean absentIsNull) {
        ensureIndex();
        return send(method, endpoint, params, body, absentIsNull);
    }

    private JsonNode send(String method, String endpoint, Map<String, String> params, String body, boolean absentIsNull) {
        var request = Requests.builder().method(method).endpoint(endpoint).query(params);
        if (body != null) {
            request.body(Body.from(body.getBytes(StandardCharsets.UTF_8),
                    endpoint.endsWith("_bulk") ? "application/x-ndjson" : "application/json"));
        }
        try (Response r = http.execute(request.build())) {
            int status = r.getStatus();
            String text = r.getBody().map(Body::bodyAsString).orElse("");
            if (status < 300) {
                return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
            }
            if (absentIsNull && (status == 404 || status == 400 && text.contains("resource_already_exists"))) {
                return null;
            }
            if (status == 429 || status >= 500) {
                throw new ArchiveUnavailableException("OpenSearch answered " + status + " to " + method + " " + endpoint + ": "
                        + abbreviated(text), null);
            }
            throw new IllegalStateException("OpenSearch refused " + method + " " + endpoint + " (" + status + "): " + abbreviated(text));
        } catch (IOException e) {
            throw new ArchiveUnavailableException("the archive is unreachable (OpenSearch at " + String.join(", ", options.hosts())
                    + "): " + e.getMessage(), e);
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailableException("interrupted while waiting for OpenSearch", null);
        }
    }
}
