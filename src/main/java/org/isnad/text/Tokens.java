package org.isnad.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain word tokenizer with offsets over mixed Arabic and Latin text. A token is a run of letters,
 * digits and combining marks (Arabic words stay whole with their diacritics and tatweel; no stemming, no
 * prefix stripping). Inner apostrophes and hyphens between letters ("don't", "al-Quds") and decimal or
 * thousands separators between digits ("3.5", "1,000", "٣٫٥") stay inside the token.
 */
public final class Tokens {

    private Tokens() {}

    /** The tokens of {@code text} in order; empty for null. */
    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = text.codePointAt(i);
                if (isWordChar(cp)) {
                    i += Character.charCount(cp);
                } else if (i + 1 < n && isJoiner(text.charAt(i), text.charAt(i - 1), text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            out.add(new Token(text.substring(start, i), start, i));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        if (cp == 'ـ') {
            return true;
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isJoiner(char c, char before, char after) {
        if (c == '\'' || c == '’' || c == '-') {
            return Character.isLetter(before) && Character.isLetter(after);
        }
        if (c == '.' || c == ',' || c == '٫' || c == '٬') {
            return Character.isDigit(before) && Character.isDigit(after);
        }
        return false;
    }
}
