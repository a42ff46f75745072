package org.isnad.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the times people type into filters: {@code 2026-11-01}, an ISO instant, or an age like {@code 7d}. */
public final class TimeArgs {

    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([smhdw])");

    private TimeArgs() {}

    /**
     * A filter bound. A date (UTC) means its start for {@code since} and the end of that day for
     * {@code until} (so {@code --until 2026-11-01} includes that day); an age ({@code 7d}) means that long ago.
     *
     * @return null for null or blank input
     * @throws IllegalArgumentException when the value is none of these
     */
    public static Instant bound(String value, boolean until, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (AGE.matcher(v).matches()) {
            return clock.instant().minus(duration(v));
        }
        try {
            LocalDate day = LocalDate.parse(v);
            return (until ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a date (2026-11-01), an instant or an age (7d)");
            }
        }
    }

    /** {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 2w}. */
    public static Duration duration(String value) {
        Matcher m = AGE.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration like 90d, 12h, 30m or 2w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
