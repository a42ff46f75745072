package org.isnad.text;

/**
 * How long a document's short fields may be wherever they are shown: a title, an outlet, a speaker's
 * name. A page's {@code og:title} of 4 MB must not turn one answer into two thousand messages, so the
 * fields are bounded when a document is ingested and again when a reply is written (for what was
 * indexed before). Cut at a word boundary, with an ellipsis.
 */
public final class FieldLimits {

    public static final int TITLE = 300;
    public static final int OUTLET = 100;
    public static final int SPEAKER = 80;
    /** A URL this long is no link anyone follows: dropped rather than cut. */
    public static final int URL = 2048;
    /** A document id this long is refused at ingest: cutting it could merge two documents. */
    public static final int ID = 512;

    private FieldLimits() {}

    /** {@code s} on one line, at most {@code max} characters (an ellipsis included); null stays null. */
    public static String bound(String s, int max) {
        if (s == null) {
            return null;
        }
        String one = s.length() > 4 * max ? s.substring(0, 4 * max) : s;
        one = one.replaceAll("\\s+", " ").strip();
        if (one.length() <= max) {
            return one;
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(one.charAt(cut))) {
            cut--;
        }
        int space = one.lastIndexOf(' ', cut);
        if (space > max / 2) {
            cut = space;
        }
        return one.substring(0, cut).strip() + "…";
    }
}
