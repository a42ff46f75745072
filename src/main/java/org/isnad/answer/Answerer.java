package org.isnad.answer;

/**
 * Turns an analyzed question into a draft answer. Two implementations: {@link ExtractiveAnswerer}
 * (default, offline) and the LLM answerer (answer/llm), which falls back to the extractive one.
 * Every draft then passes the {@link QuoteVerifier} in {@link AnswerService}.
 */
public interface Answerer {

    Draft answer(Question question, DocumentTexts texts);

    /** "extractive" or "llm:&lt;model&gt;": the Answer's {@code mode}. */
    String mode();
}
