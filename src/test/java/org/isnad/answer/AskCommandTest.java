package org.isnad.answer;

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

/** {@code isnad ask} on a fresh data folder: indexes the bundled sample, then answers. */
class AskCommandTest {

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @TempDir
    Path dir;



    private int run(String... args) {
        streams.reset();
        return IsnadCli.run(Map.of("ISNAD_DATA_DIR", dir.toString()), args);
    }

    @Test
    void askJsonPrintsTheContractWithExactQuotes() throws Exception {
        assertThat(run("ask", "--json", "When will the Palestinian factions meet in Moscow?")).isZero();
        JsonNode a = Json.mapper().readTree(streams.out());
        assertThat(a.get("answered").asBoolean()).isTrue();
        assertThat(a.get("language").asText()).isEqualTo("en");
        assertThat(a.get("mode").asText()).isEqualTo("extractive");
        assertThat(a.get("conflicts").get(0).get("about").asText()).isEqualTo("date");
        String docId = a.get("citations").get(0).get("docId").asText();
        assertThat(run("doc", "--json", docId)).isZero();
        String text = Json.mapper().readTree(streams.out()).get("text").asText();
        for (JsonNode c : a.get("citations")) {
            assertThat(text.substring(c.get("start").asInt(), c.get("end").asInt())).isEqualTo(c.get("quote").asText());
        }
    }

    @Test
    void askPrintsTheAnswerThenEachQuoteWithItsSource() {
        assertThat(run("ask", "--no-log", "من دعت روسيا إلى موسكو؟")).isZero();
        String printed = streams.out();
        assertThat(printed).contains("[1] يدعو بوتين حماس").contains("حماس");
    }

    @Test
    void langOptionChoosesTheFramingAndRejectsOtherLanguages() throws Exception {
        assertThat(run("ask", "--json", "--lang", "ar", "What is the capital of Peru?")).isZero();
        JsonNode a = Json.mapper().readTree(streams.out());
        assertThat(a.get("answered").asBoolean()).isFalse();
        assertThat(a.get("answer").asText()).isEqualTo("لا تجيب المصادر المفهرسة عن هذا السؤال.");
        assertThat(run("ask", "--lang", "fr", "Qui?")).isEqualTo(2);
    }
}
