package org.isnad.eval;

import java.util.List;
import org.isnad.answer.Citation;
import org.isnad.answer.direct.DirectAnswer;
import org.isnad.answer.direct.DirectPart;

/**
 * A question-answering system under evaluation. Two real implementations: Isnad's answer path
 * ({@link IsnadQa}) and the plain-Lucene baseline ({@link LuceneBaseline}) it is measured against.
 */
public interface QaSystem {

    /** Asks one question; never throws for an odd question (a failure is a refusal with no citations). */
    Response ask(String question);

    /**
     * What a system returned. {@code rankedDocIds}: the documents it retrieved, best first, without
     * repeats (for recall and MRR); {@code citations}: its quotes, in the order shown; {@code direct}
     * (nullable): its direct answer line, when it writes one.
     */
    record Response(boolean answered, List<String> rankedDocIds, List<Citation> citations, long nanos, DirectAnswer direct) {
        public Response {
            rankedDocIds = List.copyOf(rankedDocIds);
            citations = List.copyOf(citations);
        }

        /** A response without an answer span of its own (the span is then its first quote, if any). */
        public Response(boolean answered, List<String> rankedDocIds, List<Citation> citations, long nanos) {
            this(answered, rankedDocIds, citations, nanos, null);
        }

        /**
         * The answer span: the source span its direct line states first ("" when the line states
         * none), else (a system without direct lines) its first quote; null when it did not answer.
         */
        public String answerSpan() {
            if (!answered) {
                return null;
            }
            if (direct != null) {
                return direct.parts().stream().filter(DirectPart::stated).map(p -> p.source().text()).findFirst().orElse("");
            }
            return citations.isEmpty() ? null : citations.get(0).quote();
        }
    }
}
