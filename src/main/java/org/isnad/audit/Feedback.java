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
    public static Feedback fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
