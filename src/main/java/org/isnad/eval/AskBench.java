package org.isnad.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.index.ArchiveStore;
import org.isnad.index.PassageHit;
import org.isnad.text.Sentence;

/**
 * Answer latency on an index, beside plain Lucene top-10 BM25 search for the same questions in the
 * same process. Questions are generated from the indexed documents with a seed: half are titles,
 * half the opening words of a sentence from the body. Warm-up rounds, then measured rounds.
 */
public final class AskBench {

    public record Options(int questions, long seed, int warmupRounds, int rounds) {}

    public record Figures(int questions, int rounds, List<Double> millis, double answeredShare) {
        public Map<String, Object> toJson() {
            Percentiles p = new Percentiles(millis);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("questions", questions);
            m.put("rounds", rounds);
            m.put("p50Ms", Tally.round(p.at(50)));
            m.put("p90Ms", Tally.round(p.at(90)));
            m.put("p99Ms", Tally.round(p.at(99)));
            m.put("meanMs", Tally.round(millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            m.put("answered", Tally.round(answeredShare));
            return m;
        }

        double median() {
            return new Percentiles(millis).median();
        }
    }

    public record Result(int documents, Figures isnad, Figures lucene) {
        /** Isnad's median answer latency over plain Lucene's median search latency. */
        public double ratio() {
            return Tally.round(isnad.median() / lucene.median());
        }

        public Map<String, Object> toJson() {
            return SideBySide.json(isnad.toJson(), lucene.toJson(), ratio());
        }

        public String toTable() {
            return String.format("documents: %d%n", documents) + SideBySide.table("ask", "lucene top-10", isnad.toJson(),
                    lucene.toJson(), "isnad median / lucene median", ratio());
        }
    }

    private AskBench() {}

    /** Questions drawn from the index's documents: titles and sentence openings, seeded. */
    public static List<String> questions(Map<String, Document> documents, int n, long seed) {
        List<String> ids = new ArrayList<>(documents.keySet());
        Collections.sort(ids);
        Random random = new Random(seed);
        Collections.shuffle(ids, random);
        List<String> out = new ArrayList<>();
        org.isnad.text.SentenceSplitter splitter = new org.isnad.text.SentenceSplitter();
        for (int i = 0; out.size() < n && i < ids.size() * 2; i++) {
            Document d = documents.get(ids.get(i % ids.size()));
            if (i % 2 == 0 && d.title() != null && !d.title().isBlank()) {
                out.add(d.title());
                continue;
            }
            List<Sentence> sentences = splitter.split(d.text());
            if (sentences.isEmpty()) {
                continue;
            }
            Sentence s = sentences.get(random.nextInt(sentences.size()));
            String[] words = d.text().substring(s.start(), s.end()).split("\\s+");
            out.add(String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 8))));
        }
        return out;
    }

    public static Result run(ArchiveStore index, QaSystem isnadQa, Path baselineDir, Options o) {
        Map<String, Document> documents = new HashMap<>();
        Map<String, List<Passage>> passages = new HashMap<>();
        for (String id : index.storedStates().keySet()) {
            index.document(id).ifPresent(d -> {
                documents.put(id, d);
                passages.put(id, index.passagesOf(id).stream().map(PassageHit::passage).toList());
            });
        }
        List<String> questions = questions(documents, o.questions(), o.seed());
        try (LuceneBaseline lucene = LuceneBaseline.build(baselineDir, documents, passages)) {
            for (int r = 0; r < o.warmupRounds(); r++) {
                for (String q : questions) {
                    isnadQa.ask(q);
                    lucene.search(q, 10);
                }
            }
            List<Double> isnadMs = new ArrayList<>();
            List<Double> luceneMs = new ArrayList<>();
            int answered = 0;
            for (int r = 0; r < o.rounds(); r++) {
                for (String q : questions) {
                    QaSystem.Response res = isnadQa.ask(q);
                    isnadMs.add(res.nanos() / 1e6);
                    answered += res.answered() ? 1 : 0;
                    long t0 = System.nanoTime();
                    lucene.search(q, 10);
                    luceneMs.add((System.nanoTime() - t0) / 1e6);
                }
            }
            int asked = Math.max(1, questions.size() * o.rounds());
            return new Result(documents.size(), new Figures(questions.size(), o.rounds(), isnadMs, (double) answered / asked),
                    new Figures(questions.size(), o.rounds(), luceneMs, 1.0));
        }
    }
}
