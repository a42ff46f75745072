package org.isnad.answer.direct;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One part of the direct answer line: which question part it answers ("who", "when"...), how it
 * reads for the reader, the exact source span it was taken from, and how the span was rendered
 * ({@code glossary|cldr|transliteration|original|date|number}). Invariant, checked by the
 * {@link org.isnad.answer.QuoteVerifier} before the line leaves the core: the cited document's text
 * {@code .substring(source.start, source.end)} equals {@code source.text}, inside citation
 * {@code source.citation}'s quote. A part with no span (the sources do not state it) has a null source.
 */
@JsonPropertyOrder({"part", "text", "source", "rendering"})
public record DirectPart(String part, String text, Source source, String rendering) {

    /** Where a part comes from: citation number and document offsets, and the source text there. */
    @JsonPropertyOrder({"citation", "start", "end", "text"})
    public record Source(int citation, int start, int end, String text) {}

    public boolean stated() {
        return source != null;
    }
}
