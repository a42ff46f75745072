package org.isnad.answer.llm;

import java.util.Optional;
import org.isnad.index.IsnadIndex;
import org.isnad.index.PassageHit;
import org.isnad.ingest.Document;
import org.isnad.text.Sentence;

/** The stored documents, for the final exact check of each citation and for who was speaking. */
public interface StoredSources {

    /** The stored text of a document; every citation's offsets point into it. */
    Optional<String> text(String docId);

    /** The transcript speaker of the sentence at {@code offset}, or null. */
    default String speakerAt(String docId, int offset) {
        return null;
    }

    static StoredSources of(IsnadIndex index) {
        return new StoredSources() {
            @Override
            public Optional<String> text(String docId) {
                return index.document(docId).map(Document::text);
            }

            @Override
            public String speakerAt(String docId, int offset) {
                for (PassageHit hit : index.passagesOf(docId)) {
                    for (Sentence s : hit.passage().sentences()) {
                        if (offset >= s.start() && offset < s.end()) {
                            return s.speaker();
                        }
                    }
                }
                return null;
            }
        };
    }
}
