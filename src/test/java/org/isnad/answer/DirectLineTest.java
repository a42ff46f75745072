package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.isnad.answer.direct.DirectAnswer;
import org.isnad.answer.direct.DirectPart;
import org.isnad.index.IsnadIndex;
import org.isnad.text.DateParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct answer line: the answer itself, first, every part an exact span of a verified quote. */
class DirectLineTest {

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

    private static DirectAnswer direct(String question) {
        Answer a = answers.ask(AskRequest.of(question));
        assertThat(a.answered()).as(question).isTrue();
        assertThat(a.direct()).as(question).isNotNull();
        return a.direct();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "من دعت روسيا إلى موسكو؟", "متى ستجتمع الفصائل في موسكو؟", "لماذا تستضيف موسكو هذه المحادثات؟",
            "أين ستجتمع الفصائل الفلسطينية؟", "Who did Russia invite to Moscow, and when?", "Why does Moscow host the talks?",
            "Who is the chief executive of Cairn Energy?", "Who is the Kremlin spokesman?", "من هو بوريس جونسون؟",
            "When will the Palestinian factions meet in Moscow?", "ما هي دوافع روسيا؟", "كم عدد الفصائل؟"})
    void everyPartIsTheStoredTextAtItsOffsetsInsideItsQuote(String question) {
        Answer a = answers.ask(AskRequest.of(question));
        assertThat(a.answered()).as(question).isTrue();
        assertThat(a.direct().text()).as(question).isNotBlank();
        for (DirectPart p : a.direct().parts()) {
            if (!p.stated()) {
                continue;
            }
            Citation c = a.citations().get(p.source().citation() - 1);
            String stored = index.document(c.docId()).orElseThrow().text();
            assertThat(stored.substring(p.source().start(), p.source().end())).isEqualTo(p.source().text());
            assertThat(p.source().start()).isGreaterThanOrEqualTo(c.start());
            assertThat(p.source().end()).isLessThanOrEqualTo(c.end());
            assertThat(a.direct().text()).contains("[" + p.source().citation() + "]");
        }
    }

    @Test
    void whenStatesTheResolvedDateAndAnotherSourcesDate() {
        String line = direct("متى ستجتمع الفصائل في موسكو؟").text();
        assertThat(line).startsWith("26 شباط/فبراير 2024 [").contains("ويذكر مصدر آخر 29 شباط/فبراير 2024 [");
        assertThat(direct("When will the Palestinian factions meet in Moscow?").text())
                .startsWith("26 February 2024 [").contains("another source says 29 February 2024 [");
    }

    @Test
    void datesKeepThePrecisionTheSourceGives() {
        DateParser parser = new DateParser();
        var year = parser.findMentions("وقعت الحادثة في عام 2016 في المدينة", null);
        assertThat(year).hasSize(1);
        assertThat(org.isnad.answer.direct.DirectLineBuilder.dateText(year.get(0), org.isnad.text.Language.EN)).isEqualTo("2016");
        var month = parser.findMentions("في أيلول/سبتمبر 2017 أعلنت الحكومة", null);
        assertThat(org.isnad.answer.direct.DirectLineBuilder.dateText(month.get(0), org.isnad.text.Language.EN)).isEqualTo("September 2017");
        assertThat(org.isnad.answer.direct.DirectLineBuilder.dateText(month.get(0), org.isnad.text.Language.AR)).isEqualTo("أيلول/سبتمبر 2017");
        // a year or a month is no full date: it cannot conflict with a day
        assertThat(new DateMentions().findAll("وقعت الحادثة في عام 2016 في المدينة", null)).isEmpty();
    }

    @Test
    void whoNamesThePersonInAppositionToTheRoleAsked() {
        DirectAnswer d = direct("Who is the chief executive of Cairn Energy?");
        assertThat(d.parts()).first().satisfies(p -> {
            assertThat(p.part()).isEqualTo("who");
            assertThat(p.text()).isEqualTo("Bill Gammell");
        });
        assertThat(direct("من هو المبعوث الخاص إلى الشرق الأوسط؟").text()).startsWith("ميخائيل بوغدانوف [");
    }

    @Test
    void anEnglishReaderOfAnArabicSourceGetsNamesInEnglish() {
        DirectAnswer d = direct("Who did Russia invite to Moscow, and when?");
        assertThat(d.parts()).extracting(DirectPart::part).contains("who", "when");
        assertThat(d.text()).contains("Who: ").contains("When: 26 February 2024");
        for (DirectPart p : d.parts()) {
            assertThat(p.rendering()).isIn("glossary", "cldr", "transliteration", "date");
            assertThat(p.text().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                    .as(p.text()).isTrue();
        }
    }

    @Test
    void whyGivesTheReasonClauseFromItsCue() {
        DirectPart p = direct("لماذا تستضيف موسكو هذه المحادثات؟").parts().get(0);
        assertThat(p.part()).isEqualTo("why");
        assertThat(p.stated()).isTrue();
        assertThat(p.source().text().split("\\s+").length).isLessThanOrEqualTo(30);
    }

    @Test
    void aPartTheQuotesDoNotStateIsSaidToBeUnstated() {
        DirectAnswer d = direct("How many factions did Russia invite?");
        DirectPart p = d.parts().get(0);
        assertThat(p.part()).isEqualTo("how_many");
        if (!p.stated()) {
            assertThat(d.text()).startsWith("The sources mention").endsWith("but do not state how many.");
        } else {
            assertThat(p.source().text()).containsPattern("[0-9٠-٩]|عشرات|dozens");
        }
    }

    @Test
    void refusalsHaveNoDirectLine() {
        Answer a = answers.ask(AskRequest.of("What is the capital of Peru?"));
        assertThat(a.answered()).isFalse();
        assertThat(a.direct()).isNull();
    }

    @Test
    void multiPartQuestionsAreReadInOrder() {
        QuestionTypeDetector d = new QuestionTypeDetector();
        assertThat(d.parts(List.of("Who", "did", "Russia", "invite", "and", "when"), false)).containsExactly(QuestionType.WHEN);
        assertThat(d.parts(List.of("ليش", "روسيا", "دعت", "الفصائل", "وقديش", "عددهم"), true)).containsExactly(QuestionType.HOW_MANY);
        assertThat(d.parts(List.of("من", "دعت", "روسيا", "ومن", "أين"), true)).isEmpty();
    }
}
