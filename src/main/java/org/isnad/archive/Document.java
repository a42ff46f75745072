package org.isnad.archive;

import java.time.LocalDate;
import org.isnad.text.Language;

/**
 * A stored news document. {@code text} is the body with white space tidied only: every quotation
 * Isnad shows is cut from it by offsets. {@code date} and the metadata strings may be null.
 * {@code source} is where it came from (a file path, with ":line" for JSONL), for re-ingest and
 * {@code --delete-missing}.
 */
public record Document(
        String id,
        String title,
        LocalDate date,
        String outlet,
        String url,
        Language language,
        String text,
        String contentHash,
        String source) {}
