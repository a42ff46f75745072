package org.isnad.answer.llm;

/**
 * A retrieved passage as LLM mode handles it: its text is exactly the stored document text's
 * {@code substring(start, end)}, so an offset inside {@code text} plus {@code start} is an offset
 * into the document. {@code date} is ISO (yyyy-MM-dd) or null; {@code language} a
 * {@link org.isnad.text.Language} code.
 */
public record LlmPassage(
        String docId,
        String title,
        String outlet,
        String date,
        String language,
        int start,
        int end,
        String text,
        double score) {

    public LlmPassage {
        if (text == null || end - start != text.length()) {
            throw new IllegalArgumentException("passage text must span exactly [start, end) of its document");
        }
    }

    /** Identity of the span in the archive: two hits for the same span are one passage. */
    String key() {
        return docId + ":" + start + "-" + end;
    }
}
