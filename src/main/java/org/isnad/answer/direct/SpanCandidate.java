package org.isnad.answer.direct;

import java.util.List;

/**
 * A candidate answer span beside the question's words, at document offsets, with its features in
 * {@code SpanFeatures.NAMES} order: what {@code isnad eval --span-features} writes for fitting the
 * span model.
 */
public record SpanCandidate(int start, int end, String text, List<Double> features) {

    public SpanCandidate {
        features = List.copyOf(features);
    }

    /** The names of the features, in order. */
    public static List<String> featureNames() {
        return SpanFeatures.NAMES;
    }
}
