package org.isnad.answer.llm;

import java.util.List;
import org.isnad.index.IsnadIndex;
import org.isnad.index.PassageHit;

/** Isnad's retrieval as LLM mode sees it: plain user words in, best passages first. */
@FunctionalInterface
public interface PassageSearch {

    List<LlmPassage> search(String plainText, int n);

    /** BM25 search over the on-disk index. */
    static PassageSearch over(IsnadIndex index) {
        return (text, n) -> index.search(text, n).stream().map(PassageSearch::passage).toList();
    }

    static LlmPassage passage(PassageHit hit) {
        return new LlmPassage(
                hit.doc().id(),
                hit.doc().title(),
                hit.doc().outlet(),
                hit.doc().date() == null ? null : hit.doc().date().toString(),
                hit.doc().language() == null ? null : hit.doc().language().code(),
                hit.passage().start(),
                hit.passage().end(),
                hit.text(),
                hit.score());
    }
}
