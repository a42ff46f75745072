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
     * The defaults. The answerability weights were fitted by `isnad eval --fit` (logistic regression,
     * L2 0.01, standardized features, weights shown here on the raw scale) on the development set
     * (../shared/eval/news-qa-dev, 160 questions) over the full shared archive (7,423 documents) plus
     * our own set (src/test/resources/eval); the threshold was set from its 5-fold
     * cross-validation by article for precision (see docs/answering.md for the figures).
     */
    public static AnswerTuning defaults() {
        return new AnswerTuning(
                List.of(0.6719, 1.4189, 2.0903, 1.1687, 0.5509, 0.9644, 1.2183, 2.3749, 2.4475, 0.4477, -0.0000),
                List.of(-0.4189, 3.8372, 0.9653, -0.3628, 0.7788, 1.7855, -0.2466, 4.7155, 1.0565, 0.9959, 1.0744, 0.4131),
                -11.7817,
                0.85,
                3);
    }
}
