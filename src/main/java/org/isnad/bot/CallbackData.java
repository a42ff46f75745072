package org.isnad.bot;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an inline button carries back, within Telegram's 1–64 bytes: {@code src:<ref>:<n>} for
 * "Source [n]" and {@code fb:<ref>:up|down} for feedback. {@code ref} is the answer's reference (its
 * answer-log id).
 */
public record CallbackData(Kind kind, long ref, int n, boolean up) {

    public static final int MAX_BYTES = 64;

    public enum Kind { SOURCE, FEEDBACK }

    public static CallbackData source(long ref, int n) {
        return new CallbackData(Kind.SOURCE, ref, n, false);
    }

    public static CallbackData feedback(long ref, boolean up) {
        return new CallbackData(Kind.FEEDBACK, ref, 0, up);
    }

    public String encode() {
        String s = kind == Kind.SOURCE ? "src:" + ref + ":" + n : "fb:" + ref + ":" + (up ? "up" : "down");
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalStateException("callback data over 64 bytes: " + s);
        }
        return s;
    }

    /** The parsed data, or empty for anything this bot did not write. */
    public static Optional<CallbackData> decode(String data) {
        if (data == null) {
            return Optional.empty();
        }
        String[] p = data.split(":");
        if (p.length != 3) {
            return Optional.empty();
        }
        try {
            long ref = Long.parseLong(p[1]);
            return switch (p[0]) {
                case "src" -> Optional.of(source(ref, Integer.parseInt(p[2])));
                case "fb" -> p[2].equals("up") || p[2].equals("down")
                        ? Optional.of(feedback(ref, p[2].equals("up"))) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
