package org.isnad.review;

import java.util.Optional;

/**
 * A quotation shown inside its source paragraph: the text before it, the quote, the text after it.
 * Built from the stored document text, so a moderator sees what the source really says around the
 * quote. {@code matches} is false when the document no longer holds the quote at the cited offsets
 * (the document changed, or the citation was wrong); then only the logged quote is shown.
 */
public record QuoteInContext(boolean sourceFound, boolean matches, String before, String quote, String after) {

    /** Context longer than this on either side is cut at a space and marked with an ellipsis. */
    static final int MAX_CONTEXT = 600;

    /**
     * @param documentText the source document's text, if the archive still has it
     * @param quote        the logged quote
     * @param start        the citation's start offset into the document text
     * @param end          the citation's end offset
     */
    public static QuoteInContext of(Optional<String> documentText, String quote, int start, int end) {
        if (documentText.isEmpty()) {
            return new QuoteInContext(false, false, "", quote, "");
        }
        String text = documentText.get();
        if (start < 0 || end > text.length() || start > end || !text.substring(start, end).equals(quote)) {
            return new QuoteInContext(true, false, "", quote, "");
        }
        int from = text.lastIndexOf('\n', start - 1) + 1;
        int to = text.indexOf('\n', end);
        if (to < 0) {
            to = text.length();
        }
        String before = text.substring(from, start);
        String after = text.substring(end, to);
        if (before.length() > MAX_CONTEXT) {
            String tail = before.substring(before.length() - MAX_CONTEXT);
            int space = tail.indexOf(' ');
            before = "… " + (space >= 0 ? tail.substring(space + 1) : tail);
        }
        if (after.length() > MAX_CONTEXT) {
            String head = after.substring(0, MAX_CONTEXT);
            int space = head.lastIndexOf(' ');
            after = (space > 0 ? head.substring(0, space) : head) + " …";
        }
        return new QuoteInContext(true, true, before, quote, after);
    }
}
