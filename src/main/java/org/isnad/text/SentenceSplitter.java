package org.isnad.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a document's text into sentences with exact offsets, paragraph numbers and transcript speakers.
 *
 * <p>Paragraphs are lines ({@code \n}); blank lines are not counted. Sentences end at . ؟ ? ! ؛ … and at line
 * ends, taking along any run of end marks and closing quotation marks or brackets ({@code موسكو.” ثم}). A
 * period does not end a sentence inside a number (3.5, 20.02.2024), after an initial or abbreviation (J.,
 * U.S., Mr., e.g., د.), inside a URL, e-mail or domain, before a lower-case word, or after a list number at
 * the start of a line. The Arabic comma ، and ; do not end sentences. A sentence longer than
 * {@value #MAX_SENTENCE} characters is cut after a clause mark (، , ; :). A line that opens with a turn label
 * ("بوتين: …", see {@link SpeakerTurns}) gives its sentences that speaker; the label itself is left out of the
 * first sentence.
 *
 * <p>One pass over the characters, no regular expressions; instances hold no state and may be shared.
 */
public final class SentenceSplitter {

    /** Sentences longer than this are cut at a clause boundary when one exists. */
    public static final int MAX_SENTENCE = 600;
    private static final int MIN_PIECE = 150;

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr",
            "gen", "col", "lt", "maj", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "vs",
            "v", "no", "nos", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "mt", "ft", "approx", "fig", "vol", "pp", "al", "ave", "blvd", "dept", "univ",
            "est", "mln", "bn", "cf", "ca", "op", "ed", "eds", "messrs", "mme", "mlle", "sheikh", "ph", "gov't");

    /** Latin letters spelled in Arabic, as in "إتش.آر. مكماستر" (H.R. McMaster) or "بي. بي. سي" (BBC). */
    private static final Set<String> ARABIC_LETTER_NAMES = Set.of("إيه", "ايه", "بي", "سي", "دي", "إي", "اي", "إف", "اف",
            "جي", "إتش", "اتش", "آي", "جيه", "كيه", "كاي", "إل", "ال", "إم", "ام", "إن", "ان", "أو", "او", "كيو", "آر", "ار",
            "إس", "اس", "تي", "يو", "في", "دبليو", "إكس", "اكس", "واي", "زد", "زي");

    /** The sentences of {@code text} in order: trimmed, non-empty, non-overlapping; empty for null. */
    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        // A transcript has turns; one line opening with "X:" in a report is a kicker or a headline
        // ("مونديال روسيا: …"), not someone speaking: labels count only when two lines carry one.
        boolean transcript = turnLines(text, 2) >= 2;
        int paragraph = 0;
        int i = 0;
        while (i < n) {
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (!isBlank(text, i, lineEnd)) {
                SpeakerTurns.Turn turn = transcript ? SpeakerTurns.turnAt(text, i, lineEnd) : null;
                int from = turn == null ? i : turn.bodyStart();
                splitLine(text, from, lineEnd, paragraph, turn == null ? null : turn.name(), out);
                paragraph++;
            }
            i = lineEnd + 1;
        }
        return out;
    }

    /** How many lines of {@code text} open with a turn label, counting up to {@code enough}. */
    private static int turnLines(String text, int enough) {
        int found = 0;
        int i = 0;
        while (i < text.length() && found < enough) {
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (!isBlank(text, i, lineEnd) && SpeakerTurns.turnAt(text, i, lineEnd) != null) {
                found++;
            }
            i = lineEnd + 1;
        }
        return found;
    }

    private static void splitLine(String text, int ls, int le, int paragraph, String speaker, List<Sentence> out) {
        int s = ls;
        int j = ls;
        while (j < le) {
            char c = text.charAt(j);
            boolean ends = switch (c) {
                case '.' -> periodEnds(text, ls, le, j);
                case '?', '!' -> markEnds(text, le, j);
                case '؟', '؛', '…', '。' -> true;
                default -> false;
            };
            if (ends) {
                int end = absorbEnd(text, j + 1, le);
                emit(text, s, end, paragraph, speaker, out);
                s = end;
                j = end;
            } else {
                j++;
            }
        }
        emit(text, s, le, paragraph, speaker, out);
    }

    /** Past the run of end marks and closing quotes/brackets that belong to the sentence ending before {@code k}. */
    private static int absorbEnd(String text, int k, int le) {
        while (k < le && isEndMark(text.charAt(k))) {
            k++;
        }
        while (k < le) {
            char c = text.charAt(k);
            if (c == '”' || c == '»' || c == '’' || c == ')' || c == ']' || c == '}' || c == '″' || c == '›'
                    || c == '\u200F' || c == '\u200E') {
                k++;
            } else if ((c == '"' || c == '\'') && (k + 1 >= le || isSpace(text.charAt(k + 1))
                    || isEndMark(text.charAt(k + 1)) || isClosing(text.charAt(k + 1)))) {
                k++;
            } else if (isEndMark(c)) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    private static boolean markEnds(String text, int le, int j) {
        if (j + 1 >= le) {
            return true;
        }
        char next = text.charAt(j + 1);
        // "?id=3", "!important": inside a URL or code, not a sentence end
        return !(next < 0x80 && (Character.isLetterOrDigit(next) || next == '=' || next == '&' || next == '_'));
    }

    private static boolean periodEnds(String text, int ls, int le, int j) {
        if (j + 1 >= le) {
            return !isAbbreviationBefore(text, ls, j, true);
        }
        char next = text.charAt(j + 1);
        char prev = j > ls ? text.charAt(j - 1) : ' ';
        if (next == '.') {
            return true; // an ellipsis written as dots
        }
        if (Character.isDigit(prev) && Character.isDigit(next)) {
            return false;
        }
        if (!isSpace(next) && !isClosing(next) && !isEndMark(next) && next != '"' && next != '\'') {
            // glued: "example.com", "U.S", but an Arabic sentence may lack the space: "موسكو.وجاء"
            return isArabicLetter(prev) && isArabicLetter(next) && !isAbbreviationBefore(text, ls, j, false);
        }
        if (isAbbreviationBefore(text, ls, j, false)) {
            return false;
        }
        int w = j + 1;
        while (w < le && (isSpace(text.charAt(w)) || text.charAt(w) == '"' || text.charAt(w) == '“')) {
            w++;
        }
        return !(w < le && Character.isLowerCase(text.charAt(w)) && text.charAt(w) < 0x250);
    }

    /** Whether the word ending at {@code j} (a period) is an initial, abbreviation, URL, or list number. */
    private static boolean isAbbreviationBefore(String text, int ls, int j, boolean atLineEnd) {
        int ws = j;
        while (ws > ls && !isSpace(text.charAt(ws - 1))) {
            ws--;
        }
        int wordStart = ws;
        while (ws < j && !Character.isLetterOrDigit(text.charAt(ws))) {
            ws++;
        }
        if (ws >= j) {
            return false;
        }
        int len = j - ws;
        boolean url = indexOf(text, "://", wordStart, j) >= 0 || indexOf(text, "www.", wordStart, j) >= 0
                || indexOf(text, "@", wordStart, j) >= 0;
        if (url) {
            return false; // a URL at the end of a sentence: the period after it ends the sentence
        }
        if (atLineEnd) {
            return false;
        }
        if (len == 1 && Character.isLetter(text.charAt(ws))) {
            return true; // initials: "J. Smith", "د. محمد", "أ. د."
        }
        if (len <= 5 && ARABIC_LETTER_NAMES.contains(text.substring(ws, j))) {
            return true; // spelled Latin initials: "إتش. آر. مكماستر", "بي. بي. سي"
        }
        boolean allDigits = true;
        boolean innerDot = false;
        boolean dottedLetters = true; // "U.S", "e.g", "p.m": one- or two-letter pieces between dots
        int piece = 0;
        for (int k = ws; k < j; k++) {
            char c = text.charAt(k);
            if (!Character.isDigit(c)) {
                allDigits = false;
            }
            if (c == '.') {
                innerDot = true;
                piece = 0;
            } else if (Character.isLetter(c) && ++piece <= 2) {
                continue;
            } else {
                dottedLetters = false;
            }
        }
        if (innerDot && !dottedLetters) {
            dottedLetters = allPiecesAreLetterNames(text, ws, j);
        }
        if (allDigits) {
            return wordStart == firstNonSpace(text, ls, j) && len <= 3; // "1. First point"
        }
        if (innerDot && dottedLetters) {
            return true; // "U.S.", "e.g.", "p.m."
        }
        if (len <= 7 && text.charAt(ws) < 0x250) {
            return ABBREVIATIONS.contains(text.substring(ws, j).toLowerCase(Locale.ROOT));
        }
        return false;
    }

    private static boolean allPiecesAreLetterNames(String text, int from, int to) {
        int p = from;
        for (int k = from; k <= to; k++) {
            if (k == to || text.charAt(k) == '.') {
                String piece = text.substring(p, k);
                if (!(piece.length() <= 2 && piece.chars().allMatch(Character::isLetter)) && !ARABIC_LETTER_NAMES.contains(piece)) {
                    return false;
                }
                p = k + 1;
            }
        }
        return true;
    }

    private static void emit(String text, int start, int end, int paragraph, String speaker, List<Sentence> out) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        while (end - start > MAX_SENTENCE) {
            int cut = clauseCut(text, start, end);
            if (cut < 0) {
                break;
            }
            addTrimmed(text, start, cut, paragraph, speaker, out);
            start = cut;
        }
        addTrimmed(text, start, end, paragraph, speaker, out);
    }

    /** Just after the last clause mark within the first {@value #MAX_SENTENCE} characters, or the first after; -1 if none. */
    private static int clauseCut(String text, int start, int end) {
        for (int k = start + MAX_SENTENCE - 1; k >= start + MIN_PIECE; k--) {
            if (isClauseMark(text, k, start, end)) {
                return k + 1;
            }
        }
        for (int k = start + MAX_SENTENCE; k < end - 1; k++) {
            if (isClauseMark(text, k, start, end)) {
                return k + 1;
            }
        }
        return -1;
    }

    private static boolean isClauseMark(String text, int k, int start, int end) {
        char c = text.charAt(k);
        if (c == '،' || c == '؛') {
            return true;
        }
        if (c == ',' || c == ';' || c == ':') {
            boolean digits = k > start && k + 1 < end && Character.isDigit(text.charAt(k - 1))
                    && Character.isDigit(text.charAt(k + 1));
            return !digits;
        }
        return false;
    }

    private static void addTrimmed(String text, int start, int end, int paragraph, String speaker, List<Sentence> out) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(start, end, paragraph, speaker));
        }
    }

    private static boolean isEndMark(char c) {
        return c == '.' || c == '?' || c == '!' || c == '؟' || c == '؛' || c == '…' || c == '。';
    }

    private static boolean isClosing(char c) {
        return c == '”' || c == '»' || c == '’' || c == ')' || c == ']' || c == '}' || c == '″' || c == '›';
    }

    private static boolean isArabicLetter(char c) {
        return c >= '\u0620' && c <= '\u064A' || c >= '\u066E' && c <= '\u06D3';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isSpace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonSpace(String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** {@code needle} within {@code text[from, to)}; never looks past {@code to}. */
    private static int indexOf(String text, String needle, int from, int to) {
        for (int k = from; k + needle.length() <= to; k++) {
            if (text.startsWith(needle, k)) {
                return k;
            }
        }
        return -1;
    }
}
