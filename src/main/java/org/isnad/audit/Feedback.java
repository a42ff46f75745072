package org.isnad.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A reader's verdict on an answer: 👍 ({@code up}) or 👎 ({@code down}). */
public enum Feedback {
    UP, DOWN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code up}/{@code down} in any case. */
    @JsonCreator
    /** The feedback a code names ("up", "down"); a clear message for anything else. */
    public static Feedback fromCode(String code) {
        String key = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        for (Feedback f : values()) {
            if (f.name().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feedback '" + code + "'; one of: up, down");
    }
}
