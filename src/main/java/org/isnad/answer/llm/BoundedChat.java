package org.isnad.answer.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One system + user exchange with a chat model under a hard deadline. The HTTP client's own
 * timeout does not cover a server that sends headers and then stalls the body, so the call runs
 * on a virtual thread and is abandoned (interrupted) when the deadline passes: the user always
 * gets an answer in bounded time.
 */
public final class BoundedChat {

    private final ChatModel model;
    private final Duration timeout;

    public BoundedChat(ChatModel model, Duration timeout) {
        this.model = Objects.requireNonNull(model);
        this.timeout = Objects.requireNonNull(timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    /** The model's reply text, never blank. */
    public String chat(String system, String user) throws LlmFailure {
        List<ChatMessage> messages = List.of(SystemMessage.from(system), UserMessage.from(user));
        CompletableFuture<ChatResponse> call = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("isnad-llm-call").start(() -> {
            try {
                call.complete(model.chat(messages));
            } catch (Throwable t) {
                call.completeExceptionally(t);
            }
        });
        ChatResponse response;
        try {
            // A little grace so the client's own timeout, with its more precise reason, usually fires first.
            response = call.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            worker.interrupt();
            throw new LlmFailure("timeout", e);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new LlmFailure("interrupted", e);
        } catch (ExecutionException e) {
            throw LlmFailure.of(e.getCause());
        }
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmFailure("empty-output", null);
        }
        return text;
    }
}
