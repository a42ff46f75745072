package org.isnad.answer.llm;

import java.util.Optional;
import java.util.function.Function;
import org.isnad.answer.SpeakerFinder;
import org.isnad.index.ArchiveStore;
import org.isnad.index.PassageHit;
import org.isnad.text.Sentence;

/** Who is speaking at an offset of a stored document (a transcript turn), for a citation's {@code speaker}. */
@FunctionalInterface
public interface SpeakerLookup {

    /** The speaker, or null when the text there is not a speaker's turn. */
    String speakerAt(String docId, int offset, Function<String, Optional<String>> documentText);

    SpeakerLookup NONE = (docId, offset, documentText) -> null;

    /** The sentence at the offset, from the index, and the same speaker rules as extractive answers. */
    static SpeakerLookup of(ArchiveStore index) {
        SpeakerFinder finder = new SpeakerFinder();
        return (docId, offset, documentText) -> {
            for (PassageHit hit : index.passagesOf(docId)) {
                for (Sentence s : hit.passage().sentences()) {
                    if (offset >= s.start() && offset < s.end()) {
                        return documentText.apply(docId).map(t -> finder.speaker(s, t)).orElse(s.speaker());
                    }
                }
            }
            return null;
        };
    }
}
