package org.isnad.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.isnad.answer.Citation;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.index.ArchiveStore;
import org.isnad.index.PassageHit;

/**
 * Runs a question set (ours, or the development set) against an index, Isnad beside plain Lucene.
 * A question passes when the system answers it with a quote (among its first three) from the
 * expected document that contains one of the expected strings, or, accepted and counted apart
 * ({@code passAlsoIn}), when its first quote comes from a document listed in {@code also_in} as
 * stating the same answer; an unanswerable question passes only when the system refuses.
 * Answers given are also judged by their first quote: {@code precision} is the share of answers
 * given (unanswerable questions included) that pass, {@code wrongArticle} the share whose first
 * quote is from neither the expected document nor an {@code also_in} one.
 */
public final class SetEval {

    /** The contract keys plus the pass rate, the precision of answers given and the wrong-article rate. */
    public static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("pass", "precision", "wrongArticle", "passAlsoIn"));
        keys.addAll(SquadEval.KEYS);
        keys.add(keys.indexOf("validity"), "precision@1");
        KEYS = List.copyOf(keys);
    }

    private SetEval() {}

    /** The outcome of one question for both systems. */
    public record Outcome(QuestionSet.Item item, boolean isnadPass, boolean lucenePass, QaSystem.Response isnad, QaSystem.Response lucene) {}

    /**
     * One group's figures for one system: questions, pass rate, precision of answers given,
     * wrong-article share of answers given, refusal of unanswerable questions, recall@5 of the
     * expected document (NaN where a figure has no question to count).
     */
    public record Figures(int questions, double pass, double precision, double wrongArticle, double refusal, double recall5) {}

    /** A group ("all", "group dev-ar-en", "lang ar", "type who") with both systems' figures. */
    public record Group(String name, Figures isnad, Figures lucene) {}

    /** The report, the per-question outcomes (tests look at failures) and the figures by group. */
    public record Result(EvalReport report, List<Outcome> outcomes, List<Group> groups) {
        public Group group(String name) {
            return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** What one response earned, for the group figures. */
    private record Judged(boolean answerable, boolean pass, boolean viaAlsoIn, boolean answered, boolean wrongArticle, boolean found5) {}

    public static Result run(QuestionSet set, ArchiveStore index, QaSystem isnadQa, Path baselineDir, int warmup) {
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
            Map<String, List<Judged[]>> groups = new LinkedHashMap<>();
            DirectFigures direct = new DirectFigures();
            for (QuestionSet.Item item : items) {
                String gold = item.answerable() && documents.containsKey(item.docId()) ? item.docId() : null;
                QaSystem.Response ir = isnadQa.ask(item.question());
                QaSystem.Response lr = lucene.ask(item.question());
                isnadTally.add(ir, gold, item.mustContainAny());
                luceneTally.add(lr, gold, item.mustContainAny());
                if (gold != null && ir.answered() && !item.mustContainAny().isEmpty()) {
                    boolean crossLanguage = item.group() != null && item.group().matches("dev-(en-ar|ar-en)");
                    direct.add(ir.direct(), item.mustContainAny(), crossLanguage);
                }
                Judged ij = judge(item, ir);
                Judged lj = judge(item, lr);
                outcomes.add(new Outcome(item, ij.pass(), lj.pass(), ir, lr));
                List<String> names = new ArrayList<>(List.of("all"));
                if (item.group() != null) {
                    names.add("group " + item.group());
                }
                names.add("lang " + item.lang());
                names.add("type " + item.type());
                for (String g : names) {
                    groups.computeIfAbsent(g, k -> new ArrayList<>()).add(new Judged[] {ij, lj});
                }
            }
            List<Group> figures = new ArrayList<>();
            groups.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(SetEval::groupOrder).thenComparing(k -> k)))
                    .forEach(e -> figures.add(new Group(e.getKey(), figures(e.getValue(), 0), figures(e.getValue(), 1))));
            Group all = figures.get(0);
            Map<String, Double> is = withSetFigures(isnadTally.scores(), all.isnad(), groups.get("all"), 0);
            Map<String, Double> lu = withSetFigures(luceneTally.scores(), all.lucene(), groups.get("all"), 1);
            if (writesDirectLines(isnadQa)) {
                is.put("directHolds", direct.holdingShare());
            }
            String notes = groupTable(figures) + "\n" + direct.table() + "documents indexed: %d; answerable questions: %d, unanswerable: %d; "
                    .formatted(documents.size(), isnadTally.answerable(), isnadTally.withheld())
                    + "a first quote from an also_in article (same answer, other article) passes; passAlsoIn is the share that passed so";
            // the figures by group are printed in the notes, so the report carries no second breakdown
            return new Result(new EvalReport(set.name(), items.size(), is, lu, List.of(), "", notes), outcomes, figures);
        }
    }

    /** Only Isnad writes direct lines. */
    private static boolean writesDirectLines(QaSystem system) {
        return system instanceof IsnadQa;
    }

    private static int groupOrder(String name) {
        return name.equals("all") ? 0 : name.startsWith("group ") ? 1 : name.startsWith("lang ") ? 2 : 3;
    }

    /** Whether one response passes one question (see the class comment). */
    public static boolean passes(QuestionSet.Item item, QaSystem.Response r) {
        return judge(item, r).pass();
    }

    private static Judged judge(QuestionSet.Item item, QaSystem.Response r) {
        boolean found5 = item.answerable() && r.rankedDocIds().stream().limit(5).anyMatch(d -> d.equals(item.docId()));
        if (!r.answered() || r.citations().isEmpty()) {
            return new Judged(item.answerable(), !item.answerable(), false, false, false, found5);
        }
        if (!item.answerable()) {
            return new Judged(false, false, false, true, true, false);
        }
        for (Citation c : r.citations().stream().limit(3).toList()) {
            if (c.docId().equals(item.docId())
                    && (item.mustContainAny().isEmpty() || AnswerMatch.containsAny(c.quote(), item.mustContainAny()))) {
                return new Judged(true, true, false, true, false, found5);
            }
        }
        String first = r.citations().get(0).docId();
        boolean alsoIn = item.alsoIn().contains(first);
        return new Judged(true, alsoIn, alsoIn, true, !alsoIn && !first.equals(item.docId()), found5);
    }

    private static Figures figures(List<Judged[]> judged, int system) {
        int pass = 0;
        int answered = 0;
        int rightAnswers = 0;
        int wrongArticle = 0;
        int unanswerable = 0;
        int refused = 0;
        int found5 = 0;
        for (Judged[] pair : judged) {
            Judged j = pair[system];
            pass += j.pass() ? 1 : 0;
            if (j.answered()) {
                answered++;
                rightAnswers += j.pass() ? 1 : 0;
                wrongArticle += j.wrongArticle() ? 1 : 0;
            }
            if (!j.answerable()) {
                unanswerable++;
                refused += j.answered() ? 0 : 1;
            }
            found5 += j.found5() ? 1 : 0;
        }
        int n = judged.size();
        int answerable = n - unanswerable;
        return new Figures(n, Tally.ratio(pass, n), answered == 0 ? Double.NaN : Tally.ratio(rightAnswers, answered),
                answered == 0 ? Double.NaN : Tally.ratio(wrongArticle, answered),
                unanswerable == 0 ? Double.NaN : Tally.ratio(refused, unanswerable),
                answerable == 0 ? Double.NaN : Tally.ratio(found5, answerable));
    }

    private static Map<String, Double> withSetFigures(Map<String, Double> scores, Figures all, List<Judged[]> judged, int system) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("pass", all.pass());
        if (!Double.isNaN(all.precision())) {
            out.put("precision", all.precision());
            out.put("wrongArticle", all.wrongArticle());
        }
        out.put("passAlsoIn", Tally.ratio(judged.stream().filter(p -> p[system].viaAlsoIn()).count(), judged.size()));
        out.putAll(scores);
        return out;
    }

    /** The figures by group as a table: each figure Isnad / plain Lucene. */
    static String groupTable(List<Group> groups) {
        StringBuilder sb = new StringBuilder("figures by group (isnad / lucene)\n");
        sb.append(String.format("%-18s %4s %13s %13s %13s %13s %13s%n", "", "n", "pass", "precision", "wrongArticle", "refusal", "recall@5"));
        for (Group g : groups) {
            sb.append(String.format("%-18s %4d %13s %13s %13s %13s %13s%n", g.name(), g.isnad().questions(),
                    pair(g.isnad().pass(), g.lucene().pass()), pair(g.isnad().precision(), g.lucene().precision()),
                    pair(g.isnad().wrongArticle(), g.lucene().wrongArticle()), pair(g.isnad().refusal(), g.lucene().refusal()),
                    pair(g.isnad().recall5(), g.lucene().recall5())));
        }
        return sb.toString();
    }

    private static String pair(double a, double b) {
        return fmt(a) + "/" + fmt(b);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.2f", v);
    }
}
