package org.isnad.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.isnad.answer.Citation;
import org.isnad.index.IsnadIndex;
import org.isnad.index.PassageHit;
import org.isnad.ingest.Document;
import org.isnad.ingest.Passage;

/**
 * Runs our own question set against an index, Isnad beside plain Lucene. A question passes when the
 * system answers it with a quote (among its first three) from the expected document that contains
 * one of the expected strings; an unanswerable question passes only when the system refuses.
 */
public final class SetEval {

    /** The contract keys plus the pass rate. */
    public static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("pass"));
        keys.addAll(SquadEval.KEYS);
        keys.add(keys.indexOf("validity"), "precision@1");
        KEYS = List.copyOf(keys);
    }

    private SetEval() {}

    /** The outcome of one question for both systems. */
    public record Outcome(QuestionSet.Item item, boolean isnadPass, boolean lucenePass, QaSystem.Response isnad, QaSystem.Response lucene) {}

    /** The report and the per-question outcomes (tests look at failures). */
    public record Result(EvalReport report, List<Outcome> outcomes) {}

    public static Result run(QuestionSet set, IsnadIndex index, QaSystem isnadQa, Path baselineDir, int warmup) {
        Map<String, Document> documents = new HashMap<>();
        Map<String, List<Passage>> passages = new HashMap<>();
        for (String id : index.storedStates().keySet()) {
            index.document(id).ifPresent(d -> {
                documents.put(id, d);
                passages.put(id, index.passagesOf(id).stream().map(PassageHit::passage).toList());
            });
        }
        Function<String, Optional<String>> stored = id -> Optional.ofNullable(documents.get(id)).map(Document::text);
        List<QuestionSet.Item> items = set.items();
        try (LuceneBaseline lucene = LuceneBaseline.build(baselineDir, documents, passages)) {
            for (int i = 0; i < Math.min(warmup, items.size()); i++) {
                isnadQa.ask(items.get(i).question());
                lucene.ask(items.get(i).question());
            }
            Tally isnadTally = new Tally(stored);
            Tally luceneTally = new Tally(stored);
            List<Outcome> outcomes = new ArrayList<>();
            Map<String, int[]> groups = new TreeMap<>();
            for (QuestionSet.Item item : items) {
                String gold = item.answerable() && documents.containsKey(item.docId()) ? item.docId() : null;
                QaSystem.Response ir = isnadQa.ask(item.question());
                QaSystem.Response lr = lucene.ask(item.question());
                isnadTally.add(ir, gold, item.mustContainAny());
                luceneTally.add(lr, gold, item.mustContainAny());
                boolean ip = passes(item, ir);
                boolean lp = passes(item, lr);
                outcomes.add(new Outcome(item, ip, lp, ir, lr));
                for (String g : List.of("all", "lang " + item.lang(), "type " + item.type())) {
                    int[] row = groups.computeIfAbsent(g, k -> new int[3]);
                    row[0]++;
                    row[1] += ip ? 1 : 0;
                    row[2] += lp ? 1 : 0;
                }
            }
            List<EvalReport.Row> rows = new ArrayList<>();
            groups.forEach((g, r) -> rows.add(new EvalReport.Row(g, r[0], Tally.ratio(r[1], r[0]), Tally.ratio(r[2], r[0]))));
            int[] all = groups.getOrDefault("all", new int[3]);
            Map<String, Double> is = withPass(isnadTally.scores(), Tally.ratio(all[1], all[0]));
            Map<String, Double> lu = withPass(luceneTally.scores(), Tally.ratio(all[2], all[0]));
            String notes = "documents indexed: %d; answerable questions: %d, unanswerable: %d"
                    .formatted(documents.size(), isnadTally.answerable(), isnadTally.withheld());
            return new Result(new EvalReport(set.name(), items.size(), is, lu, rows, "pass rate by group", notes), outcomes);
        }
    }

    /** Whether one response passes one question (see the class comment). */
    public static boolean passes(QuestionSet.Item item, QaSystem.Response r) {
        if (!item.answerable()) {
            return !r.answered();
        }
        if (!r.answered()) {
            return false;
        }
        for (Citation c : r.citations().stream().limit(3).toList()) {
            if (c.docId().equals(item.docId())
                    && (item.mustContainAny().isEmpty() || AnswerMatch.containsAny(c.quote(), item.mustContainAny()))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Double> withPass(Map<String, Double> scores, double pass) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("pass", pass);
        out.putAll(scores);
        return out;
    }
}
