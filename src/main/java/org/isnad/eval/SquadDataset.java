package org.isnad.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isnad.Json;
import org.isnad.text.Language;
import org.isnad.text.LanguageDetector;

/**
 * A SQuAD v1.1 file (XQuAD, XQuAD-R): articles of paragraphs, each with its questions and gold
 * answers. A paragraph's id is its position ({@code p<article>-<paragraph>}), which is the same in
 * parallel files, so English and Arabic XQuAD paragraphs share ids as their questions do.
 *
 * @param name the file name, for reports
 * @param language the paragraphs' language (detected from the text)
 */
public record SquadDataset(String name, Language language, List<Paragraph> paragraphs) {

    public SquadDataset {
        paragraphs = List.copyOf(paragraphs);
    }

    /** One context paragraph; {@code sentenceBreaks} are XQuAD-R's [start, end) spans, empty in plain SQuAD. */
    public record Paragraph(String id, String title, String context, List<Question> questions, List<int[]> sentenceBreaks) {
        public Paragraph {
            questions = List.copyOf(questions);
            sentenceBreaks = List.copyOf(sentenceBreaks);
        }
    }

    /** A question with its gold answers (text and offset into the paragraph's context). */
    public record Question(String id, String text, List<Gold> answers) {
        public Question {
            answers = List.copyOf(answers);
        }
    }

    public record Gold(String text, int start) {}

    /** Reads a SQuAD-format JSON file. */
    public static SquadDataset load(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dataset " + file + ": " + e.getMessage(), e);
        }
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new IllegalArgumentException(file + " is not SQuAD-format JSON (no \"data\" array)");
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        StringBuilder sampleText = new StringBuilder();
        for (int a = 0; a < data.size(); a++) {
            JsonNode article = data.get(a);
            JsonNode ps = article.path("paragraphs");
            for (int p = 0; p < ps.size(); p++) {
                JsonNode para = ps.get(p);
                String context = para.path("context").asText();
                List<Question> questions = new ArrayList<>();
                for (JsonNode qa : para.path("qas")) {
                    List<Gold> golds = new ArrayList<>();
                    for (JsonNode ans : qa.path("answers")) {
                        golds.add(new Gold(ans.path("text").asText(), ans.path("answer_start").asInt(-1)));
                    }
                    questions.add(new Question(qa.path("id").asText(), qa.path("question").asText(), golds));
                }
                List<int[]> breaks = new ArrayList<>();
                for (JsonNode b : para.path("sentence_breaks")) {
                    breaks.add(new int[] {b.get(0).asInt(), b.get(1).asInt()});
                }
                paragraphs.add(new Paragraph("p" + a + "-" + p, article.path("title").asText(null), context, questions, breaks));
                if (sampleText.length() < 20_000) {
                    sampleText.append(context).append('\n');
                }
            }
        }
        Language language = new LanguageDetector().detect(sampleText.toString());
        return new SquadDataset(file.getFileName().toString(), language, paragraphs);
    }

    /** Every question, in file order. */
    public List<Question> questions() {
        return paragraphs.stream().flatMap(p -> p.questions().stream()).toList();
    }

    public int questionCount() {
        return paragraphs.stream().mapToInt(p -> p.questions().size()).sum();
    }

    /**
     * The same paragraphs and gold answers, with each question's text taken from {@code other} by
     * question id (XQuAD is parallel): e.g. English questions over Arabic paragraphs, scored against
     * the Arabic gold answers. Questions without a counterpart in {@code other} are dropped.
     */
    public SquadDataset withQuestionsFrom(SquadDataset other) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question q : other.questions()) {
            texts.put(q.id(), q.text());
        }
        List<Paragraph> out = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            List<Question> qs = p.questions().stream()
                    .filter(q -> texts.containsKey(q.id()))
                    .map(q -> new Question(q.id(), texts.get(q.id()), q.answers()))
                    .toList();
            out.add(new Paragraph(p.id(), p.title(), p.context(), qs, p.sentenceBreaks()));
        }
        return new SquadDataset(other.name() + " over " + name, language, out);
    }
}
