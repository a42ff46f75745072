package org.isnad.answer;

import java.util.Comparator;
import java.util.List;

/**
 * Decides whether a question is answered and by which document, in two fitted stages over the
 * candidates' {@link DocumentFeatures}: a linear ranking picks the candidate that may answer, and
 * a logistic model over its features and its ranking margin over the runner-up gives the
 * probability that it does. It answers when that probability reaches
 * {@link AnswerTuning#minAnswerability()}, a threshold set for precision: when Isnad answers, it
 * must be right. The weights come from `isnad eval --fit` (see {@link AnswerTuning#defaults()}).
 */
public final class AnswerabilityModel {

    /** A candidate document with the model's probability that it answers. */
    public record Judged(DocumentFeatures features, double probability) {}

    /** The ranking margin a lone candidate gets, and the cap on any margin (as in the fit). */
    public static final double RANK_MARGIN_ALONE = 5.0;

    private final double[] ranking;
    private final double[] weights;
    private final double bias;
    private final double threshold;

    public AnswerabilityModel(AnswerTuning tuning) {
        this.ranking = tuning.rankingWeights().stream().mapToDouble(Double::doubleValue).toArray();
        this.weights = tuning.answerabilityWeights().stream().mapToDouble(Double::doubleValue).toArray();
        this.bias = tuning.answerabilityBias();
        this.threshold = tuning.minAnswerability();
    }

    double rankScore(DocumentFeatures f) {
        double[] x = f.vector();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += ranking[i] * x[i];
        }
        return s;
    }

    /** The probability that {@code f} answers, given its ranking margin over the runner-up. */
    double probability(DocumentFeatures f, double rankMargin) {
        double[] x = f.vector();
        double z = bias + weights[x.length] * Math.min(RANK_MARGIN_ALONE, rankMargin);
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Every candidate in ranking order; the first carries the probability that it answers, the
     * others the probability they would have if they stood first with no margin.
     */
    public List<Judged> rank(List<DocumentFeatures> candidates) {
        List<DocumentFeatures> sorted = candidates.stream()
                .sorted(Comparator.comparingDouble(this::rankScore).reversed()).toList();
        List<Judged> out = new java.util.ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            double margin = i > 0 ? 0 : sorted.size() < 2 ? RANK_MARGIN_ALONE : rankScore(sorted.get(0)) - rankScore(sorted.get(1));
            out.add(new Judged(sorted.get(i), probability(sorted.get(i), margin)));
        }
        return out;
    }


    public double threshold() {
        return threshold;
    }
}
