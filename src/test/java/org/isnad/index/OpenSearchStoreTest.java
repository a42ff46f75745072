package org.isnad.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isnad.answer.Answer;
import org.isnad.answer.AnswerFactory;
import org.isnad.answer.AnswerService;
import org.isnad.answer.AskRequest;
import org.isnad.answer.Citation;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.IngestReport;
import org.isnad.ingest.Ingester;
import org.isnad.ingest.RawDocument;
import org.isnad.text.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive on a real two-node OpenSearch cluster (one shard, its replica on the other node)
 * answers as the embedded index does: the same
 * documents and statistics, the same passages in the same order with the same BM25 scores, and the
 * same answers with the same citations for our own question set; re-ingesting changes nothing, a
 * changed document replaces its passages, a deleted one is gone. Last, failures: with one node
 * stopped, ingest completes and questions are answered as before; with the whole cluster down, a
 * question gets a plain "the archive cannot be reached" and nothing crashes; when the cluster comes
 * back, answers come back.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OpenSearchStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Path> INPUTS = List.of(Path.of("corpus/sample"), Path.of("src/test/resources/answer/articles-ar.jsonl"),
            Path.of("src/test/resources/answer/articles-en.jsonl"));

    @TempDir
    static Path dir;
    private static OpenSearchCluster cluster;
    private static IsnadIndex lucene;
    private static OpenSearchStore opensearch;

    @BeforeAll
    static void start() throws Exception {
        cluster = OpenSearchCluster.start(2);
        lucene = IsnadIndex.open(dir.resolve("index"));
        opensearch = OpenSearchStore.open(new OpenSearchStore.Options(List.of(cluster.hosts().split(",")), null, null, "test-", 1, 1));
        for (ArchiveStore store : List.of(lucene, opensearch)) {
            IngestReport r = new Ingester(store, 50_000_000).ingest(INPUTS, false, IngestListener.NONE);
            assertThat(r.skipped()).isEmpty();
        }
    }

    @AfterAll
    static void stop() {
        if (opensearch != null) {
            opensearch.close();
        }
        if (lucene != null) {
            lucene.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static List<String> questions() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/answer/questions.jsonl"))) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line).path("question").asText());
            }
        }
        return out;
    }

    @Test
    void theSameDocumentsAndStatistics() {
        assertThat(opensearch.documentCount()).isEqualTo(lucene.documentCount()).isGreaterThan(10);
        assertThat(opensearch.storedStates()).isEqualTo(lucene.storedStates());
        IndexStats l = lucene.stats();
        IndexStats o = opensearch.stats();
        assertThat(o.documents()).isEqualTo(l.documents());
        assertThat(o.passages()).isEqualTo(l.passages());
        assertThat(o.languages()).isEqualTo(l.languages());
        assertThat(o.outlets()).isEqualTo(l.outlets());
        assertThat(o.firstDate()).isEqualTo(l.firstDate());
        assertThat(o.lastDate()).isEqualTo(l.lastDate());
        String id = l.latest().get(0).id();
        assertThat(opensearch.document(id)).isEqualTo(lucene.document(id));
        assertThat(opensearch.passagesOf(id)).isEqualTo(lucene.passagesOf(id));
        assertThat(opensearch.idf(Language.AR, "موسكو")).isCloseTo(lucene.idf(Language.AR, "موسكو"), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSamePassagesInTheSameOrderWithTheSameScores() throws Exception {
        AnswerService service = new AnswerFactory(lucene, null).service();
        int compared = 0;
        for (String question : questions()) {
            var q = service.analyzer().analyze(question, question, null);
            for (Language language : List.of(Language.AR, Language.EN)) {
                PassageQuery pq = PassageQuery.of(org.isnad.answer.PassageRetriever.groups(q), language);
                List<PassageHit> l = lucene.search(pq, 10);
                List<PassageHit> o = opensearch.search(pq, 10);
                assertThat(o).as(question + " " + language).hasSameSizeAs(l);
                for (int i = 0; i < l.size(); i++) {
                    assertThat(o.get(i).score()).as(question + " score " + i).isCloseTo(l.get(i).score(), org.assertj.core.data.Percentage.withPercentage(0.01));
                    compared++;
                }
                // passages of equal score may come in another order, and at the cut-off another of them may
                // be the tenth: the passages scoring above the last score are the same ones
                float last = l.isEmpty() ? 0 : l.get(l.size() - 1).score();
                assertThat(above(o, last)).as(question + " " + language).isEqualTo(above(l, last));
            }
            List<PassageHit> lw = lucene.search(question, 10);
            List<PassageHit> ow = opensearch.search(question, 10);
            assertThat(ow.stream().map(PassageHit::score).toList()).hasSameSizeAs(lw);
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static List<String> above(List<PassageHit> hits, float score) {
        return hits.stream().filter(h -> h.score() > score * (1 + 1e-4)).map(h -> h.doc().id() + "#" + h.passage().ordinal()).sorted().toList();
    }

    @Test
    void theSameAnswersWithTheSameCitations() throws Exception {
        AnswerService onLucene = new AnswerFactory(lucene, null).service();
        AnswerService onOpenSearch = new AnswerFactory(opensearch, null).service();
        List<String> differences = new ArrayList<>();
        int answered = 0;
        for (String question : questions()) {
            Answer l = onLucene.ask(AskRequest.of(question));
            Answer o = onOpenSearch.ask(AskRequest.of(question));
            answered += l.answered() ? 1 : 0;
            if (l.answered() != o.answered() || !cited(l).equals(cited(o))) {
                differences.add(question + "\n  embedded:   " + l.answered() + " " + cited(l) + "\n  OpenSearch: " + o.answered() + " " + cited(o));
            }
        }
        assertThat(answered).isGreaterThan(30);
        assertThat(differences).as("questions answered differently").isEmpty();
    }

    private static List<String> cited(Answer a) {
        return a.citations().stream().map((Citation c) -> c.docId() + "@" + c.start() + "-" + c.end()).toList();
    }

    @Test
    void reIngestingChangesNothingAndAChangedDocumentReplacesItsPassages() {
        IngestReport again = new Ingester(opensearch, 50_000_000).ingest(INPUTS, false, IngestListener.NONE);
        assertThat(again.added() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(lucene.documentCount());

        Ingester ingester = new Ingester(opensearch, 50_000_000);
        ingester.ingestDocuments(List.of(new RawDocument("os-change", "Changing", "2024-03-02", "Wire", null, "en",
                "First sentence of the first version. Second sentence of it. Third sentence here.\n\nA second paragraph.", null)));
        int before = opensearch.passagesOf("os-change").size();
        ingester.ingestDocuments(List.of(new RawDocument("os-change", "Changing", "2024-03-02", "Wire", null, "en",
                "Only one short sentence now.", null)));
        List<PassageHit> after = opensearch.passagesOf("os-change");
        assertThat(before).isGreaterThan(after.size());
        assertThat(after).extracting(PassageHit::text).containsExactly("Only one short sentence now.");
        assertThat(opensearch.search("first version", 10)).noneMatch(h -> h.doc().id().equals("os-change"));

        assertThat(opensearch.delete("os-change")).isTrue();
        opensearch.commit();
        assertThat(opensearch.document("os-change")).isEmpty();
        assertThat(opensearch.passagesOf("os-change")).isEmpty();
    }

    @Test
    void migrateCopiesTheEmbeddedIndexAndAgainCopiesNothing() {
        java.util.Map<String, String> env = java.util.Map.of("ISNAD_DATA_DIR", dir.toString(), "ISNAD_OPENSEARCH_HOSTS", cluster.hosts(),
                "ISNAD_OPENSEARCH_INDEX_PREFIX", "migrated-", "ISNAD_OPENSEARCH_SHARDS", "1");
        assertThat(org.isnad.cli.IsnadCli.run(env, "migrate")).isZero();
        try (OpenSearchStore migrated = OpenSearchStore.open(new OpenSearchStore.Options(List.of(cluster.hosts().split(",")), null, null,
                "migrated-", 1, 1))) {
            assertThat(migrated.storedStates()).isEqualTo(lucene.storedStates());
            String id = lucene.storedStates().keySet().iterator().next();
            assertThat(migrated.document(id)).isEqualTo(lucene.document(id));
            assertThat(migrated.passagesOf(id)).isEqualTo(lucene.passagesOf(id));
        }
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(org.isnad.cli.IsnadCli.run(env, "migrate")).isZero();
        } finally {
            System.setOut(out);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("0 documents copied");
    }

    @Test
    void aClusterUnreachableFromTheStartIsSaidPlainlyToEachQuestion() throws Exception {
        // a bot may start while its cluster is down: it starts, and says so to every question
        try (OpenSearchStore down = OpenSearchStore.open(new OpenSearchStore.Options(List.of("http://127.0.0.1:1"), null, null, "x-", 1, 0))) {
            assertThatThrownBy(() -> down.search("Moscow", 5)).isInstanceOf(ArchiveUnavailableException.class)
                    .hasMessageContaining("unreachable");
            Answer a = new AnswerFactory(down, null).service().ask(AskRequest.of("Who was invited to Moscow?"));
            assertThat(a.answered()).isFalse();
            assertThat(a.answer()).contains("archive cannot be reached");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it stops the cluster
    void aStoppedNodeChangesNothingAndAStoppedClusterIsSaidPlainlyUntilItReturns() throws Exception {
        AnswerService onLucene = new AnswerFactory(lucene, null).service();
        AnswerService onOpenSearch = new AnswerFactory(opensearch, null).service();
        List<String> questions = questions();
        String manager = cluster.clusterManager();
        String other = cluster.nodes().stream().map(OpenSearchCluster.Node::name).filter(n -> !n.equals(manager)).findFirst().orElseThrow();

        // one node down (the one not managing the cluster, so that one node can go on alone):
        // the replica on the other node takes over; ingest and questions go on
        cluster.stop(other);
        IngestReport r = new Ingester(opensearch, 50_000_000).ingestDocuments(List.of(new RawDocument("os-during-outage",
                "Written while a node was down", "2024-03-03", "Wire", null, "en", "A report written while one node was down.", null)));
        assertThat(r.added()).isEqualTo(1);
        assertThat(opensearch.document("os-during-outage")).isPresent();
        for (String q : questions.subList(0, 12)) {
            Answer l = onLucene.ask(AskRequest.of(q));
            Answer o = onOpenSearch.ask(AskRequest.of(q));
            assertThat(o.answered()).as(q).isEqualTo(l.answered());
            assertThat(cited(o)).as(q).isEqualTo(cited(l));
        }

        // the whole cluster down: a plain message, no exception, nothing presented as an answer
        cluster.stop(manager);
        Answer down = onOpenSearch.ask(AskRequest.of("Who announced Russia's invitation to the factions?"));
        assertThat(down.answered()).isFalse();
        assertThat(down.citations()).isEmpty();
        assertThat(down.answer()).contains("archive cannot be reached");
        Answer downAr = onOpenSearch.ask(AskRequest.of("من الذي نظم المؤتمر في موسكو؟"));
        assertThat(downAr.answer()).contains("لا يمكن الوصول إلى الأرشيف");

        // back again: the same answers as before
        cluster.restart(manager, 1);
        cluster.restart(other, 2);
        long deadline = System.nanoTime() + 60_000_000_000L;
        Answer back = onOpenSearch.ask(AskRequest.of(questions.get(0)));
        while (!back.answered() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            back = onOpenSearch.ask(AskRequest.of(questions.get(0)));
        }
        assertThat(cited(back)).isEqualTo(cited(onLucene.ask(AskRequest.of(questions.get(0)))));
        assertThat(opensearch.document("os-during-outage")).isPresent();
    }
}
