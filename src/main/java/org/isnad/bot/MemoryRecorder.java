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

    private final Map<Long, String> reasons = new ConcurrentHashMap<>();

    @Override
    public boolean feedbackReason(long ref, String reason) {
        if (!feedback.containsKey(ref)) {
            return false;
        }
        reasons.put(ref, reason);
        return true;
    }

    /** The 👎 reason given on {@code ref}, or null. */
    public String reasonOn(long ref) {
        return reasons.get(ref);
    }

    /** The feedback given on {@code ref}: TRUE up, FALSE down, null none. */
    public Boolean feedbackOn(long ref) {
        return feedback.get(ref);
    }
}
