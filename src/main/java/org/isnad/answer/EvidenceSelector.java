package org.isnad.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.isnad.text.ArabicNormalizer;

/**
 * Chooses the quotes: sentences that share the question's key terms or names AND fit its type,
 * best first, at most {@code maxQuotes}, no two near-duplicates. Chooses none when nothing shares
 * enough of the question: a high retrieval score alone never makes evidence.
 */
public final class EvidenceSelector {

    /** Share of the question's weighted groups that a sentence's context must hold. */
    static final double MIN_CONTEXT = 0.6;
    /**
     * Share of the question's groups, each weighted by how rare its words are in the index, that lets a
     * sentence below {@link #MIN_CONTEXT} count as evidence when it also holds what the question asks for.
     */
    static final double MIN_RARE_CONTEXT = 0.4;
    /** Plain share of the question a sentence admitted by {@link #MIN_RARE_CONTEXT} must still hold. */
    static final double LOOSE_CONTEXT = 0.4;

    /** A sentence that does not fit the type may still answer when it holds this much of the question itself. */
    static final double STANDALONE_OWN = 0.75;
    static final double NEAR_DUPLICATE = 0.6;
    /** Names and places are not always recognizable: a sentence holding this much of the question may answer where or why. */
    static final double TYPELESS_OWN = 0.6;
    /** Some sentence of a quoted document must itself hold this share of the question. */
    static final double MIN_BODY_OWN = 0.4;
    static final double TITLE_WEIGHT = 1.0;

    private final int maxQuotes;

    public EvidenceSelector(int maxQuotes) {
        this.maxQuotes = Math.max(1, Math.min(4, maxQuotes));
    }

    public List<Evidence> choose(Question q, List<Evidence> all) {
        if (q.groups().isEmpty()) {
            return List.of();
        }
        List<Evidence> eligible = all.stream()
                .filter(e -> e.namesPresent() && (e.context() >= MIN_CONTEXT || rareEnough(q.type(), e)))
                .filter(e -> e.own() > 0 || (e.fit() > 0 && (e.near() > 0 || e.context() >= MIN_CONTEXT)))
                .filter(e -> fitsType(q.type(), e))
                .sorted(Comparator.comparingDouble(Evidence::score).reversed())
                .toList();
        if (eligible.isEmpty()) {
            return List.of();
        }
        if (eligible.stream().anyMatch(e -> e.context() >= MIN_CONTEXT)) {
            // rare words plus an answer of the right shape are a fallback, never a rival to fuller evidence
            eligible = eligible.stream().filter(e -> e.context() >= MIN_CONTEXT).toList();
        }
        // One document answers: the one whose best few sentences weigh most (a lone matching sentence
        // elsewhere does not outweigh an article about the question).
        java.util.Map<String, List<Evidence>> byDoc = new java.util.LinkedHashMap<>();
        eligible.forEach(e -> byDoc.computeIfAbsent(e.docId(), k -> new ArrayList<>()).add(e));
        String bestDoc = byDoc.entrySet().stream()
                .max(Comparator.comparingDouble(en -> documentScore(en.getValue())))
                .map(java.util.Map.Entry::getKey).orElseThrow();
        eligible = byDoc.get(bestDoc);
        if ((q.type() == QuestionType.WHY || q.type() == QuestionType.WHEN) && eligible.stream().anyMatch(e -> e.fit() >= 1)) {
            // a stated reason (or a full date) beats a hint of one ("so…", "on Tuesday")
            eligible = eligible.stream().filter(e -> e.fit() >= 1).toList();
        }
        Evidence top = eligible.get(0);
        List<Evidence> chosen = new ArrayList<>();
        chosen.add(top);
        for (Evidence e : eligible.subList(1, eligible.size())) {
            if (chosen.size() >= maxQuotes) {
                break;
            }
            double floor = (q.type() == QuestionType.WHEN && !e.dates().isEmpty() ? 0.45 : 0.5) * top.score();
            if (e.score() < floor || overlapsOrRepeats(e, chosen)) {
                continue;
            }
            boolean reasonInSameDocument = q.type() == QuestionType.WHY && e.fit() >= 1 && e.docId().equals(top.docId());
            if (e.own() < 0.5 && e.near() < 0.5 && !reasonInSameDocument) {
                continue; // a further quote must hold the question itself or sit beside a sentence that does
            }
            if (typed(q.type()) && top.fit() > 0 && e.fit() == 0 && e.own() < STANDALONE_OWN) {
                continue;
            }
            chosen.add(e);
        }
        // The body of a quoted document (not only its title) must share the question.
        java.util.Map<String, Double> bestOwn = new java.util.HashMap<>();
        all.forEach(e -> bestOwn.merge(e.docId(), e.own(), Math::max));
        chosen.removeIf(e -> bestOwn.get(e.docId()) < MIN_BODY_OWN);
        if (chosen.isEmpty()) {
            return List.of();
        }
        // Quotes in order of evidence strength: the first one is the best answer.
        return chosen;
    }

    /** The best sentence's score plus a little of the next two (sorted best first), and the title's share of the question. */
    private static double documentScore(List<Evidence> sorted) {
        double score = 0;
        double[] weights = {1.0, 0.3, 0.15};
        for (int i = 0; i < Math.min(weights.length, sorted.size()); i++) {
            score += weights[i] * sorted.get(i).score();
        }
        return score + TITLE_WEIGHT * sorted.get(0).title();
    }

    /** Below the plain threshold: the question's rare words are there, and so is an answer of its type (or the sentence states much of the question). */
    private static boolean rareEnough(QuestionType type, Evidence e) {
        return e.rare() >= MIN_RARE_CONTEXT && e.context() >= LOOSE_CONTEXT
                && (typed(type) ? e.fit() > 0 : e.own() > 0);
    }

    private static boolean typed(QuestionType t) {
        return t == QuestionType.WHO || t == QuestionType.WHEN || t == QuestionType.WHERE
                || t == QuestionType.WHY || t == QuestionType.HOW_MANY;
    }

    private static boolean fitsType(QuestionType type, Evidence e) {
        return switch (type) {
            case WHEN, HOW_MANY -> e.fit() > 0 || e.own() >= STANDALONE_OWN;
            case WHO -> e.fit() > 0 || e.own() >= STANDALONE_OWN;
            case WHERE, WHY -> e.fit() > 0 || e.own() >= TYPELESS_OWN;
            default -> e.own() > 0;
        };
    }

    private static boolean overlapsOrRepeats(Evidence e, List<Evidence> chosen) {
        Set<String> words = words(e.text());
        for (Evidence c : chosen) {
            if (c.docId().equals(e.docId()) && c.sentence().start() < e.sentence().end() && e.sentence().start() < c.sentence().end()) {
                return true;
            }
            if (jaccard(words, words(c.text())) > NEAR_DUPLICATE) {
                return true;
            }
        }
        return false;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : ArabicNormalizer.normalize(text.toLowerCase(Locale.ROOT)).split("[^\\p{L}\\p{Nd}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / (a.size() + b.size() - inter.size());
    }
}
