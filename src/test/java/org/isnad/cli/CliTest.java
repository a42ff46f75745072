package org.isnad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.isnad.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @TempDir
    Path dir;



    private int run(String... args) {
        streams.reset();
        return IsnadCli.run(Map.of("ISNAD_DATA_DIR", dir.resolve("env-data").toString()), args);
    }

    private String stdout() {
        return streams.out();
    }

    @Test
    void searchIndexesTheBundledSampleOnFirstUseAndPrintsOffsets() throws Exception {
        assertThat(run("search", "--json", "-n", "3", "موسكو")).isZero();
        JsonNode rows = Json.mapper().readTree(stdout());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("docId").asText()).isEqualTo("sample/moscow-talks-2024-02-20.ar");
        assertThat(rows.get(0).get("end").asInt()).isGreaterThan(rows.get(0).get("start").asInt());
    }

    @Test
    void docJsonPrintsTheStoredDocumentThatOffsetsReferTo() throws Exception {
        run("search", "موسكو");
        assertThat(run("doc", "--json", "sample/moscow-talks-2024-02-20.ar")).isZero();
        JsonNode doc = Json.mapper().readTree(stdout());
        assertThat(doc.get("lang").asText()).isEqualTo("ar");
        assertThat(doc.get("text").asText()).contains("منظمة التحرير الفلسطينية");
        assertThat(doc.has("title") && doc.has("date") && doc.has("outlet")).isTrue();
    }

    @Test
    void dataOptionAndEnvironmentChooseTheDataFolder() throws Exception {
        Path explicit = dir.resolve("explicit");
        assertThat(run("--data", explicit.toString(), "ingest", "corpus/sample")).isZero();
        assertThat(stdout()).contains("1 added");
        assertThat(explicit.resolve("index")).isDirectory();
        assertThat(run("stats", "--json")).isZero();
        assertThat(Json.mapper().readTree(stdout()).get("documents").asInt()).isZero();
        assertThat(run("--data", explicit.toString(), "stats", "--json")).isZero();
        assertThat(Json.mapper().readTree(stdout()).get("documents").asInt()).isEqualTo(1);
    }

    @Test
    void exitCodesAreZeroOneAndTwo() {
        assertThat(run("ingest", "corpus/sample")).isZero();
        assertThat(run("ingest", dir.resolve("does-not-exist.txt").toString())).isEqualTo(1);
        assertThat(streams.err()).contains("does-not-exist.txt").contains("no such file");
        assertThat(run("doc", "no-such-id")).isEqualTo(1);
        assertThat(run("search", "--no-such-option", "x")).isEqualTo(2);
        assertThat(run("no-such-command")).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"ingest", "search", "doc", "stats"}) {
            assertThat(run(command, "--help")).isZero();
            assertThat(stdout()).contains("Usage: isnad " + command);
        }
    }
}
