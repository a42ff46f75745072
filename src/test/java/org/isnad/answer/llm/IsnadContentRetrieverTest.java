package org.isnad.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsnadContentRetrieverTest {

    private final SampleArchive sample = new SampleArchive();
    private final IsnadContentRetriever retriever = new IsnadContentRetriever(sample.search(), 3);

    @Test
    void queryBecomesRankedPassagesWithWhereTheyWereCutFromInTheirMetadata() {
        List<Content> contents = retriever.retrieve(Query.from("روسيا الدعوة الفصائل موسكو"));

        assertThat(contents).hasSizeBetween(1, 3);
        for (int i = 0; i < contents.size(); i++) {
            var m = contents.get(i).textSegment().metadata();
            assertThat(m.getInteger("n")).isEqualTo(i + 1);
            assertThat(m.getString("docId")).isEqualTo(SampleArchive.DOC_ID);
            assertThat(m.getString("outlet")).isEqualTo("France 24");
            assertThat(m.getString("date")).isEqualTo("2024-02-20");
            assertThat(sample.text().substring(m.getInteger("start"), m.getInteger("end")))
                    .isEqualTo(contents.get(i).textSegment().text());
        }
    }

    @Test
    void contentTurnsBackIntoTheSamePassage() {
        LlmPassage p = sample.containing("وتوترت العلاقات");
        assertThat(IsnadContentRetriever.passage(IsnadContentRetriever.content(p, 1))).isEqualTo(p);
    }

    @Test
    void queryMatchingNothingRetrievesNothing() {
        assertThat(retriever.retrieve(Query.from("zzzz qqqq"))).isEmpty();
    }
}
