package org.isnad.eval;

import java.util.List;
import org.isnad.answer.Citation;

/**
 * A question-answering system under evaluation. Two real implementations: Isnad's answer path
 * ({@link IsnadQa}) and the plain-Lucene baseline ({@link LuceneBaseline}) it is measured against.
 */
public interface QaSystem {

    /** Asks one question; never throws for an odd question (a failure is a refusal with no citations). */
    Response ask(String question);

    /**
     * What a system returned. {@code rankedDocIds}: the documents it retrieved, best first, without
     * repeats (for recall and MRR); {@code citations}: its quotes, in the order shown.
     */
    record Response(boolean answered, List<String> rankedDocIds, List<Citation> citations, long nanos) {
        public Response {
            rankedDocIds = List.copyOf(rankedDocIds);
            citations = List.copyOf(citations);
        }
    }
}
