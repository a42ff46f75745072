package org.isnad.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.isnad.Isnad;
import org.isnad.answer.Citation;
import org.isnad.answer.QuestionType;
import org.isnad.answer.direct.SpanCandidate;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.index.PassageHit;
import org.isnad.ingest.RawDocument;

/**
 * Runs a SQuAD-format dataset through Isnad and through plain Lucene in the same process: the
 * dataset's paragraphs become documents of a fresh index (minus a seeded withheld share), every
 * question is asked of both systems, and each is scored against the gold paragraph and answer.
 */
public final class SquadEval {

    /** The figures of the {@code --json} contract, in order. */
    public static final List<String> KEYS = List.of(
            "recall@1", "recall@5", "mrr@10", "hit@1", "hit@3", "validity", "answered", "refusal", "p50Ms", "p99Ms");

    /** What the table prints: the contract keys and, with XQuAD-R sentence breaks, sentence@1. */
    public static final List<String> TABLE_KEYS = List.of(
            "recall@1", "recall@5", "mrr@10", "hit@1", "hit@3", "precision@1", "sentence@1", "validity", "answered", "refusal", "p50Ms", "p99Ms",
            "refusedAtRank1", "missInGold@1", "spanEM", "spanF1", "spanEM|ans", "spanF1|ans", "windowEM", "windowF1");

    /**
     * @param withhold share of paragraphs left out of the index (their questions should be refused)
     * @param seed fixes which paragraphs are withheld and which questions a {@code limit} keeps
     * @param limit ask at most this many questions (a seeded sample), 0 for all
     * @param warmup questions asked once, unscored, before measuring (JIT and caches)
     */
    public record Options(double withhold, long seed, int limit, int warmup, Path spanFeatures) {
        public Options(double withhold, long seed, int limit, int warmup) {
            this(withhold, seed, limit, warmup, null);
        }

        public Options {
            if (withhold < 0 || withhold >= 1) {
                throw new IllegalArgumentException("--withhold must be in [0, 1)");
            }
        }

        public static Options defaults() {
            return new Options(0, 42, 0, 20);
        }
    }

    private SquadEval() {}

    private static String passageText(Document d, Passage p) {
        return d.text().substring(p.start(), p.end());
    }

    /** The question kinds whose spans the span model chooses (WHEN, HOW_MANY and WHY spans have shapes of their own). */
    private static final Set<QuestionType> SPAN_MODEL_KINDS = Set.of(QuestionType.WHAT, QuestionType.OTHER, QuestionType.WHO,
            QuestionType.WHERE);

