package org.isnad.brief;

import java.time.LocalDate;
import java.util.List;
import org.isnad.text.Language;

/**
 * What to brief on: a topic (plain words, never query syntax) or a fixed set of documents, with
 * optional filters. {@code language} forces the framing language; null means the topic's language
 * (or, for documents, the first document's).
 *
 * @param topic    the topic's words, or null when {@code docIds} is given
 * @param docIds   documents to summarise (the {@code --doc} option, or an answer's documents); empty for a topic
 * @param language framing language, or null
 * @param since    earliest document date (inclusive), or null
 * @param until    latest document date (inclusive), or null
 * @param outlet   only documents from this outlet, or null
 */
public record BriefRequest(String topic, List<String> docIds, Language language, LocalDate since, LocalDate until, String outlet) {

    public BriefRequest {
        docIds = docIds == null ? List.of() : List.copyOf(docIds);
    }

    /** A briefing on a topic across the index. */
    public static BriefRequest topic(String topic) {
        return new BriefRequest(topic, List.of(), null, null, null, null);
    }

    /** A briefing on one document. */
    public static BriefRequest document(String docId) {
        return new BriefRequest(null, List.of(docId), null, null, null, null);
    }

    /** A briefing on several documents (e.g. those an answer cited). */
    public static BriefRequest documents(List<String> docIds) {
        return new BriefRequest(null, docIds, null, null, null, null);
    }

    public BriefRequest inLanguage(Language l) {
        return new BriefRequest(topic, docIds, l, since, until, outlet);
    }

    public BriefRequest between(LocalDate from, LocalDate to) {
        return new BriefRequest(topic, docIds, language, from, to, outlet);
    }

    public BriefRequest fromOutlet(String name) {
        return new BriefRequest(topic, docIds, language, since, until, name);
    }

    public boolean onDocuments() {
        return !docIds.isEmpty();
    }

    /** What the log and the JSON call the subject: the topic, or "doc:ID[,ID...]". */
    public String subject() {
        return onDocuments() ? "doc:" + String.join(",", docIds) : topic == null ? "" : topic.strip();
    }
}
