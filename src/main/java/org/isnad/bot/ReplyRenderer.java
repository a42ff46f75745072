package org.isnad.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.answer.Conflict;
import org.isnad.archive.Document;
import org.isnad.index.DocInfo;
import org.isnad.index.IndexStats;
import org.isnad.text.FieldLimits;
import org.isnad.text.Language;

/**
 * Turns what the core returns into Telegram HTML messages: the answer, each quote in a
 * {@code <blockquote>} followed by its citation line, conflicts, and the views behind the buttons and
 * commands. The only place the bot writes markup; every string from a user or a document is escaped.
 */
public final class ReplyRenderer {

    private static final String BLOCK_SEPARATOR = "\n\n";
    private static final int LATEST_TITLES = 5;

    private final BotTexts texts;
    private final MessageSplitter splitter;

    public ReplyRenderer(BotTexts texts, MessageSplitter splitter) {
        this.texts = texts;
        this.splitter = splitter;
    }

    /** The language a reply to this answer is written in: the answer's own, else the given one. */
    public static Language replyLanguage(Answer answer, Language fallback) {
        Language l = Language.fromCode(answer.language());
        return BotTexts.supported(l == Language.OTHER ? fallback : l);
    }

    /** The answer as one or more messages, each within Telegram's limit. */
    public List<String> answer(Answer answer, Language language) {
        return answer(answer, language, null);
    }

    /** As {@link #answer(Answer, Language)}; {@code readAs} (nullable) says how a follow-up was read. */
    public List<String> answer(Answer answer, Language language, String readAs) {
        return answer(answer, language, readAs, Map.of());
    }

    /**
     * As {@link #answer(Answer, Language, String)}; {@code urls} gives the article's address by
     * document id, and a cited title with one is a link to it.
     */
    public List<String> answer(Answer answer, Language language, String readAs, Map<String, String> urls) {
        List<MessageSplitter.Block> blocks = new ArrayList<>();
        if (readAs != null) {
            blocks.add(MessageSplitter.Block.markup(texts.html(language, "followup.readAs", Map.of("question", readAs))));
        }
        boolean ownRefusal = answer.answer() != null && !answer.answer().isBlank();
        if (!answer.answered() && answer.citations().isEmpty() && !ownRefusal) {
            blocks.add(MessageSplitter.Block.markup(texts.html(language, "answer.none"))); // the refusal, said once
        }
        if (answer.answered() && answer.direct() != null && !answer.direct().text().isBlank()) {
            blocks.add(MessageSplitter.Block.bold(answer.direct().text().strip(), language)); // the answer itself, first
        }
        if (answer.answer() != null && !answer.answer().isBlank()) {
            blocks.add(MessageSplitter.Block.text(answer.answer().strip(), language));
        }
        if (!answer.answered() && !answer.citations().isEmpty()) {
            blocks.add(MessageSplitter.Block.markup(texts.html(language, "answer.closest")));
        }
        String previousDoc = null;
        for (Citation c : answer.citations()) {
            blocks.add(MessageSplitter.Block.quote(c.quote(), language));
            // the title once per document: a further quote of the same one gets its number, outlet and date
            blocks.add(MessageSplitter.Block.markup(c.docId().equals(previousDoc) ? shortCitationLine(c, language)
                    : citationLine(c, language, urls.get(c.docId()))));
            previousDoc = c.docId();
        }
        for (Conflict conflict : answer.conflicts()) {
            if (conflict.note() != null && answer.answer() != null && answer.answer().contains(conflict.note())) {
                continue; // the answer states it already: a conflict is said once
            }
            blocks.add(MessageSplitter.Block.markup(texts.html(language, "answer.conflict",
                    Map.of("note", conflict.note() == null ? "" : conflict.note(), "about", conflict.about(),
                            "citations", markers(conflict.citations())))));
        }
        return splitter.split(blocks, BLOCK_SEPARATOR);
    }

    /** "[1] title — outlet, date; speaker", from the {@code citation*} templates. */
    public String citationLine(Citation c, Language language) {
        return citationLine(c, language, null);
    }

