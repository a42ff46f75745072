package org.isnad.answer.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Locale;
import org.isnad.config.IsnadConfig;

/**
 * Builds the LangChain4j chat model the {@code llm.*} configuration names: {@code openai} (any
 * OpenAI-compatible endpoint; the base URL includes {@code /v1}) or {@code ollama} (its native
 * {@code /api/chat}; a trailing {@code /v1} on the base URL is dropped). No retries: a failure
 * falls back to the extractive answer at once instead of making the user wait several timeouts.
 */
public final class ChatModels {

    static final int DEFAULT_TIMEOUT_S = 20;

    private ChatModels() {}

    public static Duration timeout(IsnadConfig.Llm llm) {
        return Duration.ofSeconds(llm.timeoutS() > 0 ? llm.timeoutS() : DEFAULT_TIMEOUT_S);
    }

    public static String provider(IsnadConfig.Llm llm) {
        String p = llm.provider() == null ? "" : llm.provider().strip().toLowerCase(Locale.ROOT);
        return p.isEmpty() ? "openai" : p;
    }

    public static ChatModel from(IsnadConfig.Llm llm) {
        if (llm.model() == null || llm.model().isBlank()) {
            throw new IllegalArgumentException("llm.model is not set (ISNAD_LLM_MODEL)");
        }
        if (llm.baseUrl() == null || llm.baseUrl().isBlank()) {
            throw new IllegalArgumentException("llm.baseUrl is not set (ISNAD_LLM_BASE_URL)");
        }
        String baseUrl = llm.baseUrl().strip();
        return switch (provider(llm)) {
            case "openai" -> OpenAiChatModel.builder()
                    .baseUrl(baseUrl)
                    // Local OpenAI-compatible servers ignore the key, but the client wants one.
                    .apiKey(llm.apiKey() == null || llm.apiKey().isBlank() ? "no-key" : llm.apiKey())
                    .modelName(llm.model())
                    .temperature(0.0)
                    .timeout(timeout(llm))
                    .maxRetries(0)
                    .build();
            case "ollama" -> OllamaChatModel.builder()
                    .baseUrl(baseUrl.replaceAll("/+$", "").replaceAll("/v1$", ""))
                    .modelName(llm.model())
                    .temperature(0.0)
                    .timeout(timeout(llm))
                    .maxRetries(0)
                    .build();
            default -> throw new IllegalArgumentException(
                    "llm.provider must be openai or ollama, not " + llm.provider());
        };
    }
}
