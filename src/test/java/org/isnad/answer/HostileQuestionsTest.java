package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.isnad.archive.Document;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear message or a normal answer: never an exception, never an unverified quote. */
class HostileQuestionsTest {

    @TempDir
    static Path dir;
    static IsnadIndex index;
    static AnswerService answers;

    @BeforeAll
    static void buildIndex() {
        index = SampleIndex.build(dir);
        answers = SampleIndex.service(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static Stream<String> hostile() {
        return Stream.of(
                "", " ", "\t\n  \u00A0", "???", "؟؟؟!!...", "😀😀🔥", "🇵🇸", "\u200f\u200e",
                "موسكو ".repeat(2000), "x".repeat(10_000), "When ".repeat(2500) + "Moscow?",
                "title:موسكو AND text:(حماس OR فتح)~2 \\ * ?", "موسكو\" OR \"*:*", "+-&&||!(){}[]^\"~*?:\\/",
                "<script>alert('x')</script>من دعت روسيا إلى موسكو؟", "<b>Who</b> did <i>Russia</i> invite?",
                "&lt;&gt;&amp;", "\u0000\u0001\u0002 موسكو", "SELECT * FROM docs; DROP TABLE x;--",
                "[1] [2] [99]", "مَنْ دَعَتْ رُوسْيَا إِلَى مُوسْكُو؟", "ـــــــ", "1234567890");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileQuestionGetsAClearMessageOrANormalAnswer(String q) {
        Answer a = answers.ask(AskRequest.of(q));
        assertThat(a).isNotNull();
        assertThat(a.answer()).isNotBlank();
        assertThat(a.language()).isIn("ar", "en");
        assertThat(a.notes()).noneMatch(n -> n.startsWith("error"));
        if (!a.answered()) {
            assertThat(a.citations()).isEmpty();
        }
        for (Citation c : a.citations()) {
            String text = index.document(c.docId()).map(Document::text).orElseThrow();
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.quote());
        }
    }

    @Test
    void emptyAndWordlessQuestionsSaySoPlainly() {
        assertThat(answers.ask(AskRequest.of("   ")).answer()).isEqualTo("Please ask a question: the message was empty.");
        assertThat(answers.ask(AskRequest.of("😀 ?!")).answer())
                .isEqualTo("Please ask a question in words: the message had no letters or digits.");
        assertThat(answers.ask(AskRequest.of(null)).answered()).isFalse();
        assertThat(answers.ask(null).answered()).isFalse();
    }

    @Test
    void markupIsReadAsTextAndStillAnswered() {
        Answer a = answers.ask(AskRequest.of("<script>alert('x')</script>من دعت روسيا إلى موسكو؟"));
        assertThat(a.answered()).isTrue();
        assertThat(a.answer()).doesNotContain("<script>");
    }

    @Test
    void diacritizedQuestionIsAnsweredLikeThePlainOne() {
        Answer a = answers.ask(AskRequest.of("مَنْ دَعَتْ رُوسْيَا إِلَى مُوسْكُو؟"));
        assertThat(a.answered()).isTrue();
    }

    @Test
    void tenThousandCharactersAreAnsweredQuickly() {
        long t0 = System.nanoTime();
        Answer a = answers.ask(AskRequest.of("لماذا تستضيف موسكو هذه المحادثات؟ " + "كلام ".repeat(2000)));
        assertThat(a.answer()).isNotBlank();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }
}
