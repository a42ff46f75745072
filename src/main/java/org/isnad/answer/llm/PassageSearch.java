package org.isnad.answer.llm;

import java.util.List;
import org.isnad.answer.PassageRetriever;
import org.isnad.answer.QuestionAnalyzer;
import org.isnad.index.PassageHit;

/** Isnad's retrieval as LLM mode sees it: plain user words in, best passages first. */
@FunctionalInterface
public interface PassageSearch {

    List<LlmPassage> search(String plainText, int n);

    /**
     * The extractive answerer's own retrieval (question analysis, glossary translations, BM25), so
     * both answerers start from the same passages.
     */
    static PassageSearch over(QuestionAnalyzer analyzer, PassageRetriever retriever) {
        return (text, n) -> retriever.retrieve(analyzer.analyze(text, text, null)).stream()
                .limit(n)
                .map(PassageSearch::passage)
                .toList();
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
