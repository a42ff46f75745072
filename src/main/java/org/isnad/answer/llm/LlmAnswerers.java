package org.isnad.answer.llm;

import org.isnad.config.IsnadConfig;
import org.isnad.index.IsnadIndex;

/** Builds the LLM answerer from the {@code llm.*} configuration (provider, baseUrl, model, apiKey, timeoutS). */
public final class LlmAnswerers {

    /** How many passages the model receives (after merging the translated query's results). */
    public static final int PASSAGES = 6;

    private LlmAnswerers() {}

    /** Over the on-disk index; {@code extractive} is what it falls back to. */
    public static LlmAnswerer fromConfig(IsnadConfig.Llm llm, IsnadIndex index, FallbackAnswerer extractive) {
        return fromConfig(llm, PassageSearch.over(index), StoredSources.of(index), extractive);
    }

    public static LlmAnswerer fromConfig(IsnadConfig.Llm llm, PassageSearch search,
            StoredSources sources, FallbackAnswerer extractive) {
        return new LlmAnswerer(
                new BoundedChat(ChatModels.from(llm), ChatModels.timeout(llm)),
                llm.model(),
                new IsnadContentRetriever(search, PASSAGES),
                extractive,
                sources,
                llm.translateQueries(),
                PASSAGES);
    }
}
