package org.isnad.index;

import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.text.Language;

/**
 * Where the archive lives: documents (the stored text quotes are cut from) and their passages (what
 * retrieval ranks). Two implementations: the embedded Lucene index ({@link IsnadIndex}, the default)
 * and an OpenSearch cluster ({@link OpenSearchStore}). Callers speak Isnad's terms ({@link
 * PassageQuery}, {@link Document}, {@link PassageHit}); only the implementations know queries and
 * field names. Both analyze text with the same chains ({@link Analyzers}) and rank with BM25 at the
 * same parameters, so the same archive gives the same answers.
 */
public interface ArchiveStore extends Closeable {

    /** A document's content hash and where it was read from. */
    record StoredState(String hash, String source) {}

    /** The analysis chains text is indexed and searched with. */
    Analyzers analyzers();

    /** Adds {@code doc} with its passages, replacing any earlier version with the same id. Thread-safe. */
    void upsert(Document doc, List<Passage> passages);

    /** Removes a document and its passages; true when it was there. */
    boolean delete(String id);

    /** Makes every change so far durable and visible to new searches. */
    void commit();

    /** The stored document with this id. */
    Optional<Document> document(String id);

    /** Id, content hash and source of every document: what re-ingesting compares against. */
    Map<String, StoredState> storedStates();

    /** Passages matching {@code plainText} taken as plain words in any language (never query syntax). */
    List<PassageHit> search(String plainText, int n);

    /** The top {@code n} passages for {@code query}, best first (none when nothing in it is searchable). */
    List<PassageHit> search(PassageQuery query, int n);

    /** How rare {@code term} (an analyzed body term) is among {@code language}'s passages: BM25's idf. */
    double idf(Language language, String term);

    /** Every passage of one document, in order. */
    List<PassageHit> passagesOf(String docId);

    /** Counts and ranges of what the archive holds. */
    IndexStats stats();

    /** How many documents the archive holds. */
    int documentCount();

    @Override
    void close();
}
