package org.isnad.text;

/**
 * Tidies white space only, so that the stored text stays verbatim otherwise: line endings become
 * {@code \n}; runs of spaces, tabs and no-break spaces inside a line become one space; lines are
 * trimmed; empty lines are dropped.
 */
public final class TextTidy {

    private TextTidy() {}

    public static String tidy(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String collapsed = line.replaceAll("[ \\t\\u00A0\\u2007\\u202F\\u3000\\f\\x0B]+", " ").strip();
            if (collapsed.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(collapsed);
        }
        return out.toString();
    }
}
