package org.isnad.answer;

import java.util.List;

/**
 * Every weight and threshold of the answer decision, in one place, with where each came from.
 * Change a number here and rerun `isnad eval --set ../shared/eval/news-qa-dev/questions.jsonl`
 * over the full shared archive (and XQuAD with `--withhold 0.2`) to see what it does.
 *
 * @param rankingWeights the {@link AnswerabilityModel}'s ranking weights, one per
 *        {@link DocumentFeatures#NAMES} entry, in that order: the candidate with the highest
 *        weighted sum is the one that may answer
 * @param answerabilityWeights its logistic weights for whether that candidate answers: one per
 *        feature, then one for the ranking margin over the runner-up
 * @param answerabilityBias the logistic model's intercept
 * @param minAnswerability the least probability that the best document answers for Isnad to answer
 * @param expandedDocsPerLanguage how many of the best documents of each language are read whole
 */
public record AnswerTuning(
        List<Double> rankingWeights,
        List<Double> answerabilityWeights,
        double answerabilityBias,
        double minAnswerability,
        int expandedDocsPerLanguage) {

    public AnswerTuning {
        rankingWeights = List.copyOf(rankingWeights);
        answerabilityWeights = List.copyOf(answerabilityWeights);
        if (rankingWeights.size() != DocumentFeatures.NAMES.size() || answerabilityWeights.size() != DocumentFeatures.NAMES.size() + 1) {
            throw new IllegalArgumentException("one weight per feature (and the ranking margin): " + DocumentFeatures.NAMES);
        }
    }

    /**
     * The direct line's span model: one weight per {@code SpanFeatures.NAMES} entry (package
     * org.isnad.answer.direct); the candidate beside the question's words with the highest weighted
     * sum is the span stated. Fitted by {@code isnad eval --fit-spans} on the candidates that
     * {@code isnad eval --dataset xquad.{ar,en}.json --span-features FILE} writes: the questions of the
     * WHAT, OTHER, WHO and WHERE kinds that Isnad answered with a gold answer inside its first quote
     * (1,254 questions, 52,136 candidates, Arabic and English together). The fit maximizes the
     * expected span F1 of a softmax over each question's candidates (L2 0.01). Span F1 of the chosen
     * candidate: 0.305 held out (seeded two-fold), 0.32 in sample, 0.89 for the best candidate
     * (the ceiling), against 0.235 (Arabic) for the hand-set scoring it replaced; weights fitted on
     * Arabic alone reach 0.31 on English, so the features are not tied to one language.
     */
    public static final List<Double> SPAN_WEIGHTS = List.of(
            1.24, 1.95, -0.64, 0.72, -0.10,
            -1.67, 0.67, 0.14, 0.32, 0.09, 0.46,
            2.95, -0.50, 0.91, 0.26,
            0.30, 0.53, 0.33, -0.84, -0.55, -0.68, 0.04,
            0.10, -0.54, 0.15, 0.84, 0.44);

    /**
     * The defaults. The answerability weights were fitted by `isnad eval --fit` (logistic regression,
     * L2 0.01, standardized features, weights shown here on the raw scale) on the development set
     * (../shared/eval/news-qa-dev, 160 questions) over the full shared archive (7,423 documents) plus
     * our own set (src/test/resources/eval); the threshold was set from its 5-fold
     * cross-validation by article for precision (see docs/answering.md for the figures).
     */
    public static AnswerTuning defaults() {
        return new AnswerTuning(
                List.of(0.5948, 1.4715, 2.1482, 1.2537, 0.2005, 1.2094, 1.1261, 2.4308, 2.3399, 0.4855, -0.0000),
                List.of(-0.4224, 3.6106, 1.6951, -0.4950, 0.9686, 2.1215, -0.3063, 5.1700, 1.4370, 0.8357, 1.6267, 0.4160),
                -13.7675,
                0.85,
                3);
    }
}
