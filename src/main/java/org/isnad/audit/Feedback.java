package org.isnad.audit;

import java.util.Locale;

/** A reader's verdict on an answer: 👍 ({@code up}) or 👎 ({@code down}). */
public enum Feedback {
    UP, DOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code up}/{@code down} in any case. */
    public static Feedback fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
