package org.isnad.eval;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.isnad.answer.direct.DirectAnswer;
import org.isnad.answer.direct.DirectPart;

/**
 * How good the direct answer lines of one evaluation are: the share of answered questions whose
 * line's source span holds an expected phrase (or half of its words), and, for lines written for a
 * reader of another language than the source's, the share of parts rendered for that reader (not
 * left in the original) by part type.
 */
final class DirectFigures {

    private int answered;
    private int holding;
    private final Map<String, int[]> readable = new TreeMap<>();

    /** One answered question with expected phrases; {@code crossLanguage} when the reader reads another language. */
    void add(DirectAnswer direct, List<String> expected, boolean crossLanguage) {
        answered++;
        if (direct == null) {
            return;
        }
        boolean holds = false;
        for (DirectPart p : direct.parts()) {
            if (!p.stated()) {
                continue;
            }
            holds |= holds(p.source().text(), expected);
            if (crossLanguage) {
                int[] r = readable.computeIfAbsent(p.part(), k -> new int[2]);
                r[0]++;
                r[1] += "original".equals(p.rendering()) ? 0 : 1;
            }
        }
        holding += holds ? 1 : 0;
    }

    /** The span contains an expected phrase, or at least half of one's words. */
    static boolean holds(String span, List<String> expected) {
        if (AnswerMatch.containsAny(span, expected)) {
            return true;
        }
        Set<String> words = new HashSet<>(Arrays.asList(AnswerMatch.fold(span).split("[^\\p{L}\\p{N}]+")));
        for (String e : expected) {
            List<String> want = Arrays.stream(AnswerMatch.fold(e).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
            long have = want.stream().filter(words::contains).count();
            if (!want.isEmpty() && have * 2 >= want.size()) {
                return true;
            }
        }
        return false;
    }

    double holdingShare() {
        return Tally.ratio(holding, answered);
    }

    String table() {
        StringBuilder sb = new StringBuilder("direct line: %d answered questions with expected phrases, span holds one: %.3f%n"
                .formatted(answered, holdingShare()));
        if (!readable.isEmpty()) {
            sb.append("direct line parts rendered for a reader of the other language (not left in the original):\n");
            readable.forEach((part, r) -> sb.append(String.format("  %-10s %4d parts, rendered %.3f%n", part, r[0], Tally.ratio(r[1], r[0]))));
        }
        return sb.toString();
    }
}
