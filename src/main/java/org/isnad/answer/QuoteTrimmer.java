package org.isnad.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.isnad.index.Analyzers;
import org.isnad.text.Language;

/**
 * Shortens an over-long sentence to the run of its clauses (cut at ، , ؛ ; and dashes) that holds
 * the most of the question, so a quote stays readable and still a contiguous span of the source.
 */
public final class QuoteTrimmer {

    static final int MAX_CHARS = 320;

    private final Analyzers analyzers;

    public QuoteTrimmer(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** A span [start, end) relative to {@code sentence}: the whole of it when short enough. */
    public int[] trim(String sentence, Question q, Language language) {
        if (sentence.length() <= MAX_CHARS) {
            return new int[] {0, sentence.length()};
        }
        List<int[]> clauses = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '،' || c == ',' || c == '؛' || c == ';' || c == '—' || c == '–') {
                clauses.add(new int[] {from, i + 1});
                from = i + 1;
            }
        }
        clauses.add(new int[] {from, sentence.length()});
        double[] weight = new double[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            var terms = new HashSet<>(analyzers.bodyTerms(language,
                    sentence.substring(clauses.get(i)[0], clauses.get(i)[1])));
            for (TermGroup g : q.groups()) {
                weight[i] += g.matches(terms) ? g.weight() : 0;
            }
        }
        int bestStart = 0;
        int bestEnd = 0;
        double bestWeight = -1;
        for (int i = 0; i < clauses.size(); i++) {
            double w = 0;
            for (int j = i; j < clauses.size() && clauses.get(j)[1] - clauses.get(i)[0] <= MAX_CHARS; j++) {
                w += weight[j];
                // on a tie the longer run wins: the answer usually sits in the clauses beside the question's words
                if (w > bestWeight || (w == bestWeight && bestStart == i && j > bestEnd)) {
                    bestWeight = w;
                    bestStart = i;
                    bestEnd = j;
                }
            }
        }
        if (bestWeight < 0) {
            return new int[] {0, sentence.length()};
        }
        int s = clauses.get(bestStart)[0];
        int e = clauses.get(bestEnd)[1];
        while (s < e && Character.isWhitespace(sentence.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(sentence.charAt(e - 1))) {
            e--;
        }
        return e > s ? new int[] {s, e} : new int[] {0, sentence.length()};
    }
}
