package org.isnad.audit;

import java.time.Instant;

/**
 * A list row: what the moderators' list and {@code isnad log list} show, without the citations' bodies:
 * the start of the answer, of its first quote ({@code firstQuote}) and of its direct line
 * ({@code directLine}), each null when the entry has none.
 */
public record LogSummary(
        long id,
        Instant at,
        Door door,
        EntryKind kind,
        String language,
        String question,
        boolean answered,
        String answerStart,
        int citationCount,
        String mode,
        long latencyMs,
        Feedback feedback,
        ModerationState state,
        String moderator,
        String firstQuote,
        String directLine) {}
