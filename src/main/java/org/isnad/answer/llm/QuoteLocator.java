package org.isnad.answer.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verifier step for a model's answer. Every quoted span in it («…», “…” or "…", with or without
 * [n] after it) must be found, after {@link FoldedText folding}, in the passage it cites; it is then
 * replaced by the exact stored text and mapped to offsets in the document. A quote found only in
 * another passage is re-cited to that passage. A quote found nowhere is withheld (an inline
 * marker in its place and a notice at the end). A [n] that points to no passage is removed (the
 * "cites [5] with 4 sources" failure). A bare [n] after a paraphrase cites its passage: the quote
 * taken from that passage if there is one, else the whole passage. Surviving citations are
 * renumbered 1, 2, ... in order of first appearance, and every marker with them.
 *
 * <p>Nothing the model wrote can become a citation unless it is a substring of a passage, so a
 * passage that tells the model to quote something else changes nothing that is shown as a quote.
 */
public final class QuoteLocator {

    /** A citation found in the model's text: {@code quote} equals the document text's substring(start, end). */
    public record LocatedQuote(int n, LlmPassage passage, int start, int end, String quote, boolean wholePassage) {}

    /**
     * The verified answer: {@code text} carries only markers of {@code quotes}; {@code removed} lists
     * what the verifier took out, as {@code kind[numbers]:reason} entries for the answer log.
     */
    public record LocatedAnswer(String text, List<LocatedQuote> quotes, List<String> removed, int withheld) {
        public LocatedAnswer {
            quotes = List.copyOf(quotes);
            removed = List.copyOf(removed);
        }
    }

    private static final Pattern MARKERS = Pattern.compile(
            "[ \\t\\u00A0]*\\[\\s*([0-9\\u0660-\\u0669\\u06F0-\\u06F9]{1,3}(?:\\s*[,،]\\s*[0-9\\u0660-\\u0669\\u06F0-\\u06F9]{1,3})*)\\s*]");
    private static final int MAX_QUOTE_CHARS = 2000;

    private final PromptTemplate notices;
    /** Folded passage texts for the answer being located (not thread-safe: one locator per answer). */
    private final Map<String, FoldedText> folded = new java.util.HashMap<>();

    /** {@code notices}: the llm-notices prompt file of the answer's language. */
    public QuoteLocator(PromptTemplate notices) {
        this.notices = Objects.requireNonNull(notices);
    }

    public LocatedAnswer locate(String modelText, List<LlmPassage> passages) {
        folded.clear();
        List<String> removed = new ArrayList<>();
        List<Segment> segments = parse(modelText == null ? "" : modelText, passages, removed);
        return assemble(segments, passages, removed);
    }

    // ---- pass 1: split the text into literal text, quotes (verified or not) and bare markers ----

    private sealed interface Segment permits Literal, Quote, Bare {}

    private record Literal(String text) implements Segment {}

    /** {@code passageIndex < 0}: not verified. start/end are relative to the passage text. */
    private record Quote(char open, char close, int passageIndex, int start, int end) implements Segment {}

    private record Bare(List<Integer> passageIndexes) implements Segment {}

