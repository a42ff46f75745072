package org.isnad.answer.llm;

import dev.langchain4j.exception.HttpException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Why a model call gave no usable output, as a short reason for the answer log:
 * {@code timeout}, {@code connection-refused}, {@code http-<status>} (429, 500, ...),
 * {@code malformed-output}, {@code empty-output} or {@code error-<Type>}.
 */
public final class LlmFailure extends Exception {

    private final String reason;

    public LlmFailure(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** Whether the model cannot be reached or is overloaded now, as opposed to having answered badly. */
    public boolean unreachable() {
        return reason.equals("timeout") || reason.startsWith("connection-") || reason.equals("http-429")
                || reason.matches("http-5\\d\\d");
    }

    /** Classifies whatever a LangChain4j chat model threw. */
    public static LlmFailure of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpConnectTimeoutException) {
                return new LlmFailure("connection-timeout", t);
            }
            if (c instanceof HttpTimeoutException || c instanceof SocketTimeoutException
                    || c instanceof dev.langchain4j.exception.TimeoutException
                    || c instanceof java.util.concurrent.TimeoutException) {
                return new LlmFailure("timeout", t);
            }
            if (c instanceof ConnectException || c instanceof UnresolvedAddressException) {
                return new LlmFailure("connection-refused", t);
            }
            if (c instanceof HttpException h) {
                return new LlmFailure("http-" + h.statusCode(), t);
            }
            if (c instanceof com.fasterxml.jackson.core.JacksonException) {
                return new LlmFailure("malformed-output", t);
            }
        }
        return new LlmFailure("error-" + t.getClass().getSimpleName(), t);
    }
}
