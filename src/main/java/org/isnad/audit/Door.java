package org.isnad.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a logged answer was asked: the Telegram bot, the command line, or a briefing. */
public enum Door {
    TELEGRAM, CLI, BRIEF;

    /** The stored and printed name: {@code telegram}, {@code cli}, {@code brief}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Door fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
