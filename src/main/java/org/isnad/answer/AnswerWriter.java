package org.isnad.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isnad.text.Language;

/**
 * Writes an answer's text in the question's language from the templates: a lead naming the source,
 * for WHEN questions the date(s) stated, a note when the sources differ, then the quotes with their
 * [n] markers. Quotes stay in their own language.
 */
public final class AnswerWriter {

    private final Templates templates;

    public AnswerWriter(Templates templates) {
        this.templates = templates;
    }

    public Templates templates() {
        return templates;
    }

    public String notAnswered(Question q) {
        return templates.get(q.language(), "not_answered");
    }

    /**
     * The text for cited quotes; {@code docLanguages.get(i)} is the language of citation i's source,
     * {@code dates} (nullable) the dates of a WHEN answer, {@code note} (nullable) a sentence placed after the lead.
     */
    public String answer(Question q, List<Citation> citations, List<Language> docLanguages, DateGroups dates, String note) {
        Language lang = q.language();
        List<String> parts = new ArrayList<>();
        parts.add(templates.get(lang, "lead." + q.type().name().toLowerCase(java.util.Locale.ROOT),
                Map.of("sources", sources(lang, citations, docLanguages))));
        if (dates != null && !dates.isEmpty()) {
            if (dates.differ()) {
                parts.add(templates.get(lang, "conflict.dates", Map.of("items", dateItems(lang, dates))));
            } else {
                parts.add(templates.get(lang, "when.date", Map.of("date", templates.date(lang, dates.groups().get(0).date()),
                        "refs", refs(dates.groups().get(0).citations()))));
            }
        }
        if (note != null && !note.isBlank()) {
            parts.add(note);
        }
        // Markers the date sentence already carries are not repeated after it.
        java.util.Set<Integer> referenced = new java.util.HashSet<>();
        if (dates != null && !dates.isEmpty()) {
            dates.groups().forEach(g -> referenced.addAll(g.citations()));
        }
        List<String> quotes = new ArrayList<>();
        for (Citation c : citations) {
            if (referenced.contains(c.n())) {
                continue;
            }
            quotes.add(templates.get(lang, "quote", Map.of("quote", c.quote(), "n", String.valueOf(c.n()))));
        }
        parts.add(String.join(templates.get(lang, "quote.separator").replace("\\s", " "), quotes));
        return String.join(" ", parts).strip();
    }

    /** The note of a date conflict (for the Conflict record). */
    public String conflictNote(Language lang, DateGroups dates) {
        return templates.get(lang, "conflict.dates.note", Map.of("items", dateItems(lang, dates)));
    }

    /** The sentence (and Conflict note) saying the sources give different numbers. */
    public String numbersConflict(Language lang, NumberGroups numbers) {
        String items = numbers.groups().stream()
                .map(g -> templates.get(lang, "conflict.item", Map.of("date", g.value(), "refs", refs(g.citations()))))
                .collect(Collectors.joining(templates.get(lang, "list.separator")));
        return templates.get(lang, "conflict.numbers", Map.of("items", items));
    }

    private String dateItems(Language lang, DateGroups dates) {
        return dates.groups().stream()
                .map(g -> templates.get(lang, "conflict.item", Map.of("date", templates.date(lang, g.date()), "refs", refs(g.citations()))))
                .collect(Collectors.joining(templates.get(lang, "list.separator")));
    }

    private static String refs(List<Integer> ns) {
        return ns.stream().map(n -> "[" + n + "]").collect(Collectors.joining(""));
    }

    private String sources(Language lang, List<Citation> citations, List<Language> docLanguages) {
        List<String> docs = citations.stream().map(Citation::docId).distinct().toList();
        boolean foreign = docLanguages.stream().anyMatch(l -> l != lang && l != Language.OTHER);
        if (docs.size() > 1) {
            return templates.get(lang, foreign ? "source.many.foreign" : "source.many");
        }
        Citation c = citations.get(0);
        List<String> details = new ArrayList<>();
        if (c.outlet() != null && !c.outlet().isBlank()) {
            details.add(org.isnad.text.FieldLimits.bound(c.outlet(), org.isnad.text.FieldLimits.OUTLET));
        }
        if (c.date() != null) {
            details.add(c.date());
        }
        String detail = details.isEmpty() ? "" : " (" + String.join(", ", details) + ")";
        String title = org.isnad.text.FieldLimits.bound(c.title() == null || c.title().isBlank() ? c.docId() : c.title(),
                org.isnad.text.FieldLimits.TITLE);
        Language docLang = docLanguages.get(0);
        return templates.get(lang, foreign ? "source.one.foreign" : "source.one",
                Map.of("title", title, "details", detail, "language", templates.get(lang, "language." + docLang.code())));
    }
}
