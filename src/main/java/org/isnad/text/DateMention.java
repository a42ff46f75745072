package org.isnad.text;

import java.time.LocalDate;

/**
 * A date expression found in text: {@code text.substring(start, end)} is the expression, {@code date} its value.
 * {@code relative} is true when the value depended on the reference date ("26 الشهر الجاري", "yesterday", a
 * day and month without a year). For coarser {@link Precision precisions} {@code date} is the first day of the
 * month or year, or for {@link Precision#WEEK} the reference date moved by that many weeks.
 */
public record DateMention(LocalDate date, int start, int end, boolean relative, Precision precision) {

    /** How much of {@link #date()} the expression states. */
    public enum Precision { DAY, WEEK, MONTH, YEAR }

    public DateMatch toMatch() {
        return new DateMatch(date, start, end);
    }
}
