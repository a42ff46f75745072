package org.isnad.archive;

import java.util.List;
import org.isnad.text.Sentence;

/**
 * A retrievable unit: a run of consecutive sentences of one paragraph of a document.
 * {@code start}/{@code end} are offsets into {@link Document#text()}; each sentence's offsets are too.
 */
public record Passage(String docId, int ordinal, int paragraph, int start, int end, List<Sentence> sentences) {
    public Passage {
        sentences = List.copyOf(sentences);
    }

    public String of(String documentText) {
        return documentText.substring(start, end);
    }
}
