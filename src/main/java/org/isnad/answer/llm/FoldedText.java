package org.isnad.answer.llm;

import java.util.Arrays;
import java.util.Optional;
import org.isnad.text.ArabicNormalizer;
import org.isnad.text.NormalizedText;

/**
 * A text folded for matching a model's quotation against a stored passage, with a map from every
 * folded character back to the original one. Folding forgives what models change when they copy
 * text (white space runs, diacritics and tatweel, alef and hamza seats, alef maqsura, taa marbuta,
 * quotation marks, Arabic-Indic digits, Arabic punctuation, letter case); the map turns a match in
 * folded text back into exact offsets in the original, so what is shown is always cut from the
 * stored text and never the model's copy.
 */
public final class FoldedText {

    private final NormalizedText normalized;
    private final String folded;
    /** {@code at[i]}: the index in {@code normalized.text()} of folded character {@code i}. */
    private final int[] at;

    private FoldedText(NormalizedText normalized, String folded, int[] at) {
        this.normalized = normalized;
        this.folded = folded;
        this.at = at;
    }

    /**
     * Folds {@code s}: first as the project's {@link ArabicNormalizer#normalizeWithMap} does, then
     * what only a model's copying needs: quotation marks dropped (models add and drop them), hamza
     * seats, Arabic punctuation and dashes folded. Leading and trailing white space is dropped.
     */
    public static FoldedText of(String s) {
        NormalizedText nt = ArabicNormalizer.normalizeWithMap(s);
        String t = nt.text();
        StringBuilder out = new StringBuilder(t.length());
        int[] at = new int[t.length()];
        for (int j = 0; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '"') {
                continue;
            }
            if (c == ' ') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    at[out.length()] = j;
                    out.append(' ');
                }
                continue;
            }
            at[out.length()] = j;
            out.append(fold(c));
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            len--;
        }
        return new FoldedText(nt, out.substring(0, len), Arrays.copyOf(at, len));
    }

    public String folded() {
        return folded;
    }

    public String original() {
        return normalized.original();
    }

    /**
     * Where {@code quote} occurs in this text, as offsets into the original: the first occurrence
     * that starts and ends on word boundaries, else the first occurrence; empty when absent.
     * The end is extended over marks that belong to the last matched letter.
     */
    public Optional<int[]> locate(FoldedText quote) {
        return locate(quote, 0);
    }

    /** As {@link #locate(FoldedText)}, for occurrences starting at or after {@code fromOriginal}. */
    public Optional<int[]> locate(FoldedText quote, int fromOriginal) {
        String q = quote.folded;
        if (q.isEmpty()) {
            return Optional.empty();
        }
        int from = 0;
        while (from < at.length && normalized.originalStart(at[from]) < fromOriginal) {
            from++;
        }
        int first = -1;
        for (int i = folded.indexOf(q, from); i >= 0; i = folded.indexOf(q, i + 1)) {
            if (first < 0) {
                first = i;
            }
            if (onBoundaries(i, i + q.length())) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        int start = normalized.originalStart(at[first]);
        int end = normalized.originalEnd(at[first + q.length() - 1] + 1);
        return Optional.of(new int[] {start, end});
    }

    private boolean onBoundaries(int from, int to) {
        boolean startOk = from == 0 || !Character.isLetterOrDigit(folded.charAt(from - 1));
        boolean endOk = to >= folded.length() || !Character.isLetterOrDigit(folded.charAt(to));
        return startOk && endOk;
    }

    private static char fold(char c) {
        return switch (c) {
            case 'ئ' -> 'ي';
            case 'ؤ' -> 'و';
            case '،' -> ',';
            case '؛' -> ';';
            case '؟' -> '?';
            case '٫' -> '.';
            case '\u2013', '\u2014', '\u2212' -> '-';
            case '\uFF1C' -> '<';
            case '\uFF1E' -> '>';
            default -> c;
        };
    }
}
