package org.isnad.bot;

import org.isnad.text.Language;

/**
 * Telegram's HTML parse mode, the few things the bot needs from it: escaping every string that comes
 * from a user or a document, Unicode isolates around text whose direction differs from the text around
 * it, and measuring a message the way Telegram does (after entities are parsed).
 */
public final class Html {

    /** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the run inside takes its own direction. */
    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';
    /** Left-to-right isolate: for a run with no letter to give it a direction (an ISO date). */
    public static final char LRI = '\u2066';

    private Html() {}

    /** Escapes {@code <}, {@code >}, {@code &} (and quotes, harmless in text) for Telegram HTML. */
    public static String escape(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escaped, and wrapped in isolates when its direction differs from the surrounding language's. */
    public static String text(String s, Language surrounding) {
        String escaped = escape(s);
        Boolean rtl = strongRtl(s);
        return escaped.isEmpty() || rtl == null || rtl == isRtl(surrounding) ? escaped : FSI + escaped + String.valueOf(PDI);
    }

    /**
     * Escaped, with what reads in the other direction isolated: each quotation (“…”, «…», nested marks
     * kept inside) whose text runs the other way as a whole, and elsewhere each run of the other
     * direction — from its first to its last strong character, never across a bracket or a quotation
     * mark, so "[1]" markers and the order of several quotations stay in the sentence's own direction.
     */
    public static String mixed(String s, Language surrounding) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        int plainFrom = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char close = c == '“' ? '”' : c == '«' ? '»' : 0;
            if (close != 0) {
                int end = matching(s, i, c, close);
                if (end > 0) {
                    out.append(runs(s.substring(plainFrom, i), surrounding));
                    out.append(c).append(text(s.substring(i + 1, end), surrounding)).append(close);
                    i = end + 1;
                    plainFrom = i;
                    continue;
                }
            }
            i++;
        }
        out.append(runs(s.substring(plainFrom), surrounding));
        return out.toString();
    }

    /** The index of the mark closing the quotation opened at {@code from}, counting nested pairs; -1 if none. */
    private static int matching(String s, int from, char open, char close) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Escaped, each run of the other direction isolated; brackets and quotation marks end a run. */
    private static String runs(String s, Language surrounding) {
        boolean rtlContext = isRtl(surrounding);
        StringBuilder out = new StringBuilder(s.length() + 8);
        int runStart = -1;
        int runEnd = -1;
        int copied = 0;
        for (int j = 0; j <= s.length(); ) {
            int cp = j < s.length() ? s.codePointAt(j) : -1;
            Boolean strong = cp < 0 ? null : strong(cp);
            boolean breaker = cp < 0 || "[]()“”«»\"\n".indexOf(cp) >= 0 || (strong != null && strong == rtlContext);
            if (strong != null && strong != rtlContext) {
                if (runStart < 0) {
                    runStart = j;
                }
                runEnd = j + Character.charCount(cp);
            } else if (runStart >= 0 && cp >= 0 && Character.getDirectionality(cp) == Character.DIRECTIONALITY_EUROPEAN_NUMBER) {
                // digits belong to the Latin run they follow: "France 24" stays "France 24" in an Arabic line
                runEnd = j + Character.charCount(cp);
            } else if (breaker && runStart >= 0) {
                out.append(escape(s.substring(copied, runStart))).append(FSI).append(escape(s.substring(runStart, runEnd))).append(PDI);
                copied = runEnd;
                runStart = -1;
            }
            j += cp < 0 ? 1 : Character.charCount(cp);
        }
        out.append(escape(s.substring(copied)));
        return out.toString();
    }

    private static Boolean strong(int cp) {
        byte d = Character.getDirectionality(cp);
        if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
            return Boolean.TRUE;
        }
        return d == Character.DIRECTIONALITY_LEFT_TO_RIGHT ? Boolean.FALSE : null;
    }

    /** TRUE/FALSE by the first strong directional character; null when there is none (digits, punctuation). */
    public static Boolean strongRtl(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return Boolean.TRUE;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return Boolean.FALSE;
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** True when the first strong directional character of {@code s} is right-to-left. */
    public static boolean isRtl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    public static boolean isRtl(Language language) {
        return language == Language.AR;
    }

    /** The text Telegram sees after parsing the entities: tags removed, the five entities decoded. */
    public static String parsedText(String html) {
        String noTags = html.replaceAll("<[^>]*>", "");
        return noTags.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** Telegram's message length: UTF-16 code units of the parsed text. */
    public static int parsedLength(String html) {
        return parsedText(html).length();
    }
}
