package org.isnad.text;

/**
 * Folds spelling variants for matching (never for display or quoting): alef forms (أ إ آ ٱ) to ا,
 * alef maqsura ى to ي, taa marbuta ة to ه, Persian yeh/kaf (ی ک) to ي ك, no diacritics, Quranic marks,
 * tatweel or zero-width characters, Arabic-Indic and Persian digits to ASCII, Latin letters lower-cased.
 *
 * <p>{@link #normalizeWithMap(String)} also folds every kind of quotation mark to {@code "} and collapses
 * white-space runs to one space, and keeps the way back to the original offsets.
 */
public final class ArabicNormalizer {

    private ArabicNormalizer() {}

    /** {@code s} folded for matching; same length or shorter. */
    public static String normalize(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char f = fold(s.charAt(i));
            if (f != DROP) {
                out.append(f);
            }
        }
        return out.toString();
    }

    /**
     * {@code s} folded as by {@link #normalize(String)}, plus quotation marks folded to {@code "} and white-space
     * runs collapsed to one space, with a map from every normalized index to its original index.
     */
    public static NormalizedText normalizeWithMap(String s) {
        int n = s.length();
        char[] out = new char[n];
        int[] map = new int[n];
        int k = 0;
        boolean inSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                if (!inSpace) {
                    out[k] = ' ';
                    map[k++] = i;
                    inSpace = true;
                }
                continue;
            }
            char f = isQuote(c) ? '"' : fold(c);
            if (f == DROP) {
                continue;
            }
            inSpace = false;
            out[k] = f;
            map[k++] = i;
        }
        int[] trimmed = new int[k];
        System.arraycopy(map, 0, trimmed, 0, k);
        return new NormalizedText(s, new String(out, 0, k), trimmed);
    }

    /** Whether {@code c} is a quotation mark of any kind (“ ” « » „ ‟ " ' ‘ ’ ″ ‹ › and friends). */
    public static boolean isQuote(char c) {
        return switch (c) {
            case '"', '\'', '“', '”', '«', '»', '„', '‟', '‘', '’', '‚', '‛', '″', '‹', '›', '＂', '`', '´' -> true;
            default -> false;
        };
    }

    /** Whether normalization removes {@code c} (diacritics, tatweel, Quranic marks, zero-width characters). */
    static boolean isDropped(char c) {
        return fold(c) == DROP;
    }

    private static final char DROP = '\uFFFF';

    private static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c >= '\u0600' && c <= '\u06FF') {
            return foldArabic(c);
        }
        if (c >= '\u200B' && c <= '\u200F' || c == '\uFEFF' || c == '\u2060') {
            return DROP;
        }
        if (c < '\u0250' && Character.isUpperCase(c)) {
            return Character.toLowerCase(c);
        }
        return c;
    }

    private static char foldArabic(char c) {
        switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ' -> {
                return 'ا';
            }
            case 'ى', 'ی', 'ے' -> {
                return 'ي';
            }
            case 'ة' -> {
                return 'ه';
            }
            case 'ک' -> {
                return 'ك';
            }
            case 'ـ', '\u061C' -> {
                return DROP;
            }
            default -> {
                // falls through to the range checks below
            }
        }
        if (c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c >= '\u0610' && c <= '\u061A'
                || c >= '\u06D6' && c <= '\u06DC' || c >= '\u06DF' && c <= '\u06E8' || c >= '\u06EA' && c <= '\u06ED') {
            return DROP;
        }
        if (c >= '٠' && c <= '٩') {
            return (char) ('0' + (c - '٠'));
        }
        if (c >= '۰' && c <= '۹') {
            return (char) ('0' + (c - '۰'));
        }
        return c;
    }
}
