package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isnad.Json;
import org.isnad.archive.Document;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own question set (src/test/resources/answer/questions.jsonl) over the sample and a dozen real
 * articles: a question passes when it is answered from its document with a quote holding one of the
 * expected strings, or — for unanswerable ones (doc_id null) — when it is not answered. The pass
 * rate is printed; the test fails below the floor set from the measured rate.
 */
class OwnQuestionSetTest {

    /** Measured 2026-11-23: 42/48 (88%); the floor leaves a little room for ranking changes. */
    static final double FLOOR = 0.80;
    static final Path RESOURCES = Path.of("src/test/resources/answer");

    @TempDir
    Path dir;

    @Test
    void ownQuestionsPassAboveTheFloor() throws Exception {
        ObjectMapper json = Json.mapper();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        int total = 0;
        int wrongButConfident = 0;
        try (IsnadIndex index = SampleIndex.build(dir, RESOURCES.resolve("articles-ar.jsonl"), RESOURCES.resolve("articles-en.jsonl"))) {
            AnswerService answers = SampleIndex.service(index);
            for (String line : Files.readAllLines(RESOURCES.resolve("questions.jsonl"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode q = json.readTree(line);
                total++;
                Answer a = answers.ask(AskRequest.of(q.get("question").asText()));
                for (Citation c : a.citations()) {
                    String text = index.document(c.docId()).map(Document::text).orElseThrow();
                    assertThat(text.substring(c.start(), c.end())).isEqualTo(c.quote());
                }
                assertThat(a.language()).isEqualTo(q.get("lang").asText());
                boolean ok;
                if (q.get("doc_id").isNull()) {
                    ok = !a.answered();
                    wrongButConfident += ok ? 0 : 1;
                } else {
                    String doc = q.get("doc_id").asText();
                    List<String> must = new ArrayList<>();
                    q.get("must_contain_any").forEach(m -> must.add(m.asText()));
                    ok = a.answered() && a.citations().stream()
                            .anyMatch(c -> c.docId().equals(doc) && must.stream().anyMatch(c.quote()::contains));
                    if (a.answered() && a.citations().stream().noneMatch(c -> c.docId().equals(doc))) {
                        wrongButConfident++;
                    }
                }
                if (ok) {
                    passed++;
                } else {
                    failures.add(q.get("id").asText() + " " + q.get("question").asText() + " -> "
                            + (a.answered() ? a.citations().stream().map(c -> c.docId() + ": " + c.quote()).toList() : "not answered"));
                }
            }
        }
        double rate = (double) passed / total;
        System.out.printf("own question set: %d/%d pass (%.0f%%), %d answered from a wrong document or when unanswerable%n",
                passed, total, 100 * rate, wrongButConfident);
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat(rate).isGreaterThanOrEqualTo(FLOOR);
    }
}
