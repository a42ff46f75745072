package org.isnad.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isnad.Json;

/**
 * Our own questions, one JSON object a line: {@code {id, lang, question, doc_id, must_contain_any[], type}}.
 * {@code doc_id} null marks a question the corpus cannot answer (a refusal is the right outcome).
 */
public record QuestionSet(String name, List<Item> items) {

    public QuestionSet {
        items = List.copyOf(items);
    }

    /**
     * One question. {@code alsoIn}: other documents that state the same answer (their quotes cannot be
     * checked against {@code mustContainAny}, which is cut from {@code docId}).
     */
    public record Item(String id, String lang, String question, String docId, List<String> mustContainAny, String type,
                       List<String> alsoIn) {
        public Item {
            mustContainAny = List.copyOf(mustContainAny);
            alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
        }

        public Item(String id, String lang, String question, String docId, List<String> mustContainAny, String type) {
            this(id, lang, question, docId, mustContainAny, type, List.of());
        }

        /**
         * The group the id names, "dev-ar-en" for "dev-ar-en-007" (question language × article
         * language in the development set), or null when the id has no such prefix.
         */
        public String group() {
            int cut = id.lastIndexOf('-');
            return cut > 0 && id.substring(cut + 1).chars().allMatch(Character::isDigit) && id.substring(0, cut).contains("-")
                    ? id.substring(0, cut) : null;
        }

        public boolean answerable() {
            return docId != null;
        }
    }

    /** Reads a JSONL question file; a malformed line fails the load with its line number (it is our own file). */
    public static QuestionSet load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the question set " + file, e);
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            try {
                JsonNode n = Json.mapper().readTree(line);
                List<String> must = new ArrayList<>();
                n.path("must_contain_any").forEach(m -> must.add(m.asText()));
                List<String> alsoIn = new ArrayList<>();
                n.path("also_in").forEach(m -> alsoIn.add(m.asText()));
                String question = n.path("question").asText("");
                if (question.isBlank()) {
                    throw new IllegalArgumentException("no question");
                }
                items.add(new Item(n.path("id").asText("q" + (i + 1)), n.path("lang").asText(null), question,
                        n.path("doc_id").isNull() || n.path("doc_id").isMissingNode() ? null : n.path("doc_id").asText(),
                        must, n.path("type").asText("other"), alsoIn));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new QuestionSet(file.getFileName().toString(), items);
    }
}
