package org.isnad.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isnad.text.ArabicNormalizer;

/** Word tokens folded for name matching: Arabic letter variants folded, Latin lower-cased. */
final class NameTokens {

    private NameTokens() {}

    static List<String> fold(String text) {
        String s = ArabicNormalizer.normalize(text).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' && i + 1 < n && Character.isLetter(s.charAt(i + 1)))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /**
     * A token and the forms it may take without an attached Arabic conjunction or preposition
     * (و ف ب ل ك), with "لل" read as "ال": "وحماس" → حماس, "للولايات" → الولايات.
     */
    static List<String> variants(String token) {
        List<String> out = new ArrayList<>(3);
        out.add(token);
        if (token.length() > 3) {
            char c = token.charAt(0);
            if (token.startsWith("لل")) {
                out.add("ال" + token.substring(2));
            }
            if (c == 'و' || c == 'ف' || c == 'ب' || c == 'ل' || c == 'ك') {
                String rest = token.substring(1);
                out.add(rest);
                if (rest.length() > 3 && (rest.charAt(0) == 'ب' || rest.charAt(0) == 'ل')) {
                    out.add(rest.substring(1));
                }
            }
        }
        return out;
    }
}
