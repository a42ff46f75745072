package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.isnad.Json;
import org.isnad.cli.IsnadCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.isnad.cli.CapturedStreams;
import org.junit.jupiter.api.io.TempDir;

/** The eval and bench doors: usage errors, and the bench JSON contract on a small file. */
class EvalCliTest {

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    static final Path NEWS = Path.of("src/test/resources/eval/news.jsonl");

    @TempDir
    Path dir;



    private int run(String... args) {
        streams.reset();
        return IsnadCli.run(Map.of("ISNAD_DATA_DIR", dir.resolve("data").toString()), args);
    }

    @Test
    void benchIngestPrintsIsnadBesideLuceneWithARatio() throws Exception {
        assertThat(run("bench", "ingest", "--warmup", "0", "--rounds", "1", "--json", NEWS.toString())).isZero();
        JsonNode r = Json.mapper().readTree(streams.out());
        for (String system : new String[] {"isnad", "lucene"}) {
            assertThat(r.get(system).get("articles").asInt()).isEqualTo(12);
            assertThat(r.get(system).get("articlesPerSec").asDouble()).isPositive();
            assertThat(r.get(system).get("mbPerSec").asDouble()).isPositive();
            assertThat(r.get(system).get("peakHeapMb").asDouble()).isPositive();
        }
        assertThat(r.get("ratio").asDouble()).isPositive();
    }

    @Test
    void benchLogPrintsWriteLatencyOnSqliteBesidePostgresAndLeavesNothingBehind() throws Exception {
        String url = org.isnad.audit.PostgresServer.shared().createDatabase();
        assertThat(run("bench", "log", "--jdbc-url", url, "--writes", "40", "--threads", "2", "--warmup", "0", "--rounds", "1", "--json")).isZero();
        JsonNode r = Json.mapper().readTree(streams.out());
        assertThat(r.get("writes").asInt()).isEqualTo(40);
        for (String backend : new String[] {"sqlite", "postgres"}) {
            JsonNode f = r.get("backends").get(backend);
            assertThat(f.get("p50Ms").asDouble()).as(backend).isPositive();
            assertThat(f.get("p99Ms").asDouble()).as(backend).isGreaterThanOrEqualTo(f.get("p50Ms").asDouble());
            assertThat(f.get("writesPerSecond").asDouble()).as(backend).isPositive();
        }
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'isnad_bench_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the benchmark's schema is dropped").isZero();
        }
        assertThat(run("bench", "log", "--writes", "0")).isEqualTo(2);
    }

    @Test
    void benchAskPrintsAnswerLatencyBesidePlainLuceneSearch() throws Exception {
        assertThat(run("bench", "ask", "--corpus", NEWS.toString(), "--questions", "8", "--warmup", "0", "--rounds", "1", "--json")).isZero();
        JsonNode r = Json.mapper().readTree(streams.out());
        for (String system : new String[] {"isnad", "lucene"}) {
            assertThat(r.get(system).get("questions").asInt()).isEqualTo(8);
            assertThat(r.get(system).get("p50Ms").asDouble()).isPositive();
            assertThat(r.get(system).get("p99Ms").asDouble()).isGreaterThanOrEqualTo(r.get(system).get("p50Ms").asDouble());
        }
        assertThat(r.get("ratio").asDouble()).isPositive();
    }

    @Test
    void evalOnOurOwnSetPrintsThePassRateBesideLucene() throws Exception {
        assertThat(run("eval", "--set", "src/test/resources/eval/questions.jsonl", "--corpus", "corpus/sample", NEWS.toString(),
                "--warmup", "0", "--json")).isZero();
        JsonNode r = Json.mapper().readTree(streams.out());
        assertThat(r.get("questions").asInt()).isEqualTo(46);
        assertThat(r.get("isnad").get("pass").asDouble()).isGreaterThan(r.get("lucene").get("pass").asDouble());
        assertThat(r.get("isnad").get("validity").asDouble()).isEqualTo(1.0);
    }

    @Test
    void evalWithoutADatasetOrSetIsAUsageError() {
        assertThat(run("eval")).isEqualTo(2);
        assertThat(streams.err()).contains("--dataset");
        assertThat(run("eval", "--dataset", dir.resolve("missing.json").toString())).isEqualTo(1);
        assertThat(run("eval", "--dataset", NEWS.toString(), "--withhold", "1.5")).isEqualTo(2);
    }

    @Test
    void benchBriefPrintsBriefingLatencyBesidePlainLuceneSearch() throws Exception {
        assertThat(run("bench", "brief", "--corpus", "corpus/sample", NEWS.toString(), "--count", "6", "--warmup", "0",
                "--rounds", "1", "--json")).isZero();
        JsonNode r = Json.mapper().readTree(streams.out());
        for (String system : new String[] {"isnad", "lucene"}) {
            JsonNode s = r.get(system);
            assertThat(s.get("topics").asInt()).isEqualTo(6);
            assertThat(s.get("rounds").asInt()).isEqualTo(1);
            assertThat(s.get("p50Ms").asDouble()).isPositive();
            assertThat(s.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(s.get("p50Ms").asDouble());
            assertThat(s.get("peakHeapMb").asDouble()).isPositive();
        }
        // Topics come from the corpus's own titles, so most of them find something to brief on.
        assertThat(r.get("isnad").get("found").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(r.get("isnad").get("points").asDouble()).isBetween(1.0, 8.0);
        assertThat(r.get("isnad").get("oneMessage").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("lucene").get("found").asDouble()).isEqualTo(1.0);
        assertThat(r.get("ratio").asDouble()).isPositive();
    }

    @Test
    void benchBriefTakesItsTopicsFromAFile() throws Exception {
        Path topics = dir.resolve("topics.txt");
        java.nio.file.Files.writeString(topics, "# topics\nروسيا\n\nموسكو\n");
        assertThat(run("bench", "brief", "--topics", topics.toString(), "--warmup", "0", "--rounds", "2", "--json")).isZero();
        JsonNode r = Json.mapper().readTree(streams.out());
        assertThat(r.get("isnad").get("topics").asInt()).isEqualTo(2);
        assertThat(r.get("isnad").get("found").asDouble()).isEqualTo(1.0);
        assertThat(run("bench", "brief", "--topics", dir.resolve("missing.txt").toString())).isEqualTo(1);
        assertThat(run("bench", "brief", "--rounds", "0")).isEqualTo(2);
        assertThat(run("bench", "brief", "--corpus", dir.resolve("missing.jsonl").toString())).isEqualTo(1);
        assertThat(streams.err()).contains("cannot read");
    }
}
