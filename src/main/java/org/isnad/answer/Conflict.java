package org.isnad.answer;

import java.util.List;

/** Sources that disagree about one fact ("date", "number", ...), by citation number. */
public record Conflict(String about, List<Integer> citations, String note) {
    public Conflict {
        citations = List.copyOf(citations);
    }
}
