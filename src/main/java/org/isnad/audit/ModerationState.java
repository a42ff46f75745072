package org.isnad.audit;

import java.util.Arrays;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.stream.Collectors;

/** A moderator's verdict on a logged answer. New entries are {@link #UNREVIEWED}. */
public enum ModerationState {
    UNREVIEWED, OK, WRONG_CITATION, WRONG_ANSWER, HARMFUL;

    /** The stored and printed name: {@code unreviewed}, {@code ok}, {@code wrong-citation}, ... */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code wrong-citation}, {@code wrong_citation} or {@code WRONG_CITATION}. */
    @JsonCreator
    public static ModerationState fromCode(String code) {
        String key = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ModerationState s : values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown moderation state '" + code + "'; one of: " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(ModerationState::code).collect(Collectors.joining(", "));
    }
}
