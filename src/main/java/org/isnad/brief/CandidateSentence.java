package org.isnad.brief;

import java.util.Map;
import java.util.Set;
import org.isnad.index.DocInfo;
import org.isnad.text.Sentence;

/**
 * A sentence that could become a point: where it is ({@code sentence} offsets are into the document
 * text), what it says, and the scores the selection weighs.
 *
 * @param doc        the source document
 * @param sentence   offsets, paragraph and speaker
 * @param text       the sentence as stored (the future quote)
 * @param order      reading order within its document (passage ordinal * 100 + index)
 * @param retrieval  the retrieval score of its passage, scaled to 0..1 over the candidates
 * @param onTopic    whether it contains one of the topic's terms (always true for documents)
 * @param terms      TF-IDF weights of its analyzed terms
 * @param shingles   hashes of its folded 3-word shingles (near-duplicate detection)
 */
record CandidateSentence(
        DocInfo doc,
        Sentence sentence,
        String text,
        int order,
        double retrieval,
        boolean onTopic,
        Map<String, Double> terms,
        Set<Long> shingles) {}
