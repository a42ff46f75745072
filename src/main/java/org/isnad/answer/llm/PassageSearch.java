package org.isnad.answer.llm;

import java.util.List;

/** Isnad's retrieval as LLM mode sees it: plain user words in, best passages first. */
@FunctionalInterface
public interface PassageSearch {
    List<LlmPassage> search(String plainText, int n);
}
