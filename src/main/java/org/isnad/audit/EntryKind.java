package org.isnad.audit;

import java.util.Locale;

/** What a log entry holds: an answer to a question, or a briefing (headline and cited points). */
public enum EntryKind {
    ANSWER, BRIEFING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
