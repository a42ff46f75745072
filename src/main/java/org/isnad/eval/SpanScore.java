package org.isnad.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answer-span exact match and F1 as the official SQuAD v1.1 evaluation script computes them (which
 * XQuAD uses for every language): lower case, ASCII punctuation removed, the English articles
 * a/an/the removed, whitespace collapsed; F1 over the normalized tokens; the best over the gold
 * answers. Also the sliding-window baseline's span (MCTest, SOQAL).
 */
public final class SpanScore {

    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private SpanScore() {}

    static String normalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder noPunct = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (PUNCTUATION.indexOf(c) < 0) {
                noPunct.append(c);
            }
        }
        String noArticles = ARTICLES.matcher(noPunct).replaceAll(" ");
        return String.join(" ", noArticles.trim().split("\\s+"));
    }

    private static List<String> tokens(String s) {
        String n = normalize(s);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }

    public static double exactMatch(String prediction, List<String> golds) {
        if (prediction == null) {
            return 0;
        }
        String p = normalize(prediction);
        return golds.stream().anyMatch(g -> normalize(g).equals(p)) ? 1 : 0;
    }

    public static double f1(String prediction, List<String> golds) {
        if (prediction == null) {
            return 0;
        }
        double best = 0;
        for (String g : golds) {
            best = Math.max(best, f1(tokens(prediction), tokens(g)));
        }
        return best;
    }

    private static double f1(List<String> prediction, List<String> gold) {
        Map<String, Integer> counts = new HashMap<>();
        gold.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : prediction) {
            Integer n = counts.get(t);
            if (n != null && n > 0) {
                common++;
                counts.put(t, n - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / prediction.size();
        double recall = (double) common / gold.size();
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * The sliding-window baseline: of the windows of {@code length} words of {@code passage}, the one
     * holding the most distinct question words (the first on a tie), as plain text.
     */
    public static String window(String passage, String question, int length) {
        String[] words = passage.trim().split("\\s+");
        if (words.length == 0 || length <= 0) {
            return null;
        }
        int n = Math.min(length, words.length);
        Set<String> asked = Set.copyOf(tokens(question));
        int bestAt = 0;
        int best = -1;
        for (int i = 0; i + n <= words.length; i++) {
            List<String> inWindow = new ArrayList<>();
            for (int k = i; k < i + n; k++) {
                inWindow.addAll(tokens(words[k]));
            }
            int overlap = (int) inWindow.stream().distinct().filter(asked::contains).count();
            if (overlap > best) {
                best = overlap;
                bestAt = i;
            }
        }
        return String.join(" ", Arrays.copyOfRange(words, bestAt, bestAt + n));
    }

    /** The number of words of a gold answer after normalization (at least one). */
    public static int length(String gold) {
        return Math.max(1, tokens(gold).size());
    }
}
