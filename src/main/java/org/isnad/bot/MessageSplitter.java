package org.isnad.bot;

import java.util.ArrayList;
import java.util.List;
import org.isnad.text.Language;

/**
 * Packs rendered blocks into Telegram messages of at most {@link #LIMIT} characters. A block is whole
 * markup (balanced tags) and is never cut while it fits in a message; only a block longer than a message
 * is split, at a paragraph, line, sentence or word boundary of its raw text, each piece wrapped in the
 * block's own tags again, so no message ever holds a broken tag or a cut entity.
 */
public final class MessageSplitter {

    /** A quotation this long (characters) is sent expandable: about four lines of a phone's bubble. */
    static final int EXPANDABLE_QUOTE_CHARS = 280;

    /** Telegram's limit for a message text after entities are parsed. */
    public static final int LIMIT = 4096;

    private final int limit;

    public MessageSplitter() {
        this(LIMIT);
    }

    /** A smaller limit for tests. */
    public MessageSplitter(int limit) {
        if (limit < 64) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
    }

    /**
     * One unit of a reply. {@code raw} is plain text (escaped and isolated here against
     * {@code surrounding}); {@code open}/{@code close} are the block's tags; {@code markup} non-null
     * means a finished fragment (built from templates) used as it is.
     */
    public record Block(String open, String raw, String close, Language surrounding, String markup, boolean mixed) {

        /** Running text, such as the answer: each run of the other direction inside it is isolated. */
        public static Block text(String raw, Language surrounding) {
            return new Block("", raw, "", surrounding, null, true);
        }

        /** The direct answer line: running text in bold. */
        public static Block bold(String raw, Language surrounding) {
            return new Block("<b>", raw, "</b>", surrounding, null, true);
        }

        /** A quotation: isolated as a whole when its direction differs from the reply's. */
        /**
         * A quotation in a block quote; a long one ({@value #EXPANDABLE_QUOTE_CHARS} characters or
         * more) expandable, so Telegram shows its first lines and the reader taps for the rest, and
         * the reply stays one screen.
         */
        public static Block quote(String raw, Language surrounding) {
            boolean longQuote = raw != null && raw.codePointCount(0, raw.length()) >= EXPANDABLE_QUOTE_CHARS;
            return new Block(longQuote ? "<blockquote expandable>" : "<blockquote>", raw, "</blockquote>", surrounding, null, false);
        }

        public static Block markup(String html) {
            return new Block("", null, "", null, html, false);
        }

        String render() {
            if (markup != null) {
                return markup;
            }
            return open + (mixed ? Html.mixed(raw, surrounding) : Html.text(raw, surrounding)) + close;
        }

        Block withRaw(String piece) {
            return new Block(open, piece, close, surrounding, null, mixed);
        }
    }

    /** The messages, in order; blocks are separated by a blank line ({@code separator}). */
    public List<String> split(List<Block> blocks, String separator) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Block block : blocks) {
            for (String piece : pieces(block)) {
                String candidate = current.isEmpty() ? piece : current + separator + piece;
                if (Html.parsedLength(candidate) <= limit) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    if (!current.isEmpty()) {
                        messages.add(current.toString());
                    }
                    current.setLength(0);
                    current.append(piece);
                }
            }
        }
        if (!current.isEmpty()) {
            messages.add(current.toString());
        }
        return messages;
    }

    /** The block as one fragment when it fits, else cut into fragments that each fit. */
    private List<String> pieces(Block block) {
        String whole = block.render();
        if (Html.parsedLength(whole) <= limit) {
            return List.of(whole);
        }
        Block source = block.markup() != null ? Block.text(Html.parsedText(block.markup()), Language.OTHER) : block;
        // Room for the tags and the isolates; escaping does not change the parsed length.
        int isolates = source.mixed() ? Math.min(limit / 2, Math.max(2, Html.mixed(source.raw(), source.surrounding()).length() - Html.escape(source.raw()).length())) : 2;
        int room = limit - Html.parsedLength(source.open() + source.close()) - isolates;
        List<String> out = new ArrayList<>();
        String rest = source.raw();
        while (!rest.isEmpty()) {
            int cut = rest.length() <= room ? rest.length() : cutPoint(rest, room);
            out.add(source.withRaw(rest.substring(0, cut).strip()).render());
            rest = rest.substring(cut).strip();
        }
        return out;
    }

    /** The best place to cut {@code s} at or before {@code max}: paragraph, line, sentence, word, anything. */
    static int cutPoint(String s, int max) {
        int floor = max / 2; // a cut much earlier than the limit would make many small messages
        int at = s.lastIndexOf("\n\n", max);
        if (at >= floor) {
            return at + 1;
        }
        at = s.lastIndexOf('\n', max - 1);
        if (at >= floor) {
            return at + 1;
        }
        for (int i = max - 1; i >= floor; i--) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '؟' || c == '۔') && i + 1 < s.length()
                    && Character.isWhitespace(s.charAt(i + 1))) {
                return i + 1;
            }
        }
        at = s.lastIndexOf(' ', max - 1);
        if (at >= floor) {
            return at + 1;
        }
        // Never between the two halves of a surrogate pair.
        return Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
    }
}
