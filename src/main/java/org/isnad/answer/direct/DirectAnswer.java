package org.isnad.answer.direct;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The short line that opens an answer and states the answer itself, in the reader's language,
 * every word of it traceable to a verified span of a quote ({@link DirectPart#source()}).
 */
@JsonPropertyOrder({"text", "parts"})
public record DirectAnswer(String text, List<DirectPart> parts) {

    public DirectAnswer {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }
}
