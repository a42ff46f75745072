package org.isnad.audit;

import java.time.Instant;

/**
 * Which log entries to list or export. Every field is optional (null = no restriction).
 *
 * @param since    entries at or after this instant
 * @param until    entries before this instant
 * @param language {@code ar}, {@code en}, ...
 * @param feedback only entries with this feedback
 * @param state    only entries in this moderation state
 * @param answered true: answered only; false: unanswered only
 * @param text     a case-insensitive substring of the question or the answer
 */
public record LogFilter(
        Instant since, Instant until, String language, Feedback feedback, ModerationState state, Boolean answered, String text) {

    public LogFilter {
        language = blankToNull(language);
        if (text != null && !text.isBlank()) {
            // SQLite reads a string only up to a NUL: "%00" would become an empty pattern matching everything
            String searchable = text.replaceAll("\\p{Cc}", "");
            if (searchable.isBlank()) {
                throw new IllegalArgumentException("the text filter holds no searchable characters");
            }
            text = searchable;
        }
        text = blankToNull(text);
    }

    /** No restriction: every entry. */
    public static LogFilter all() {
        return new LogFilter(null, null, null, null, null, null, null);
    }

    public LogFilter withSince(Instant v) { return new LogFilter(v, until, language, feedback, state, answered, text); }

    public LogFilter withUntil(Instant v) { return new LogFilter(since, v, language, feedback, state, answered, text); }

    public LogFilter withLanguage(String v) { return new LogFilter(since, until, v, feedback, state, answered, text); }

    public LogFilter withFeedback(Feedback v) { return new LogFilter(since, until, language, v, state, answered, text); }

    public LogFilter withState(ModerationState v) { return new LogFilter(since, until, language, feedback, v, answered, text); }

    public LogFilter withAnswered(Boolean v) { return new LogFilter(since, until, language, feedback, state, v, text); }

    public LogFilter withText(String v) { return new LogFilter(since, until, language, feedback, state, answered, v); }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