    /** As {@link #citationLine(Citation, Language)}, the title a link to {@code url} when it is a web address. */
    String citationLine(Citation c, Language language, String url) {
        // bounded again here: documents indexed before the ingest bound may carry a page-long title
        String title = FieldLimits.bound(nonBlank(c.title(), c.docId()), FieldLimits.TITLE);
        return citationLine("citation", c.n(), linked(title, url, language), FieldLimits.bound(c.outlet(), FieldLimits.OUTLET), c.date(),
                FieldLimits.bound(c.speaker(), FieldLimits.SPEAKER), language);
    }

    /**
     * An ISO date ("2024-02-20") isolated left to right in a right-to-left line: it holds no letter,
     * so the bidi algorithm would otherwise lay its numbers out right to left ("20-02-2024").
     */
    static String isoDate(String date, Language language) {
        String escaped = Html.escape(date);
        return Html.isRtl(language) ? Html.LRI + escaped + Html.PDI : escaped;
    }

    /** The title as a link to {@code url} when that is a web address, else the title as text. */
    private static Object linked(String title, String url, Language language) {
        return isWebAddress(url) ? new SafeHtml("<a href=\"" + Html.escape(url.strip()) + "\">" + Html.text(title, language) + "</a>") : title;
    }

    /** Only http(s) addresses become links: a file path or a "javascript:" value stays text. */
    static boolean isWebAddress(String url) {
        if (url == null || url.isBlank() || url.length() > FieldLimits.URL) {
            return false;
        }
        try {
            java.net.URI u = new java.net.URI(url.strip());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** "[2] — outlet, date; speaker": a further quote of the document just cited. */
    String shortCitationLine(Citation c, Language language) {
        return citationLine("citation.again", c.n(), null, FieldLimits.bound(c.outlet(), FieldLimits.OUTLET), c.date(),
                FieldLimits.bound(c.speaker(), FieldLimits.SPEAKER), language);
    }

    private String citationLine(String template, int n, Object title, String outlet, String date, String speaker, Language language) {
        List<String> parts = new ArrayList<>();
        if (outlet != null && !outlet.isBlank()) {
            parts.add(Html.text(outlet, language));
        }
        if (date != null && !date.isBlank()) {
            parts.add(isoDate(date, language));
        }
        String meta = "";
        if (!parts.isEmpty()) {
            String separator = texts.html(language, "list.separator").replace("_", " ");
            meta = " " + texts.html(language, "citation.meta", Map.of("parts", new SafeHtml(String.join(separator, parts))));
        }
        if (speaker != null && !speaker.isBlank()) {
            meta += texts.html(language, "citation.speaker", Map.of("speaker", speaker));
        }
        return texts.html(language, template, Map.of("n", n, "title", title == null ? "" : title, "meta", new SafeHtml(meta)));
    }

    /** The quote shown within its paragraph, the quote in bold, with title, outlet and date. */
    public List<String> source(Citation c, Document doc, Language language) {
        return List.of(sourceView(c, doc, language, 0).orElseThrow().text());
    }

    /**
     * Source [n]'s view, one message: the paragraph {@code shift} paragraphs from the quote's (0: the
     * quote's own, the quote in bold), under the title (a link when the article has a web address),
     * outlet and date; and whether there is a paragraph before and after it. Empty past either end.
     */
    public Optional<SourceView> sourceView(Citation c, Document doc, Language language, int shift) {
        String text = doc.text();
        int start = Math.max(0, Math.min(c.start(), text.length()));
        int end = Math.max(start, Math.min(c.end(), text.length()));
        List<int[]> paragraphs = paragraphs(text);
        int own = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i)[0] <= start) {
                own = i;
            }
        }
        int at = own + shift;
        if (paragraphs.isEmpty() || at < 0 || at >= paragraphs.size()) {
            return Optional.empty();
        }
        int from = paragraphs.get(at)[0];
        int to = paragraphs.get(at)[1];
        boolean quoted = shift == 0;
        if (quoted) {
            from = Math.min(from, start);
            to = Math.max(to, end);
        }
        Language paragraphLanguage = Html.isRtl(text.substring(from, to)) ? Language.AR : Language.EN;
        String paragraph = quoted
                ? Html.escape(text.substring(from, start)) + "<b>" + Html.escape(text.substring(start, end)) + "</b>" + Html.escape(text.substring(end, to))
                : Html.escape(text.substring(from, to));
        if (Html.isRtl(paragraphLanguage) != Html.isRtl(language)) {
            paragraph = Html.FSI + paragraph + Html.PDI;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("n", c.n());
        String title = FieldLimits.bound(nonBlank(doc.title(), doc.id()), FieldLimits.TITLE);
        v.put("title", linked(title, doc.url(), language));
        v.put("outlet", nonBlank(doc.outlet(), ""));
        v.put("date", doc.date() == null ? "" : new SafeHtml(isoDate(doc.date().toString(), language)));
        String header = texts.html(language, "source.header", v);
        String body = "<blockquote>" + paragraph + "</blockquote>";
        int room = MessageSplitter.LIMIT - Html.parsedLength(header) - 2;
        if (Html.parsedLength(body) > room) {
            // A very long paragraph: the quote alone, in bold, rather than cut markup; another
            // paragraph cut at a word, marked as cut (it is context, not a quotation)
            body = quoted ? "<blockquote><b>" + Html.text(c.quote(), language) + "</b></blockquote>"
                    : "<blockquote>" + Html.text(cut(text.substring(from, to), room - 10), language) + "</blockquote>";
        }
        return Optional.of(new SourceView(header + BLOCK_SEPARATOR + body, at > 0, at + 1 < paragraphs.size()));
    }

