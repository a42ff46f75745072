package org.isnad.bot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.isnad.answer.Answer;

/** References without an answer log ({@code audit.enabled: false}): a counter, feedback kept in memory. */
public final class MemoryRecorder implements AnswerRecorder {

    private final AtomicLong next = new AtomicLong();
    private final Map<Long, Boolean> feedback = new ConcurrentHashMap<>();

    @Override
    public long record(Answer answer, long chatId, long userId, Role role, long updateId) {
        return next.incrementAndGet();
    }

    @Override
    public boolean feedback(long ref, boolean up) {
        if (ref <= 0 || ref > next.get()) {
            return false;
        }
        feedback.put(ref, up);
        return true;
    }

    /** The feedback given on {@code ref}: TRUE up, FALSE down, null none. */
    public Boolean feedbackOn(long ref) {
        return feedback.get(ref);
    }
}