    /**
     * The span model's training rows for one question: when Isnad answered with a gold answer inside
     * its first quote, every candidate of that quote with its F1 against the gold answers.
     */
    private static List<String> spanExamples(Isnad isnad, SquadDataset.Question q, org.isnad.text.Language language,
                                             QaSystem.Response r, List<String> golds) {
        if (!r.answered() || r.citations().isEmpty() || !SPAN_MODEL_KINDS.contains(QuestionCues.typeOf(q.text()))) {
            return List.of();
        }
        Citation first = r.citations().get(0);
        if (golds.stream().noneMatch(first.quote()::contains)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (SpanCandidate c : isnad.answers().spanCandidates(q.text(), first, language)) {
            out.add(SpanModelFit.row(q.id(), SpanScore.f1(c.text(), golds), c));
        }
        return out;
    }

    /** The XQuAD-R sentence holding the question's first gold answer, or null without sentence breaks. */
    static int[] goldSentence(SquadDataset.Paragraph p, SquadDataset.Question q) {
        if (p.sentenceBreaks().isEmpty() || q.answers().isEmpty()) {
            return null;
        }
        int at = q.answers().get(0).start();
        return p.sentenceBreaks().stream().filter(b -> b[0] <= at && at < b[1]).findFirst().orElse(null);
    }

    /** The paragraph ids withheld from the index: a seeded {@code share} of them. */
    public static Set<String> withheld(SquadDataset ds, double share, long seed) {
        List<String> ids = new ArrayList<>(ds.paragraphs().stream().map(SquadDataset.Paragraph::id).toList());
        Collections.shuffle(ids, new Random(seed));
        return Set.copyOf(ids.subList(0, (int) Math.round(share * ids.size())));
    }

    /**
     * Evaluates {@code ds} with {@code isnad} (a core on an empty data folder) answering through
     * {@code isnadQa}; the baseline's index goes to {@code baselineDir}.
     */
    public static EvalReport run(SquadDataset ds, Isnad isnad, QaSystem isnadQa, Path baselineDir, Options o) {
        Set<String> withheld = withheld(ds, o.withhold(), o.seed());
        List<RawDocument> raws = new ArrayList<>();
        for (SquadDataset.Paragraph p : ds.paragraphs()) {
            if (!withheld.contains(p.id())) {
                // No title: XQuAD's English article titles would leak the topic into cross-lingual runs.
                raws.add(new RawDocument(p.id(), null, null, "XQuAD", null, ds.language().code(), p.context(), ds.name() + ":" + p.id()));
            }
        }
        isnad.ingester().ingestDocuments(raws);

        Map<String, Document> documents = new HashMap<>();
        Map<String, List<Passage>> passages = new HashMap<>();
        for (RawDocument raw : raws) {
            Document d = isnad.index().document(raw.id()).orElseThrow(() -> new IllegalStateException("not indexed: " + raw.id()));
            documents.put(d.id(), d);
            passages.put(d.id(), isnad.index().passagesOf(d.id()).stream().map(PassageHit::passage).toList());
        }

        Map<String, SquadDataset.Paragraph> byId = new HashMap<>();
        ds.paragraphs().forEach(p -> byId.put(p.id(), p));
        record Asked(SquadDataset.Question q, String paragraphId) {}
        List<Asked> asked = new ArrayList<>();
        for (SquadDataset.Paragraph p : ds.paragraphs()) {
            p.questions().forEach(q -> asked.add(new Asked(q, p.id())));
        }
        if (o.limit() > 0 && o.limit() < asked.size()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(o.seed() + 1));
            List<Integer> keep = new ArrayList<>(order.subList(0, o.limit()));
            Collections.sort(keep);
            List<Asked> sample = new ArrayList<>();
            keep.forEach(i -> sample.add(asked.get(i)));
            asked.clear();
            asked.addAll(sample);
        }

        Function<String, Optional<String>> stored =
                id -> Optional.ofNullable(documents.get(id)).map(Document::text);
        try (LuceneBaseline lucene = LuceneBaseline.build(baselineDir, documents, passages)) {
            for (int i = 0; i < Math.min(o.warmup(), asked.size()); i++) {
                isnadQa.ask(asked.get(i).q().text());
                lucene.ask(asked.get(i).q().text());
            }
            Tally isnadTally = new Tally(stored);
            Tally luceneTally = new Tally(stored);
            Map<QuestionType, int[]> byType = new EnumMap<>(QuestionType.class);
            // answer-span figures over answerable questions: [EM, F1] sums and the answered count
            double[] isnadSpan = new double[4];
            double[] luceneSpan = new double[2];
            double[] windowSpan = new double[2];
            int spanQuestions = 0;
            List<String> spanRows = o.spanFeatures() == null ? null : new ArrayList<>();
            for (Asked a : asked) {
                String gold = withheld.contains(a.paragraphId()) ? null : a.paragraphId();
                List<String> golds = a.q().answers().stream().map(SquadDataset.Gold::text).toList();
                int[] sentence = goldSentence(byId.get(a.paragraphId()), a.q());
                QaSystem.Response ir = isnadQa.ask(a.q().text());
                QaSystem.Response lr = lucene.ask(a.q().text());
                boolean ih = isnadTally.add(ir, gold, golds, sentence);
                boolean lh = luceneTally.add(lr, gold, golds, sentence);
                if (gold != null && !golds.isEmpty()) {
                    spanQuestions++;
                    double em = SpanScore.exactMatch(ir.answerSpan(), golds);
                    double f1 = SpanScore.f1(ir.answerSpan(), golds);
                    if (spanRows != null) {
                        spanRows.addAll(spanExamples(isnad, a.q(), ds.language(), ir, golds));
                    }
                    isnadSpan[0] += em;
                    isnadSpan[1] += f1;
                    if (ir.answered()) {
                        isnadSpan[2] += em;
                        isnadSpan[3] += f1;
                    }
                    luceneSpan[0] += SpanScore.exactMatch(lr.answerSpan(), golds);
                    luceneSpan[1] += SpanScore.f1(lr.answerSpan(), golds);
                    String window = lucene.search(a.q().text(), 1).stream().findFirst()
                            .map(h -> passageText(documents.get(h.docId()), passages.get(h.docId()).get(h.ordinal())))
                            .map(text -> SpanScore.window(text, a.q().text(), SpanScore.length(golds.get(0)))).orElse(null);
                    windowSpan[0] += SpanScore.exactMatch(window, golds);
                    windowSpan[1] += SpanScore.f1(window, golds);
                }
                if (gold != null) {
                    int[] row = byType.computeIfAbsent(QuestionCues.typeOf(a.q().text()), t -> new int[3]);
                    row[0]++;
                    row[1] += ih ? 1 : 0;
                    row[2] += lh ? 1 : 0;
                }
            }
            if (spanRows != null) {
                SpanModelFit.write(o.spanFeatures(), spanRows);
            }
            List<EvalReport.Row> rows = new ArrayList<>();
            byType.forEach((t, r) -> rows.add(new EvalReport.Row(t.name().toLowerCase(), r[0],
                    Tally.ratio(r[1], r[0]), Tally.ratio(r[2], r[0]))));
            String notes = "paragraphs indexed: %d, withheld: %d (seed %d); answerable questions: %d, on withheld paragraphs: %d"
                    .formatted(documents.size(), withheld.size(), o.seed(), isnadTally.answerable(), isnadTally.withheld());
            Map<String, Double> isnadScores = new java.util.LinkedHashMap<>(isnadTally.scores());
            Map<String, Double> luceneScores = new java.util.LinkedHashMap<>(luceneTally.scores());
            int answeredAnswerable = (int) Math.round(isnadScores.getOrDefault("answered", 0.0) * isnadTally.answerable());
            isnadScores.put("spanEM", Tally.ratio(isnadSpan[0], spanQuestions));
            isnadScores.put("spanF1", Tally.ratio(isnadSpan[1], spanQuestions));
            isnadScores.put("spanEM|ans", Tally.ratio(isnadSpan[2], answeredAnswerable));
            isnadScores.put("spanF1|ans", Tally.ratio(isnadSpan[3], answeredAnswerable));
            luceneScores.put("spanEM", Tally.ratio(luceneSpan[0], spanQuestions));
            luceneScores.put("spanF1", Tally.ratio(luceneSpan[1], spanQuestions));
            luceneScores.put("windowEM", Tally.ratio(windowSpan[0], spanQuestions));
            luceneScores.put("windowF1", Tally.ratio(windowSpan[1], spanQuestions));
            notes += "; span figures: Isnad's direct-line span, Lucene's top sentence, and (lucene column) the sliding window"
                    + " of the gold answer's length over Lucene's top passage";
            return new EvalReport(ds.name(), asked.size(), isnadScores, luceneScores, rows,
                    "quote hit@1 by question type (answerable questions)", notes);
        }
    }
}
