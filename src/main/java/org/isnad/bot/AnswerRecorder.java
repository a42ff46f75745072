package org.isnad.bot;

import java.util.Optional;
import org.isnad.answer.Answer;

/**
 * Where the bot records each answer before sending it, and the 👍/👎 it gets. The reference returned
 * is what the answer's buttons carry. {@link AuditRecorder} writes to the answer log;
 * {@link MemoryRecorder} keeps references in memory (tests, benchmarks).
 */
public interface AnswerRecorder {

    /** Records the answer about to be sent and returns its reference. Never throws. */
    long record(Answer answer, long chatId, long userId, Role role, long updateId);

    /** Records a briefing (logged with kind "briefing" where the log tells kinds apart). */
    /**
     * As {@link #record}, for a follow-up: {@code message} is what the reader wrote ("ومتى؟"), the
     * answer's question how it was read with the previous one.
     */
    default long recordFollowUp(Answer answer, long chatId, long userId, Role role, long updateId, String message) {
        return record(answer, chatId, userId, role, updateId);
    }

    default long recordBriefing(Answer briefing, long chatId, long userId, Role role, long updateId) {
        return record(briefing, chatId, userId, role, updateId);
    }

    /** Records feedback on the answer {@code ref}; false when it is unknown. */
    boolean feedback(long ref, boolean up);

    /** Records why the answer {@code ref} got 👎 ({@link CallbackData#REASONS}); false when it is unknown. */
    default boolean feedbackReason(long ref, String reason) {
        return false;
    }

    /** The answer recorded as {@code ref}, when it can be read back (the bot's own memory is bounded). */
    default Optional<Answer> recall(long ref) {
        return Optional.empty();
    }
}