    /** One Source view: the message text, and whether Back and Next have somewhere to go. */
    public record SourceView(String text, boolean hasBefore, boolean hasAfter) {}

    /** The non-blank lines of a document's text, as [start, end) offsets. */
    private static List<int[]> paragraphs(String text) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int to = text.indexOf('\n', from);
            if (to < 0) {
                to = text.length();
            }
            if (!text.substring(from, to).isBlank()) {
                out.add(new int[] {from, to});
            }
            from = to + 1;
        }
        return out;
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int at = s.lastIndexOf(' ', Math.max(0, max - 1));
        return s.substring(0, at > max / 2 ? at : max - 1) + "…";
    }

    /** /sources: document count, outlets, date range, latest titles. */
    public List<String> sources(IndexStats stats, Language language) {
        List<MessageSplitter.Block> blocks = new ArrayList<>();
        if (stats.documents() == 0) {
            blocks.add(MessageSplitter.Block.markup(texts.html(language, "sources.empty")));
            return splitter.split(blocks, BLOCK_SEPARATOR);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("documents", stats.documents());
        v.put("outlets", String.join(", ", stats.outlets().keySet()));
        v.put("outletCount", stats.outlets().size());
        v.put("from", stats.firstDate() == null ? "—" : stats.firstDate().toString());
        v.put("to", stats.lastDate() == null ? "—" : stats.lastDate().toString());
        blocks.add(MessageSplitter.Block.markup(texts.html(language, "sources.summary", v)));
        StringBuilder latest = new StringBuilder(texts.html(language, "sources.latest"));
        int shown = 0;
        for (DocInfo d : stats.latest()) {
            if (shown++ == LATEST_TITLES) {
                break;
            }
            latest.append('\n').append(texts.html(language, "sources.item", Map.of(
                    "title", nonBlank(d.title(), d.id()),
                    "outlet", nonBlank(d.outlet(), ""),
                    "date", d.date() == null ? "" : d.date().toString())));
        }
        blocks.add(MessageSplitter.Block.markup(latest.toString()));
        return splitter.split(blocks, BLOCK_SEPARATOR);
    }

    /** /start: the welcome with the example questions ({@link StartExamples}: each one answers), or none. */
    public List<String> welcome(List<String> examples, Language language) {
        StringBuilder list = new StringBuilder();
        for (String e : examples) {
            list.append(list.isEmpty() ? "" : "\n").append(texts.html(language, "start.exampleLine", Map.of("example", e)));
        }
        String key = examples.isEmpty() ? "start.noExamples" : "start";
        return splitter.split(List.of(MessageSplitter.Block.markup(
                texts.html(language, key, Map.of("examples", new SafeHtml(list.toString()))))), BLOCK_SEPARATOR);
    }

    private static String markers(List<Integer> ns) {
        StringBuilder out = new StringBuilder();
        for (Integer n : ns) {
            out.append('[').append(n).append(']');
        }
        return out.toString();
    }

    private static String nonBlank(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
