package org.isnad.bot;

import org.isnad.answer.Answer;

/**
 * Where the bot records each answer before sending it, and the 👍/👎 it gets. The reference returned
 * is what the answer's buttons carry. {@link AuditRecorder} writes to the answer log;
 * {@link MemoryRecorder} keeps references in memory when the log is switched off.
 */
public interface AnswerRecorder {

    /** Records the answer about to be sent and returns its reference. Never throws. */
    long record(Answer answer, long chatId, long userId, Role role, long updateId);

    /** Records feedback on the answer {@code ref}; false when it is unknown. */
    boolean feedback(long ref, boolean up);
}
