package org.isnad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.isnad.Json;
import org.isnad.cli.IsnadCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.isnad.cli.CapturedStreams;
import org.junit.jupiter.api.io.TempDir;

/** {@code isnad log ...} end to end on a real log in a temporary data folder. */
class LogCommandTest {

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @TempDir
    Path dir;

    private long en;
    private long ar;
    private long old;

    @BeforeEach
    void fill() {
        try (AuditLog log = AuditLog.open(dir.resolve("audit.db"), Pseudonymizer.raw(), Clock.systemUTC())) {
            old = log.recordAll(List.of(new AuditLog.Backdated(Instant.now().minus(Duration.ofDays(120)),
                    Answers.english("An old question"), AnswerEvent.cli())))[0];
            en = log.record(Answers.english("Who was invited to Moscow?"), AnswerEvent.cli());
            ar = log.record(Answers.arabic("من دعت روسيا إلى موسكو؟"), AnswerEvent.telegram(1L, 2L, "subscriber", 3L));
            log.record(Answers.unanswered("How many delegates?"), AnswerEvent.cli());
            log.feedback(ar, Feedback.DOWN);
        }
    }


    private int run(String... args) {
        streams.reset();
        String[] full = new String[args.length + 2];
        full[0] = "--data";
        full[1] = dir.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return IsnadCli.run(Map.of("USER", "mona"), full);
    }

    private String out() {
        return streams.out();
    }

    @Test
    void listShowsNewestFirstAndFilters() throws Exception {
        assertThat(run("log", "list")).isZero();
        assertThat(out()).contains("How many delegates?", "Who was invited", "page 1 of 1, 4 entries");
        assertThat(out().indexOf("How many delegates?")).isLessThan(out().indexOf("Who was invited"));

        assertThat(run("log", "list", "--feedback", "down", "--json")).isZero();
        JsonNode page = Json.mapper().readTree(out());
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("entries").get(0).get("id").asLong()).isEqualTo(ar);
        assertThat(page.get("entries").get(0).get("feedback").asText()).isEqualTo("down");

        assertThat(run("log", "list", "--unanswered", "--csv")).isZero();
        assertThat(out().split("\r\n")).hasSize(2);
        assertThat(out()).contains("How many delegates?");

        assertThat(run("log", "list", "--lang", "ar", "--text", "موسكو", "--since", "1d")).isZero();
        assertThat(out()).contains("من دعت روسيا", "1 entries");

        assertThat(run("log", "list", "--since", "2000-01-01", "--until", "2000-12-31")).isZero();
        assertThat(out()).contains("0 entries");

        assertThat(run("log", "list", "--state", "nonsense")).isEqualTo(2);
        assertThat(streams.err()).contains("wrong-citation");
    }

    @Test
    void flagThenShowDisplaysTheNewState() {
        assertThat(run("log", "flag", Long.toString(en), "wrong-citation", "--note", "quote is from another talk")).isZero();
        assertThat(out()).contains("is now wrong-citation");
        assertThat(run("log", "show", Long.toString(en))).isZero();
        assertThat(out()).contains("Who was invited to Moscow?", "state: wrong-citation by mona",
                "note: quote is from another talk", "«Russia invited the Palestinian factions to Moscow on 29 February»");
        assertThat(run("log", "flag", "9999", "ok")).isEqualTo(1);
        assertThat(run("log", "show", "9999")).isEqualTo(1);
    }

    @Test
    void exportWritesCsvAndJsonlFiles() throws Exception {
        Path csv = dir.resolve("log.csv");
        Path jsonl = dir.resolve("log.jsonl");
        assertThat(run("log", "export", "--format", "csv", "-o", csv.toString())).isZero();
        assertThat(Csv.parse(Files.readString(csv))).hasSize(5);
        assertThat(run("log", "export", "--format", "jsonl", "--lang", "ar", "-o", jsonl.toString())).isZero();
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(1);
        assertThat(Json.mapper().readValue(lines.get(0), LogEntry.class).id()).isEqualTo(ar);
        assertThat(run("log", "export", "--format", "xml")).isEqualTo(2);
    }

    @Test
    void purgeDeletesEntriesOlderThanTheAge() {
        assertThat(run("log", "purge", "--older-than", "90d")).isZero();
        assertThat(out()).contains("1 entries older than 90d deleted");
        assertThat(run("log", "show", Long.toString(old))).isEqualTo(1);
        assertThat(run("log", "purge", "--older-than", "ninety")).isEqualTo(2);
    }
}
