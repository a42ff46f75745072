package org.isnad.bot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.isnad.answer.Answer;

/**
 * The answers behind recent messages' buttons, by reference, so "Source [n]" can show citation n.
 * Bounded: the oldest are forgotten first (a button on a forgotten answer says "please ask again").
 */
public final class AnswerRefs {

    private final Map<Long, Answer> answers;

    public AnswerRefs(int capacity) {
        this.answers = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(long ref, Answer answer) {
        answers.put(ref, answer);
    }

    public synchronized Optional<Answer> get(long ref) {
        return Optional.ofNullable(answers.get(ref));
    }

    public synchronized int size() {
        return answers.size();
    }
}
