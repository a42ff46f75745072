package org.isnad.audit;

import java.util.Locale;

/** The formats {@code isnad log export} writes. */
public enum ExportFormat {
    CSV, JSONL;

    public static ExportFormat fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + code + "'; one of: csv, jsonl");
        }
    }
}
