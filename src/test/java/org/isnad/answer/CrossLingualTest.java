package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arabic questions about English articles (names at least) and English questions about either. */
class CrossLingualTest {

    @TempDir
    static Path dir;
    static IsnadIndex index;
    static AnswerService answers;

    @BeforeAll
    static void build() {
        Path res = Path.of("src/test/resources/answer");
        index = SampleIndex.build(dir, res.resolve("articles-ar.jsonl"), res.resolve("articles-en.jsonl"));
        answers = SampleIndex.service(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void arabicQuestionAboutAnEnglishArticleGetsArabicFramingAroundEnglishQuotes() {
        Answer a = answers.ask(AskRequest.of("من هو بوريس جونسون؟"));
        assertThat(a.answered()).isTrue();
        assertThat(a.language()).isEqualTo("ar");
        assertThat(a.citations()).allMatch(c -> c.docId().equals("wikinews-2019-0076"));
        assertThat(a.answer()).startsWith("بحسب المقال الإنجليزي").contains("Boris Johnson");
    }

    @Test
    void englishQuestionAboutAnEnglishArticleQuotesIt() {
        Answer a = answers.ask(AskRequest.of("Who is the chief executive of Cairn Energy?"));
        assertThat(a.answered()).isTrue();
        assertThat(a.citations().get(0).quote()).contains("Bill Gammell");
        assertThat(a.answer()).startsWith("According to the article “Cairn Energy in Indian gas find”");
    }

    @Test
    void englishQuestionAboutAnArabicArticleUsesTheGlossary() {
        Answer a = answers.ask(AskRequest.of("Who is the Kremlin spokesman?"));
        assertThat(a.answered()).isTrue();
        assertThat(a.citations()).anyMatch(c -> c.quote().contains("بيسكوف"));
        assertThat(a.answer()).contains("the Arabic article");
    }
}
