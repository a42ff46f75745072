package org.isnad.answer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.isnad.archive.Document;
import org.isnad.index.ArchiveStore;

/**
 * The stored documents one request touches, each fetched from the index once. Not shared between
 * requests (a document may be re-ingested in between).
 */
public final class DocumentTexts {

    private final ArchiveStore index;
    private final Map<String, Optional<Document>> cache = new HashMap<>();
    private final Map<String, java.util.List<String>> sentenceTerms = new HashMap<>();

    public DocumentTexts(ArchiveStore index) {
        this.index = index;
    }

    public Optional<Document> document(String id) {
        return cache.computeIfAbsent(id, index::document);
    }

    /**
     * A sentence's index terms, analyzed once per question: the answerer measures the answering
     * document's sentences twice (in the pool, then the whole document), and analysis is the costly part.
     */
    public java.util.List<String> sentenceTerms(String docId, int sentenceStart, java.util.function.Supplier<java.util.List<String>> analyze) {
        return sentenceTerms.computeIfAbsent(docId + "#" + sentenceStart, k -> analyze.get());
    }

    public Optional<String> text(String id) {
        return document(id).map(Document::text);
    }

    /**
     * The date relative expressions in the document refer to: its publication date, or else a
     * dateline at the very start of its text ("فبراير ۲۰، ۲۰۲٤").
     */
    public LocalDate referenceDate(String id, DateMentions dates) {
        Optional<Document> doc = document(id);
        if (doc.isEmpty()) {
            return null;
        }
        if (doc.get().date() != null) {
            return doc.get().date();
        }
        return dates.dateline(doc.get().text());
    }
}
