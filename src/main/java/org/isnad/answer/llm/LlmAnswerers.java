package org.isnad.answer.llm;

import org.isnad.answer.AnswerFactory;
import org.isnad.answer.Answerer;
import org.isnad.config.IsnadConfig;
import org.isnad.index.ArchiveStore;

/** Builds the LLM answerer from the {@code llm.*} configuration (provider, baseUrl, model, apiKey, timeoutS). */
public final class LlmAnswerers {

    /** How many passages the model receives (after merging the translated query's results). */
    public static final int PASSAGES = 6;

    private LlmAnswerers() {}

    /**
     * Over the answer stack's own retrieval, falling back to its extractive answerer.
     *
     * @throws IllegalArgumentException when the configuration names no model, no base URL or an unknown provider
     */
    public static LlmAnswerer fromConfig(IsnadConfig.Llm llm, ArchiveStore index, AnswerFactory answers) {
        return fromConfig(llm, PassageSearch.over(answers.analyzer(), answers.retriever()), answers.extractive(),
                SpeakerLookup.of(index));
    }

    public static LlmAnswerer fromConfig(IsnadConfig.Llm llm, PassageSearch search, Answerer extractive,
            SpeakerLookup speakers) {
        return new LlmAnswerer(
                new BoundedChat(ChatModels.from(llm), ChatModels.timeout(llm)),
                llm.model(),
                new IsnadContentRetriever(search, PASSAGES),
                extractive,
                speakers,
                llm.translateQueries(),
                PASSAGES);
    }
}
