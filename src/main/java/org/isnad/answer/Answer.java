package org.isnad.answer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.isnad.answer.direct.DirectAnswer;

/**
 * What the core returns for a question; serialises to exactly the {@code ask --json} contract in
 * docs/architecture.md. {@code answered == false} means the sources do not support an answer, and
 * {@code answer} says so plainly. Fields marked {@link JsonIgnore} are for the answer log only.
 */
@JsonPropertyOrder({"question", "language", "answered", "answer", "direct", "citations", "conflicts", "mode", "latencyMs"})
public record Answer(
        String question,
        String language,
        boolean answered,
        String answer,
        List<Citation> citations,
        List<Conflict> conflicts,
        String mode,
        long latencyMs,
        @JsonIgnore List<Candidate> candidates,
        @JsonIgnore List<String> notes,
        @JsonInclude(JsonInclude.Include.NON_NULL) DirectAnswer direct) {

    public Answer {
        citations = List.copyOf(citations);
        conflicts = List.copyOf(conflicts);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An answer without a direct line (refusals, briefings, entries logged before it existed). */
    public Answer(String question, String language, boolean answered, String answer, List<Citation> citations,
                  List<Conflict> conflicts, String mode, long latencyMs, List<Candidate> candidates, List<String> notes) {
        this(question, language, answered, answer, citations, conflicts, mode, latencyMs, candidates, notes, null);
    }

    /** The same answer with its direct line. */
    public Answer withDirect(DirectAnswer line) {
        return new Answer(question, language, answered, answer, citations, conflicts, mode, latencyMs, candidates, notes, line);
    }
}
