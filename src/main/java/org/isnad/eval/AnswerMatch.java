package org.isnad.eval;

import java.util.Collection;
import java.util.Locale;
import org.isnad.text.ArabicNormalizer;

/**
 * Whether a quote contains a gold answer. Both sides are folded the way a reader would not notice:
 * Arabic spelling variants (alef forms, taa marbuta, alef maqsura, diacritics, tatweel), Arabic-Indic
 * and Persian digits, letter case and runs of white space; the gold answer also loses punctuation at
 * its edges ("308." matches "308"). Nothing else is folded: a quote that paraphrases is a miss.
 */
public final class AnswerMatch {

    private AnswerMatch() {}

    public static boolean contains(String quote, String gold) {
        String g = trimPunctuation(fold(gold));
        return !g.isEmpty() && fold(quote).contains(g);
    }

    public static boolean containsAny(String quote, Collection<String> golds) {
        for (String g : golds) {
            if (contains(quote, g)) {
                return true;
            }
        }
        return false;
    }

    static String fold(String s) {
        return ArabicNormalizer.normalize(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String trimPunctuation(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && !Character.isLetterOrDigit(s.codePointAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(s.codePointBefore(b))) {
            b--;
        }
        return s.substring(a, b);
    }
}
