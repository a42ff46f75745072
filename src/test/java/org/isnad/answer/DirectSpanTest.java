package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.isnad.answer.direct.DirectAnswer;
import org.isnad.answer.direct.DirectPart;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes of direct-line spans that XQuAD showed were missed: a year at the head of a document
 * that states a fact (not a dateline), a year written alone, a count written in words, and the run
 * of words beside the question's that the span model prefers. The articles are our own
 * (src/test/resources/answer/articles-spans.jsonl).
 */
class DirectSpanTest {

    @TempDir
    static Path dir;
    static IsnadIndex index;
    static AnswerService answers;

    @BeforeAll
    static void build() {
        index = SampleIndex.build(dir, Path.of("src/test/resources/answer/articles-spans.jsonl"));
        answers = SampleIndex.service(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static DirectPart first(String question) {
        Answer a = answers.ask(AskRequest.of(question));
        assertThat(a.answered()).as(question).isTrue();
        DirectAnswer d = a.direct();
        assertThat(d).as(question).isNotNull();
        DirectPart p = d.parts().get(0);
        assertThat(p.stated()).as(question + " → " + d.text()).isTrue();
        Citation c = a.citations().get(p.source().citation() - 1);
        assertThat(index.document(c.docId()).orElseThrow().text().substring(p.source().start(), p.source().end()))
                .isEqualTo(p.source().text());
        return p;
    }

    @Test
    void aYearOpeningTheFirstSentenceIsAFactNotADateline() {
        assertThat(first("متى بنى سليم حداد المرصد الفلكي؟").source().text()).contains("1887");
        assertThat(first("In what year did the harbour board launch the steam ferry?").source().text()).contains("1903");
    }

    @Test
    void aDatelineClosedOffByADashIsNotTheAnswer() {
        DirectPart p = first("متى ستنفذ البلدية مشروع الحديقة العامة؟");
        assertThat(p.source().text()).contains("2027").doesNotContain("آذار");
    }

    @Test
    void aYearAfterInIsADate() {
        assertThat(first("متى أغلق المرصد أبوابه؟").source().text()).contains("1958");
        assertThat(first("When did the bridge open?").source().text()).contains("1961");
    }

    @Test
    void aCountWrittenInWordsIsANumber() {
        assertThat(first("How many passengers did the ferry carry a day?").source().text()).startsWith("four");
        assertThat(first("كم منظارا ضخما كان يضم المرصد؟").source().text()).startsWith("أربعة");
    }

    @Test
    void theRunBesideTheQuestionsWordsThatClosesItsClause() {
        DirectPart p = first("What was the ferry known locally as?");
        assertThat(p.source().text()).contains("Grey Swan").doesNotContain("ferry");
    }
}
