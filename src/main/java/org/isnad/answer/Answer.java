package org.isnad.answer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the core returns for a question; serialises to exactly the {@code ask --json} contract in
 * docs/architecture.md. {@code answered == false} means the sources do not support an answer, and
 * {@code answer} says so plainly. Fields marked {@link JsonIgnore} are for the answer log only.
 */
@JsonPropertyOrder({"question", "language", "answered", "answer", "citations", "conflicts", "mode", "latencyMs"})
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
        @JsonIgnore List<String> notes) {

    public Answer {
        citations = List.copyOf(citations);
        conflicts = List.copyOf(conflicts);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
