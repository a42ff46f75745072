package org.isnad.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.isnad.answer.Citation;
import org.isnad.text.Language;

/**
 * Plain-text rendering of a {@link Briefing}, in its framing language, and its division into messages
 * that each fit a limit (Telegram's 4096 characters). Messages break only between blocks — the
 * headline, a point with its sources, the key facts — never inside a quote.
 */
public final class BriefRenderer {

    /** Telegram's limit on one message's text. */
    public static final int TELEGRAM_LIMIT = 4096;

    private final Function<Language, BriefTemplates> templates;

    public BriefRenderer(Briefer briefer) {
        this.templates = briefer::templates;
    }

    /** A renderer with the bundled templates (for doors that hold no {@link Briefer}). */
    public BriefRenderer() {
        BriefTemplates ar = BriefTemplates.load(Language.AR);
        BriefTemplates en = BriefTemplates.load(Language.EN);
        this.templates = l -> l == Language.AR ? ar : en;
    }

    /** The whole briefing as one text. */
    public String plainText(Briefing b) {
        return String.join("\n\n", blocks(b));
    }

    /**
     * The briefing as one or more messages of at most {@code limit} characters each; several are
     * numbered "(1/2)". A block longer than a message (not possible with quotable sentences) is cut at
     * white space.
     */
    public List<String> messages(Briefing b, int limit) {
        BriefTemplates t = templates.apply(language(b));
        List<String> blocks = new ArrayList<>();
        int room = limit - 16; // space for the "(i/n)" marker
        for (String block : blocks(b)) {
            blocks.addAll(cut(block, room));
        }
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String block : blocks) {
            if (cur.length() > 0 && cur.length() + 2 + block.length() > room) {
                parts.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append("\n\n");
            }
            cur.append(block);
        }
        if (cur.length() > 0) {
            parts.add(cur.toString());
        }
        if (parts.size() == 1) {
            return parts;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(parts.get(i) + "\n" + t.format("part", Map.of("part", i + 1, "parts", parts.size())));
        }
        return out;
    }

    /** The headline, each point with its sources, the key facts and notes — or the message. */
    public List<String> blocks(Briefing b) {
        BriefTemplates t = templates.apply(language(b));
        Language lang = language(b);
        if (!b.found()) {
            return List.of(b.message());
        }
        List<String> blocks = new ArrayList<>();
        blocks.add(b.headline());
        for (BriefPoint p : b.points()) {
            Citation lead = p.lead();
            StringBuilder s = new StringBuilder();
            s.append(t.format("point.line", Map.of("n", p.n(), "quote", lead.quote(), "c", lead.n())));
            s.append("\n   ").append(t.format("point.source", Map.of(
                    "outlet", orEmpty(lead.outlet() == null ? lead.docId() : lead.outlet()),
                    "date", lead.date() == null ? t.text("period.unknown") : Briefer.formatDate(java.time.LocalDate.parse(lead.date()), lang),
                    "title", orEmpty(lead.title()))));
            if (lead.speaker() != null) {
                s.append(" · ").append(t.format("point.speaker", Map.of("speaker", lead.speaker())));
            }
            if (p.citations().size() > 1) {
                List<String> echoes = new ArrayList<>();
                for (Citation c : p.citations().subList(1, p.citations().size())) {
                    echoes.add(t.format("point.echo", Map.of("outlet", orEmpty(c.outlet() == null ? c.docId() : c.outlet()), "c", c.n())));
                }
                s.append("\n   ").append(t.format("point.outlets", Map.of("outlets", t.list(echoes))));
            }
            blocks.add(s.toString());
        }
        StringBuilder f = new StringBuilder(t.text("facts.title"));
        if (!b.facts().who().isEmpty()) {
            f.append("\n").append(t.format("facts.who", Map.of("names", t.list(b.facts().who()))));
        }
        if (!b.facts().where().isEmpty()) {
            f.append("\n").append(t.format("facts.where", Map.of("names", t.list(b.facts().where()))));
        }
        f.append("\n").append(t.format("facts.period", Map.of("period", Briefer.periodText(b.period(), t, lang))));
        for (String note : b.notes()) {
            f.append("\n").append(note);
        }
        blocks.add(f.toString());
        return blocks;
    }

    private static Language language(Briefing b) {
        return Language.fromCode(b.language());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> cut(String block, int room) {
        List<String> out = new ArrayList<>();
        String rest = block;
        while (rest.length() > room) {
            int at = rest.lastIndexOf(' ', room);
            if (at <= room / 2) {
                at = room;
            }
            out.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        out.add(rest);
        return out;
    }
}
