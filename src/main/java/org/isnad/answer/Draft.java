package org.isnad.answer;

import java.util.List;

/**
 * What an {@link Answerer} proposes before verification: answer text with [n] markers, the
 * citations those markers refer to, conflicts, and the candidates considered (for the answer log).
 */
public record Draft(
        boolean answered,
        String text,
        List<Citation> citations,
        List<Conflict> conflicts,
        List<Candidate> candidates,
        List<String> notes) {

    public Draft {
        citations = List.copyOf(citations);
        conflicts = List.copyOf(conflicts);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static Draft notAnswered(String text, List<Candidate> candidates, List<String> notes) {
        return new Draft(false, text, List.of(), List.of(), candidates, notes);
    }
}
