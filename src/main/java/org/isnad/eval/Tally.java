package org.isnad.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import org.isnad.answer.Citation;

/**
 * The running score of one system over one evaluation. Retrieval, quote and answered figures are
 * over answerable questions (whose document is indexed); the refusal rate is over questions whose
 * document was withheld; validity is over every citation shown; latency over every question.
 * A quote counts as a hit only when the system answered: a refusal shows no answer.
 * Two figures outside the JSON contract are printed in tables: {@code precision@1}, hit@1 among
 * the answered questions (how often an answer given is right), and {@code sentence@1} (XQuAD-R only),
 * the first quote overlapping the gold sentence. Two diagnostics point at where answers are lost:
 * {@code refusedAtRank1}, answerable questions refused although the gold document ranked first, and
 * {@code missInGold@1}, first quotes from the gold document that miss the answer (wrong sentence).
 */
public final class Tally {

    private final Function<String, Optional<String>> storedText;
    private int answerable;
    private int withheld;
    private int found1;
    private int found5;
    private double reciprocalRanks;
    private int hit1;
    private int hit3;
    private int withSentence;
    private int refusedAtRank1;
    private int missInGoldDoc;
    private int sentence1;
    private int answered;
    private int refused;
    private long citations;
    private long validCitations;
    private final List<Double> millis = new ArrayList<>();

    /** @param storedText the stored text of a document by id (what citations must reproduce) */
    public Tally(Function<String, Optional<String>> storedText) {
        this.storedText = storedText;
    }

    /**
     * Scores one response. {@code goldDocId} null means the question's document is not indexed (a
     * refusal is right); {@code golds} are the acceptable answer texts. Returns whether the top quote hit.
     */
    public boolean add(QaSystem.Response r, String goldDocId, List<String> golds) {
        return add(r, goldDocId, golds, null);
    }

    /**
     * As {@link #add(QaSystem.Response, String, List)}, with the gold sentence's [start, end) in the
     * gold document when known (XQuAD-R): "sentence@1" counts first quotes that overlap it.
     */
    public boolean add(QaSystem.Response r, String goldDocId, List<String> golds, int[] goldSentence) {
        millis.add(r.nanos() / 1e6);
        for (Citation c : r.citations()) {
            citations++;
            if (reproduces(c)) {
                validCitations++;
            }
        }
        if (goldDocId == null) {
            withheld++;
            if (!r.answered()) {
                refused++;
            }
            return false;
        }
        answerable++;
        if (goldSentence != null) {
            withSentence++;
            if (r.answered() && !r.citations().isEmpty()) {
                Citation first = r.citations().get(0);
                if (first.docId().equals(goldDocId) && first.start() < goldSentence[1] && goldSentence[0] < first.end()) {
                    sentence1++;
                }
            }
        }
        int rank = r.rankedDocIds().indexOf(goldDocId);
        if (rank == 0) {
            found1++;
        }
        if (rank >= 0 && rank < 5) {
            found5++;
        }
        if (rank >= 0 && rank < 10) {
            reciprocalRanks += 1.0 / (rank + 1);
        }
        if (!r.answered()) {
            refusedAtRank1 += rank == 0 ? 1 : 0;
            return false;
        }
        answered++;
        List<Citation> cs = r.citations();
        boolean top = !cs.isEmpty() && AnswerMatch.containsAny(cs.get(0).quote(), golds);
        if (top) {
            hit1++;
        } else if (!cs.isEmpty() && cs.get(0).docId().equals(goldDocId)) {
            missInGoldDoc++;
        }
        if (top || cs.stream().limit(3).anyMatch(c -> AnswerMatch.containsAny(c.quote(), golds))) {
            hit3++;
        }
        return top;
    }

    private boolean reproduces(Citation c) {
        return storedText.apply(c.docId())
                .filter(t -> c.start() >= 0 && c.start() <= c.end() && c.end() <= t.length())
                .map(t -> t.substring(c.start(), c.end()).equals(c.quote()))
                .orElse(false);
    }

    public int answerable() {
        return answerable;
    }

    public int withheld() {
        return withheld;
    }

    /**
     * The figures in the order of the {@code --json} contract; a key is absent where it does not
     * apply (no answerable questions, no withheld questions, no citations, no measurements).
     */
    public Map<String, Double> scores() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (answerable > 0) {
            m.put("recall@1", ratio(found1, answerable));
            m.put("recall@5", ratio(found5, answerable));
            m.put("mrr@10", round(reciprocalRanks / answerable));
            m.put("hit@1", ratio(hit1, answerable));
            m.put("hit@3", ratio(hit3, answerable));
        }
        if (citations > 0) {
            m.put("validity", ratio(validCitations, citations));
        }
        if (answerable > 0) {
            m.put("answered", ratio(answered, answerable));
        }
        if (withheld > 0) {
            m.put("refusal", ratio(refused, withheld));
        }
        if (answered > 0) {
            m.put("precision@1", ratio(hit1, answered));
            m.put("missInGold@1", ratio(missInGoldDoc, answerable));
        }
        if (answerable > 0) {
            m.put("refusedAtRank1", ratio(refusedAtRank1, answerable));
        }
        if (withSentence > 0) {
            m.put("sentence@1", ratio(sentence1, withSentence));
        }
        if (!millis.isEmpty()) {
            Percentiles p = new Percentiles(millis);
            m.put("p50Ms", round(p.at(50)));
            m.put("p99Ms", round(p.at(99)));
        }
        return m;
    }

    static double ratio(double a, long b) {
        return b == 0 ? 0 : round(a / b);
    }

    static double ratio(long a, long b) {
        return b == 0 ? 0 : round((double) a / b);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
