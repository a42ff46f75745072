package org.isnad.text;

import java.util.Locale;

/** The languages Isnad tells apart. {@link #code()} is what JSON and the index carry. */
public enum Language {
    AR("ar"), EN("en"), OTHER("other");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** "ar", "en" (any case); anything else is {@link #OTHER}. */
    public static Language fromCode(String code) {
        if (code == null) {
            return OTHER;
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "ar", "ara", "arabic" -> AR;
            case "en", "eng", "english" -> EN;
            default -> OTHER;
        };
    }
}
