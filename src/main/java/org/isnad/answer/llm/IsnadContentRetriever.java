package org.isnad.answer.llm;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Isnad's retrieval behind LangChain4j's {@link ContentRetriever} seam: a query becomes the top
 * passages as {@link Content}, each carrying in its metadata where it was cut from (docId, start,
 * end) and how to cite it (title, outlet, date, language), plus its rank {@code n} (1-based).
 * {@link #passage(Content)} turns a content back into the passage, so what comes back from any
 * LangChain4j pipeline can still be verified against exact offsets.
 */
public final class IsnadContentRetriever implements ContentRetriever {

    private final PassageSearch search;
    private final int maxResults;

    public IsnadContentRetriever(PassageSearch search, int maxResults) {
        this.search = Objects.requireNonNull(search);
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1");
        }
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        String text = query == null || query.text() == null ? "" : query.text().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<Content> out = new ArrayList<>();
        int n = 1;
        for (LlmPassage p : search.search(text, maxResults)) {
            out.add(content(p, n++));
        }
        return out;
    }

    static Content content(LlmPassage p, int n) {
        Metadata m = new Metadata()
                .put("docId", p.docId())
                .put("start", p.start())
                .put("end", p.end())
                .put("n", n)
                .put("score", p.score());
        putIfPresent(m, "title", p.title());
        putIfPresent(m, "outlet", p.outlet());
        putIfPresent(m, "date", p.date());
        putIfPresent(m, "language", p.language());
        return Content.from(TextSegment.from(p.text(), m));
    }

    /** The passage a content of this retriever stands for. */
    public static LlmPassage passage(Content c) {
        Metadata m = c.textSegment().metadata();
        Double score = m.getDouble("score");
        return new LlmPassage(
                m.getString("docId"),
                m.getString("title"),
                m.getString("outlet"),
                m.getString("date"),
                m.getString("language"),
                m.getInteger("start"),
                m.getInteger("end"),
                c.textSegment().text(),
                score == null ? 0 : score);
    }

    private static void putIfPresent(Metadata m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
