package org.isnad.brief;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/** The dates a briefing's sources span (ISO strings; both null when no source is dated). */
public record Period(String from, String to) {

    public static Period of(Collection<LocalDate> dates) {
        LocalDate min = dates.stream().filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
        LocalDate max = dates.stream().filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        return new Period(min == null ? null : min.toString(), max == null ? null : max.toString());
    }

    public boolean known() {
        return from != null;
    }
}
