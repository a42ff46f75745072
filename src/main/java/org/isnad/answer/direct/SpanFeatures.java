package org.isnad.answer.direct;

import java.util.List;

/**
 * The features of a candidate answer span inside one quote, as the span model weighs them: how much
 * of the question stands near the span in its sentence and on which side, whether it follows or
 * precedes the question's words, its length, whether it closes its clause, the words around it. One
 * instance per quote; {@code asked}, {@code weak} and {@code breakAfter} are per word of the quote
 * (a question word; a function word; a clause break after it), {@code sentence} each word's sentence
 * number. The weights are {@link org.isnad.answer.AnswerTuning#SPAN_WEIGHTS}, one per {@link #NAMES}.
 */
final class SpanFeatures {

    static final List<String> NAMES = List.of(
            "near", "nearLeft", "nearRight", "follows", "precedes",
            "length1", "length2", "length3", "length4", "length5", "length6plus",
            "closesClause", "opensClause", "functionWordBefore", "digit",
            "gap0", "gap1", "gap2", "gap3plus", "allQuestionAfter", "betweenQuestion", "functionWordAfter",
            "firstDefinite", "firstConjunction", "wholeClause", "nearShareOfBest", "lastDefinite");

    /** A question word this many words away counts 1/e as much as one right beside the span. */
    private static final double REACH = 2.5;
    private static final double MAX_NEAR = 4;
    private static final double MAX_NEAR_SIDE = 3;
    private static final int NONE = Integer.MAX_VALUE;

    private final String[] text;
    private final boolean[] asked;
    private final boolean[] weak;
    private final boolean[] breakAfter;
    private final int[] sentence;

    SpanFeatures(String[] text, boolean[] asked, boolean[] weak, boolean[] breakAfter, int[] sentence) {
        this.text = text;
        this.asked = asked;
        this.weak = weak;
        this.breakAfter = breakAfter;
        this.sentence = sentence;
    }

    /** The features of each run {from, to} (word indices, inclusive). */
    double[][] of(List<int[]> runs) {
        double[][] f = new double[runs.size()][];
        double bestNear = 0;
        for (int k = 0; k < runs.size(); k++) {
            f[k] = of(runs.get(k)[0], runs.get(k)[1]);
            bestNear = Math.max(bestNear, f[k][0]);
        }
        int share = NAMES.indexOf("nearShareOfBest");
        for (double[] row : f) {
            row[share] = bestNear > 0 ? row[0] / bestNear : 0;
        }
        return f;
    }

    /** The features of the run from word {@code from} to word {@code to}, the share of the best "near" left at 0. */
    double[] of(int from, int to) {
        double nearLeft = 0;
        double nearRight = 0;
        int gapLeft = NONE;
        int gapRight = NONE;
        for (int k = 0; k < asked.length; k++) {
            if (!asked[k] || sentence[k] != sentence[from]) {
                continue;
            }
            if (k < from) {
                int gap = from - k - 1;
                nearLeft += Math.exp(-gap / REACH);
                gapLeft = Math.min(gapLeft, gap);
            } else {
                int gap = k - to - 1;
                nearRight += Math.exp(-gap / REACH);
                gapRight = Math.min(gapRight, gap);
            }
        }
        boolean follows = from > 0 && asked[from - 1] && !breakAfter[from - 1];
        boolean precedes = to + 1 < asked.length && asked[to + 1] && !breakAfter[to];
        int length = to - from + 1;
        int gap = Math.min(gapLeft, gapRight);
        boolean opens = from == 0 || breakAfter[from - 1];
        boolean digit = false;
        for (int k = from; k <= to; k++) {
            digit |= text[k].chars().anyMatch(Character::isDigit);
        }
        String first = text[from];
        return new double[] {
            Math.min(nearLeft + nearRight, MAX_NEAR), Math.min(nearLeft, MAX_NEAR_SIDE), Math.min(nearRight, MAX_NEAR_SIDE),
            b(follows), b(precedes),
            b(length == 1), b(length == 2), b(length == 3), b(length == 4), b(length == 5), b(length >= 6),
            b(breakAfter[to]), b(opens), b(from > 0 && weak[from - 1]), b(digit),
            b(gap == 0), b(gap == 1), b(gap == 2), b(gap >= 3 && gap != NONE),
            b(gapRight != NONE && gapLeft == NONE), b(gapLeft != NONE && gapRight != NONE), b(to + 1 < weak.length && weak[to + 1]),
            b(first.startsWith("ال")), b(first.startsWith("و") && first.length() > 3), b(opens && breakAfter[to]), 0,
            b(text[to].startsWith("ال")),
        };
    }

    private static double b(boolean x) {
        return x ? 1 : 0;
    }
}
