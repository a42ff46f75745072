package org.isnad.answer;

import org.jsoup.Jsoup;

/**
 * Checks a question at the edge so the core can trust it: markup is reduced to its text, control
 * characters and runs of white space are folded, and the analysed text is capped. A question with
 * no letters or digits gets a clear message instead of an answer.
 */
public final class InputGuard {

    /** Longer questions are analysed on their first words only (a question is not an essay). */
    static final int MAX_ANALYZED_CHARS = 500;

    /** {@code problem} is a template key ("invalid.empty", "invalid.no_words") or null when fine. */
    public record Checked(String cleaned, String problem) {}

    public Checked check(String question) {
        if (question == null || question.isBlank()) {
            return new Checked("", "invalid.empty");
        }
        String s = question.length() > 4 * MAX_ANALYZED_CHARS ? question.substring(0, 4 * MAX_ANALYZED_CHARS) : question;
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) {
            s = Jsoup.parse(s).text();
        }
        s = s.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\u200c\\u200d]]", " ").replaceAll("\\s+", " ").strip();
        if (s.length() > MAX_ANALYZED_CHARS) {
            int cut = s.lastIndexOf(' ', MAX_ANALYZED_CHARS);
            s = s.substring(0, cut > MAX_ANALYZED_CHARS / 2 ? cut : MAX_ANALYZED_CHARS);
        }
        if (s.isEmpty()) {
            return new Checked("", "invalid.empty");
        }
        if (s.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new Checked(s, "invalid.no_words");
        }
        return new Checked(s, null);
    }
}
