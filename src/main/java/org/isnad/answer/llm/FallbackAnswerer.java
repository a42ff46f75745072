package org.isnad.answer.llm;

import org.isnad.answer.Answer;
import org.isnad.text.Language;

/** What LLM mode gives instead when the model fails or nothing it quoted survives: the extractive answer. */
@FunctionalInterface
public interface FallbackAnswerer {
    /** {@code language} is the question's language as LLM mode decided it (never null). */
    Answer answer(String question, Language language);
}
