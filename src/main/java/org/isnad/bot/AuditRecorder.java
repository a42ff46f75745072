package org.isnad.bot;

import java.util.Optional;
import java.util.OptionalLong;
import org.isnad.answer.Answer;
import org.isnad.audit.AnswerEvent;
import org.isnad.audit.AuditLog;
import org.isnad.audit.Door;
import org.isnad.audit.Feedback;
import org.isnad.audit.LogEntry;

/**
 * Records answers in the answer log ({@link AuditLog}) before they are sent; the log's entry id is the
 * answer's reference on its buttons, and 👍/👎 go to that entry. When the log is switched off or a
 * write fails, the answer still goes out with a local (negative) reference, so its buttons still work.
 */
public final class AuditRecorder implements AnswerRecorder {

    private final AuditLog log;
    private final MemoryRecorder fallback = new MemoryRecorder();

    public AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @Override
    public long record(Answer answer, long chatId, long userId, Role role, long updateId) {
        OptionalLong id = log.tryRecord(answer, AnswerEvent.telegram(chatId, userId, role.code(), updateId));
        return id.isPresent() ? id.getAsLong() : -fallback.record(answer, chatId, userId, role, updateId);
    }

    @Override
    public long recordFollowUp(Answer answer, long chatId, long userId, Role role, long updateId, String message) {
        OptionalLong id = log.tryRecord(answer, AnswerEvent.telegram(chatId, userId, role.code(), updateId).asFollowUp(message));
        return id.isPresent() ? id.getAsLong() : -fallback.record(answer, chatId, userId, role, updateId);
    }

    @Override
    public long recordBriefing(Answer briefing, long chatId, long userId, Role role, long updateId) {
        OptionalLong id = log.tryRecord(briefing, AnswerEvent.briefing(Door.TELEGRAM, chatId, userId, role.code(), updateId));
        return id.isPresent() ? id.getAsLong() : -fallback.record(briefing, chatId, userId, role, updateId);
    }

    @Override
    public boolean feedback(long ref, boolean up) {
        if (ref < 0) {
            return fallback.feedback(-ref, up);
        }
        try {
            return log.feedback(ref, up ? Feedback.UP : Feedback.DOWN);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean feedbackReason(long ref, String reason) {
        if (ref < 0) {
            return fallback.feedbackReason(-ref, reason);
        }
        try {
            return log.feedbackReason(ref, reason);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The answer as the log holds it (after a restart the bot's own memory of it is gone). */
    @Override
    public Optional<Answer> recall(long ref) {
        if (ref < 0) {
            return Optional.empty();
        }
        try {
            return log.get(ref).map(AuditRecorder::toAnswer);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A log entry back as an answer (its citations are what the Source button needs). */
    private static Answer toAnswer(LogEntry e) {
        return new Answer(e.question(), e.language(), e.answered(), e.answer(), e.citations(), e.conflicts(),
                e.mode(), e.latencyMs(), e.candidates(), e.notes(), e.direct());
    }
}