    private List<Segment> parse(String text, List<LlmPassage> passages, List<String> removed) {
        List<Segment> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            String closers = closersFor(c);
            if (closers != null) {
                int close = indexOfAny(text, closers, i + 1);
                if (close > i + 1 && close - i <= MAX_QUOTE_CHARS && !text.substring(i, close).contains("\n\n")) {
                    String inner = text.substring(i + 1, close);
                    Markers markers = markersAt(text, close + 1);
                    if (FoldedText.of(inner).folded().length() >= 2) {
                        flush(literal, out);
                        out.addAll(verify(c, text.charAt(close), inner, markers.numbers, passages, removed));
                        i = markers.end;
                        continue;
                    }
                }
            } else if (c == '[') {
                Markers markers = markersAt(text, i);
                if (!markers.numbers.isEmpty()) {
                    flush(literal, out);
                    List<Integer> valid = new ArrayList<>();
                    for (int n : markers.numbers) {
                        if (n >= 1 && n <= passages.size()) {
                            valid.add(n - 1);
                        } else {
                            removed.add("marker[" + n + "]:no-such-passage");
                        }
                    }
                    out.add(new Bare(valid));
                    i = markers.end;
                    continue;
                }
            }
            literal.append(c);
            i++;
        }
        flush(literal, out);
        return out;
    }

    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:\u2026|\\.{3,}|\\[\u2026]|\\[\\.{3}])\\s*");

    /**
     * The quote as one or more segments: the whole quote when it is found; else, when the model
     * elided words ("A … B"), each part found in order in one passage, joined by " … "; else withheld.
     */
    private List<Segment> verify(char open, char close, String inner, List<Integer> cited, List<LlmPassage> passages,
            List<String> removed) {
        String numbers = cited.toString().replace(" ", "");
        List<Integer> valid = new ArrayList<>();
        for (int n : cited) {
            if (n < 1 || n > passages.size()) {
                removed.add("marker[" + n + "]:no-such-passage");
            } else {
                valid.add(n - 1);
            }
        }
        Found whole = find(FoldedText.of(inner), valid, passages, 0);
        if (whole != null) {
            noteRecited(whole, cited, numbers, removed);
            return List.of(new Quote(open, close, whole.passage, whole.start, whole.end));
        }
        List<String> parts = ELLIPSIS.splitAsStream(inner).filter(p -> FoldedText.of(p).folded().length() >= 2).toList();
        if (parts.size() >= 2) {
            List<Segment> out = new ArrayList<>();
            Found first = null;
            Found previous = null;
            for (String part : parts) {
                List<Integer> where = previous == null ? valid : List.of(previous.passage);
                Found f = find(FoldedText.of(part), where, passages, previous == null ? 0 : previous.end);
                if (f == null || (previous != null && f.passage != previous.passage)) {
                    out = null;
                    break;
                }
                if (previous != null) {
                    out.add(new Literal(" \u2026 "));
                }
                out.add(new Quote(open, close, f.passage, f.start, f.end));
                first = first == null ? f : first;
                previous = f;
            }
            if (out != null) {
                noteRecited(first, cited, numbers, removed);
                removed.add("quote" + numbers + ":split-at-ellipsis[" + parts.size() + "]");
                return out;
            }
        }
        removed.add("quote" + numbers + ":not-in-sources:" + snippet(inner));
        return List.of(new Quote(open, close, -1, 0, 0));
    }

    /** Where a quote was found: passage index, offsets relative to the passage text, and whether it was cited there. */
    private record Found(int passage, int start, int end, boolean asCited) {}

    /**
     * The quote in the first of the cited passages that has it (at or after {@code from} in that
     * passage), else in any passage; null when nowhere.
     */
    private Found find(FoldedText quote, List<Integer> cited, List<LlmPassage> passages, int from) {
        for (int p : cited) {
            int[] at = locate(passages.get(p), quote, from);
            if (at != null) {
                return new Found(p, at[0], at[1], true);
            }
        }
        if (from > 0) {
            return null;
        }
        for (int p = 0; p < passages.size(); p++) {
            int[] at = locate(passages.get(p), quote, 0);
            if (at != null) {
                return new Found(p, at[0], at[1], false);
            }
        }
        return null;
    }

    private int[] locate(LlmPassage passage, FoldedText quote, int from) {
        FoldedText text = folded.computeIfAbsent(passage.key(), k -> FoldedText.of(passage.text()));
        return text.locate(quote, from).orElse(null);
    }

    private static void noteRecited(Found f, List<Integer> cited, String numbers, List<String> removed) {
        if (f != null && !f.asCited && !cited.isEmpty()) {
            removed.add("quote" + numbers + ":recited-to[" + (f.passage + 1) + "]");
        }
    }

    // ---- pass 2: number the citations in order of appearance and write the text ----

    private LocatedAnswer assemble(List<Segment> segments, List<LlmPassage> passages, List<String> removed) {
        Map<String, LocatedQuote> byKey = new LinkedHashMap<>();
        Map<Integer, String> firstQuoteOfPassage = new LinkedHashMap<>();
        for (Segment s : segments) {
            if (s instanceof Quote q && q.passageIndex >= 0) {
                firstQuoteOfPassage.putIfAbsent(q.passageIndex, key(q.passageIndex, q.start, q.end));
            }
        }
        StringBuilder text = new StringBuilder();
        int withheld = 0;
        for (Segment s : segments) {
            switch (s) {
                case Literal l -> text.append(l.text);
                case Quote q when q.passageIndex < 0 -> {
                    text.append(notices.render("withheld.inline"));
                    withheld++;
                }
                case Quote q -> {
                    LocatedQuote c = cite(byKey, passages.get(q.passageIndex), q.passageIndex, q.start, q.end, false);
                    text.append(q.open).append(c.quote()).append(q.close).append(" [").append(c.n()).append(']');
                }
                case Bare b -> {
                    StringBuilder markers = new StringBuilder();
                    for (int p : b.passageIndexes) {
                        LocatedQuote c = bareCitation(byKey, firstQuoteOfPassage, passages, p);
                        String marker = "[" + c.n() + "]";
                        if (markers.indexOf(marker) < 0) {
                            markers.append(marker);
                        }
                    }
                    text.append(markers);
                }
            }
        }
        String answer = tidy(text.toString());
        if (withheld > 0) {
            answer = answer + "\n\n" + notices.render("withheld.notice", Map.of("count", String.valueOf(withheld)));
        }
        return new LocatedAnswer(answer, new ArrayList<>(byKey.values()), removed, withheld);
    }

    private LocatedQuote bareCitation(Map<String, LocatedQuote> byKey, Map<Integer, String> firstQuoteOfPassage,
            List<LlmPassage> passages, int p) {
        LlmPassage passage = passages.get(p);
        String quoteKey = firstQuoteOfPassage.get(p);
        if (quoteKey != null) {
            String[] parts = quoteKey.split(":");
            return cite(byKey, passage, p, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), false);
        }
        int start = 0;
        int end = passage.text().length();
        while (start < end && Character.isWhitespace(passage.text().charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(passage.text().charAt(end - 1))) {
            end--;
        }
        return cite(byKey, passage, p, start, end, true);
    }

    /** The citation for this span of passage {@code p}, numbered on first use. Offsets are relative to the passage. */
    private static LocatedQuote cite(Map<String, LocatedQuote> byKey, LlmPassage passage, int p, int start, int end,
            boolean whole) {
        return byKey.computeIfAbsent(key(p, start, end), k -> new LocatedQuote(
                byKey.size() + 1,
                passage,
                passage.start() + start,
                passage.start() + end,
                passage.text().substring(start, end),
                whole));
    }

    private static String key(int p, int start, int end) {
        return p + ":" + start + ":" + end;
    }

    // ---- small helpers ----

    private record Markers(List<Integer> numbers, int end) {}

    /** The [n] / [n, m] / [n][m] group starting at {@code from} (after optional spaces), or none. */
    private static Markers markersAt(String text, int from) {
        List<Integer> numbers = new ArrayList<>();
        int end = from;
        Matcher m = MARKERS.matcher(text);
        while (end < text.length()) {
            m.region(end, text.length());
            if (!m.lookingAt()) {
                break;
            }
            for (String n : m.group(1).split("\\s*[,،]\\s*")) {
                numbers.add(parseDigits(n));
            }
            end = m.end();
        }
        return new Markers(numbers, numbers.isEmpty() ? from : end);
    }

    private static int parseDigits(String s) {
        int v = 0;
        for (char c : s.strip().toCharArray()) {
            v = v * 10 + Character.digit(c, 10);
        }
        return v;
    }

    private static String closersFor(char open) {
        return switch (open) {
            case '\u00AB' -> "\u00BB";
            case '\u201C' -> "\u201D\"";
            case '"' -> "\"\u201D";
            default -> null;
        };
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static void flush(StringBuilder literal, List<Segment> out) {
        if (!literal.isEmpty()) {
            out.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Removes the gaps that dropped markers leave: "text ." → "text.", double spaces. */
    private static String tidy(String s) {
        return s.replaceAll("[ \\t\\u00A0]+([.,،؛;:!?؟)])", "$1")
                .replaceAll("[ \\t\\u00A0]{2,}", " ")
                .strip();
    }

    private static String snippet(String s) {
        String one = s.replaceAll("\\s+", " ").replace(';', ',').strip();
        return one.length() <= 40 ? one : one.substring(0, 40) + "…";
    }
}
