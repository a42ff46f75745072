package org.isnad.text;

/**
 * Tidies white space only, so that the stored text stays verbatim otherwise: byte-order marks (U+FEFF, at the
 * start or stray inside the text) are dropped; line endings ({@code \r\n}, {@code \r}, U+2028, U+2029, U+0085) become {@code \n}; runs of
 * spaces, tabs, form feeds and Unicode spaces (no-break, figure, narrow, ideographic, en/em...) inside a
 * line become one space; lines are trimmed; empty lines are dropped.
 */
public final class TextTidy {

    private TextTidy() {}

    /** The tidied text; {@code ""} for null or blank input. */
    public static String tidy(String raw) {
        if (raw == null) {
            return "";
        }
        int n = raw.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        boolean pendingSpace = false;
        boolean pendingBreak = false;
        boolean lineHasText = false;
        for (; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\uFEFF') {
                continue;
            }
            if (isLineBreak(c)) {
                if (lineHasText) {
                    pendingBreak = true;
                }
                pendingSpace = false;
                lineHasText = false;
            } else if (isSpace(c)) {
                if (lineHasText) {
                    pendingSpace = true;
                }
            } else {
                if (pendingBreak) {
                    out.append('\n');
                    pendingBreak = false;
                } else if (pendingSpace) {
                    out.append(' ');
                }
                pendingSpace = false;
                lineHasText = true;
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }
}
