package org.isnad.text;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads dates in the forms news uses. FIRST CUT (to be completed by the text package owner):
 * ISO dates and date-times only.
 */
public final class DateParser {

    /** The date a whole string denotes ("2024-02-20", "فبراير ۲۰، ۲۰۲٤", an RFC 822 date...), if any. */
    public Optional<LocalDate> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        try {
            return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(t).toLocalDate());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** A date at the very start of {@code s} (possibly glued to the next word), with its extent. */
    public Optional<DateMatch> leadingDate(String s) {
        return Optional.empty();
    }

    /**
     * Every date expression in {@code text}, relative ones ("26 الشهر الجاري", "next Tuesday")
     * resolved against {@code reference} (the document's date; may be null, then relative ones that
     * need it are skipped).
     */
    public List<DateMatch> findAll(String text, LocalDate reference) {
        return List.of();
    }
}
