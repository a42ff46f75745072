package org.isnad.audit;

import java.time.Instant;
import java.util.List;
import org.isnad.answer.Candidate;
import org.isnad.answer.Citation;
import org.isnad.answer.Conflict;

/**
 * One stored record of the answer log, as read back. {@code chat} and {@code user} are the stored
 * forms of the ids: a keyed pseudonym ({@code p:…}) by default, or the raw id when pseudonymizing is off.
 * {@code feedback}, {@code feedbackAt}, {@code moderator}, {@code note} and {@code reviewedAt} are null until set.
 */
public record LogEntry(
        long id,
        Instant at,
        Door door,
        EntryKind kind,
        String chat,
        String user,
        String role,
        Long telegramUpdateId,
        String question,
        String language,
        boolean answered,
        String answer,
        List<Citation> citations,
        List<Conflict> conflicts,
        List<Candidate> candidates,
        List<String> notes,
        String mode,
        long latencyMs,
        Feedback feedback,
        Instant feedbackAt,
        ModerationState state,
        String moderator,
        String note,
        Instant reviewedAt,
        org.isnad.answer.direct.DirectAnswer direct,
        String feedbackReason,
        String followUpMessage) {

    public LogEntry {
        citations = citations == null ? List.of() : List.copyOf(citations);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
