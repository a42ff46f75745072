package org.isnad.answer.llm;

import java.util.Arrays;

/**
 * A text folded for matching a model's quotation against a stored passage, with a map from every
 * folded character back to the original one. Folding forgives what models change when they copy
 * text (white space runs, diacritics and tatweel, alef and hamza seats, alef maqsura, taa marbuta,
 * quotation marks, Arabic-Indic digits, Arabic punctuation, letter case); the map turns a match in
 * folded text back into exact offsets in the original, so what is shown is always cut from the
 * stored text and never the model's copy.
 */
public final class FoldedText {

    private final String original;
    private final String folded;
    private final int[] origin;

    private FoldedText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
    }

    /** Folds {@code s}; leading and trailing white space is dropped, inner runs become one space. */
    public static FoldedText of(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] origin = new int[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDropped(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    origin[out.length()] = i;
                    out.append(' ');
                }
                continue;
            }
            origin[out.length()] = i;
            out.append(fold(c));
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            len--;
        }
        return new FoldedText(s, out.substring(0, len), Arrays.copyOf(origin, len));
    }

    public String folded() {
        return folded;
    }

    public String original() {
        return original;
    }

    /**
     * Where {@code quote} occurs in this text, as offsets into the original: the first occurrence
     * that starts and ends on word boundaries, else the first occurrence; empty when absent.
     * The end is extended over combining marks that belong to the last matched letter.
     */
    public java.util.Optional<int[]> locate(FoldedText quote) {
        return locate(quote, 0);
    }

    /** As {@link #locate(FoldedText)}, for occurrences starting at or after {@code fromOriginal}. */
    public java.util.Optional<int[]> locate(FoldedText quote, int fromOriginal) {
        String q = quote.folded;
        if (q.isEmpty()) {
            return java.util.Optional.empty();
        }
        int from = 0;
        while (from < origin.length && origin[from] < fromOriginal) {
            from++;
        }
        int first = -1;
        for (int at = folded.indexOf(q, from); at >= 0; at = folded.indexOf(q, at + 1)) {
            if (first < 0) {
                first = at;
            }
            if (onBoundaries(at, at + q.length())) {
                first = at;
                break;
            }
        }
        if (first < 0) {
            return java.util.Optional.empty();
        }
        int start = origin[first];
        int end = origin[first + q.length() - 1] + 1;
        if (end < original.length() && Character.isHighSurrogate(original.charAt(end - 1))) {
            end++;
        }
        while (end < original.length() && isCombining(original.charAt(end))) {
            end++;
        }
        return java.util.Optional.of(new int[] {start, end});
    }

    private boolean onBoundaries(int from, int to) {
        boolean startOk = from == 0 || !Character.isLetterOrDigit(folded.charAt(from - 1));
        boolean endOk = to >= folded.length() || !Character.isLetterOrDigit(folded.charAt(to));
        return startOk && endOk;
    }

    private static boolean isCombining(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    /** Characters models add, drop or swap freely: marks, tatweel, quotation marks, invisible controls. */
    private static boolean isDropped(char c) {
        if (isCombining(c)) {
            return true;
        }
        return switch (c) {
            case '"', '\u00AB', '\u00BB', '\u201C', '\u201D', '\u201E', '\u201F', '\u2018', '\u2019', '\u201A',
                    '\u2039', '\u203A', '\'', '`', '\u00B4' -> true;
            case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u202A', '\u202B',
                    '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' -> true;
            default -> false;
        };
    }

    private static char fold(char c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى', 'ئ' -> 'ي';
            case 'ؤ' -> 'و';
            case 'ة' -> 'ه';
            case '،' -> ',';
            case '؛' -> ';';
            case '؟' -> '?';
            case '٫' -> '.';
            case '\u2013', '\u2014', '\u2212' -> '-';
            case '\uFF1C' -> '<';
            case '\uFF1E' -> '>';
            default -> {
                if (c >= '٠' && c <= '٩') {
                    yield (char) ('0' + (c - '٠'));
                }
                if (c >= '۰' && c <= '۹') {
                    yield (char) ('0' + (c - '۰'));
                }
                yield Character.toLowerCase(c);
            }
        };
    }
}
