package org.isnad.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one gate every answer passes: a citation survives only if its document's stored text,
 * cut at its offsets, equals its quote exactly. Survivors are renumbered 1..n, and the answer's [n]
 * markers and the conflicts follow; a dropped citation's marker and quoted text leave the answer.
 */
public final class QuoteVerifier {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    /** {@code documentText} gives a document's stored text by id (cached per request by the caller). */
    public Draft verify(Draft draft, Function<String, Optional<String>> documentText) {
        Map<Integer, Integer> renumber = new HashMap<>();
        List<Citation> kept = new ArrayList<>();
        List<Citation> dropped = new ArrayList<>();
        for (Citation c : draft.citations()) {
            if (isExact(c, documentText)) {
                int n = kept.size() + 1;
                renumber.put(c.n(), n);
                kept.add(new Citation(n, c.docId(), c.title(), c.outlet(), c.date(), c.quote(), c.start(), c.end(), c.speaker()));
            } else {
                dropped.add(c);
            }
        }
        String text = draft.text() == null ? "" : draft.text();
        for (Citation c : dropped) {
            if (c.quote() != null && !c.quote().isBlank()) {
                text = text.replace("«" + c.quote() + "»", "").replace("“" + c.quote() + "”", "")
                        .replace("\"" + c.quote() + "\"", "").replace(c.quote(), "");
            }
        }
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Integer n = renumber.get(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, n == null ? "" : "[" + n + "]");
        }
        m.appendTail(out);
        List<Conflict> conflicts = new ArrayList<>();
        for (Conflict c : draft.conflicts()) {
            List<Integer> ns = c.citations().stream().map(renumber::get).filter(n -> n != null).toList();
            if (ns.size() >= 2) {
                conflicts.add(new Conflict(c.about(), ns, c.note() == null ? null : renumberNote(c.note(), renumber)));
            }
        }
        List<String> notes = new ArrayList<>(draft.notes());
        if (!dropped.isEmpty()) {
            notes.add("verifier dropped " + dropped.size() + " citation(s) that did not match the stored text");
        }
        return new Draft(draft.answered(), out.toString().replaceAll("[ \\t]{2,}", " ").strip(), kept, conflicts,
                draft.candidates(), notes);
    }

    private static String renumberNote(String note, Map<Integer, Integer> renumber) {
        Matcher m = MARKER.matcher(note);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Integer n = renumber.get(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, n == null ? "" : "[" + n + "]");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isExact(Citation c, Function<String, Optional<String>> documentText) {
        if (c.docId() == null || c.quote() == null || c.quote().isEmpty()) {
            return false;
        }
        Optional<String> text = documentText.apply(c.docId());
        return text.isPresent() && c.start() >= 0 && c.end() <= text.get().length() && c.start() < c.end()
                && text.get().substring(c.start(), c.end()).equals(c.quote());
    }
}
