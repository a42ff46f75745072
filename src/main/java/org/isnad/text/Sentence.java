package org.isnad.text;

/**
 * One sentence of a document: {@code text.substring(start, end)} is the sentence, trimmed of
 * surrounding white space. {@code paragraph} counts paragraphs (lines) from 0; {@code speaker} is the
 * transcript speaker whose turn contains the sentence ("فيليب تورو", "Putin"), or null.
 */
public record Sentence(int start, int end, int paragraph, String speaker) {
    public Sentence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad sentence span " + start + ".." + end);
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
