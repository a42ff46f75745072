package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.isnad.Json;
import org.isnad.archive.Document;
import org.isnad.index.IsnadIndex;
import org.isnad.text.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questions over the bundled sample, answered from a real index on disk. */
class SampleAnswersTest {

    @TempDir
    static Path dir;
    static IsnadIndex index;
    static AnswerService answers;
    static String text;

    @BeforeAll
    static void buildIndex() {
        index = SampleIndex.build(dir);
        answers = SampleIndex.service(index);
        text = index.document(SampleIndex.SAMPLE_ID).map(Document::text).orElseThrow();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static Answer ask(String q) {
        Answer a = answers.ask(AskRequest.of(q));
        assertQuotesExact(a);
        return a;
    }

    static void assertQuotesExact(Answer a) {
        for (Citation c : a.citations()) {
            String doc = index.document(c.docId()).map(Document::text).orElseThrow();
            assertThat(doc.substring(c.start(), c.end())).isEqualTo(c.quote());
        }
    }

    static String quotes(Answer a) {
        return String.join("\n", a.citations().stream().map(Citation::quote).toList());
    }

    @Test
    void whoDidRussiaInviteQuotesTheInvitedFactions() {
        Answer a = ask("من دعت روسيا إلى موسكو؟");
        assertThat(a.answered()).isTrue();
        assertThat(a.language()).isEqualTo("ar");
        assertThat(quotes(a)).contains("حماس").contains("الجهاد الإسلامي").contains("فتح").contains("منظمة التحرير");
        assertThat(a.citations()).hasSizeBetween(1, 4);
        assertThat(a.answer()).contains("[1]");
    }

    @Test
    void englishWhenQuestionCitesBothDatesAndSaysTheyDiffer() {
        Answer a = ask("When will the Palestinian factions meet in Moscow?");
        assertThat(a.answered()).isTrue();
        assertThat(a.language()).isEqualTo("en");
        assertThat(quotes(a)).contains("26 الشهر الجاري").contains("29 شباط/ فبراير");
        assertThat(a.answer()).contains("26 February 2024").contains("29 February 2024").contains("differ");
        assertThat(a.conflicts()).hasSize(1);
        Conflict c = a.conflicts().get(0);
        assertThat(c.about()).isEqualTo("date");
        assertThat(c.citations()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.citations()).allMatch(n -> n >= 1 && n <= a.citations().size());
    }

    @Test
    void arabicWhenQuestionResolvesTheRelativeDateAgainstTheArticleDate() {
        Answer a = ask("متى ستجتمع الفصائل الفلسطينية في موسكو؟");
        assertThat(a.answered()).isTrue();
        assertThat(a.answer()).contains("26 فبراير 2024").contains("29 فبراير 2024");
        assertThat(a.conflicts()).extracting(Conflict::about).containsExactly("date");
    }

    @Test
    void whyDoesMoscowHostTheTalksQuotesTheMotives() {
        Answer a = ask("لماذا تستضيف موسكو هذه المحادثات؟");
        assertThat(a.answered()).isTrue();
        assertThat(quotes(a)).contains("إظهار قوة روسيا كقوة إقليمية");
        assertThat(quotes(a)).contains("تأكيد نفوذها");
    }

    @Test
    void englishWhyQuestionGetsEnglishFramingAroundArabicQuotes() {
        Answer a = ask("Why is Moscow hosting the talks?");
        assertThat(a.answered()).isTrue();
        assertThat(a.answer()).startsWith("According to the Arabic article").contains("quoted in the original");
        assertThat(quotes(a)).contains("دوافع روسيا");
    }

    @Test
    void capitalOfPeruIsNotAnswered() {
        Answer a = ask("What is the capital of Peru?");
        assertThat(a.answered()).isFalse();
        assertThat(a.citations()).isEmpty();
        assertThat(a.answer()).isEqualTo("The indexed sources do not answer this question.");
    }

    @Test
    void unrelatedArabicQuestionIsNotAnswered() {
        Answer a = ask("ما هي عاصمة البيرو؟");
        assertThat(a.answered()).isFalse();
        assertThat(a.answer()).isEqualTo("لا تجيب المصادر المفهرسة عن هذا السؤال.");
        assertThat(ask("Who won the World Cup final in Qatar?").answered()).isFalse();
        assertThat(ask("كم عدد سكان اليابان؟").answered()).isFalse();
    }

    @Test
    void englishWhoQuestionAboutArabicArticleNamesTheFactions() {
        Answer a = ask("Who did Russia invite to Moscow?");
        assertThat(a.answered()).isTrue();
        assertThat(quotes(a)).contains("حماس").contains("فتح");
    }

    @Test
    void whoQuestionsInBothLanguagesFindTheEnvoy() {
        assertThat(quotes(ask("من هو المبعوث الخاص إلى الشرق الأوسط؟"))).contains("ميخائيل بوغدانوف");
        assertThat(quotes(ask("Who organized the conference as special envoy to the Middle East?"))).contains("بوغدانوف");
    }

    @Test
    void whereQuestionsInBothLanguagesQuoteThePlace() {
        Answer ar = ask("أين ستجتمع الفصائل الفلسطينية؟");
        assertThat(ar.answered()).isTrue();
        assertThat(quotes(ar)).contains("موسكو");
        Answer en = ask("Where was Shtayyeh interviewed?");
        assertThat(en.answered()).isTrue();
        assertThat(quotes(en)).contains("مؤتمر ميونيخ للأمن");
    }

    @Test
    void whatQuestionsInBothLanguagesQuoteTheWords() {
        Answer en = ask("What did Putin call the war on Gaza?");
        assertThat(en.answered()).isTrue();
        assertThat(quotes(en)).contains("إبادة جماعية");
        Answer ar = ask("ماذا وصف بوتين الحرب على غزة؟");
        assertThat(ar.answered()).isTrue();
        assertThat(quotes(ar)).contains("إبادة جماعية");
    }

    @Test
    void howManyQuestionsInBothLanguagesQuoteANumber() {
        Answer ar = ask("كم عدد الفصائل الفلسطينية التي ستشارك في المناقشات؟");
        assertThat(ar.answered()).isTrue();
        assertThat(quotes(ar)).contains("عشرات");
        Answer en = ask("How many Palestinian factions will take part in the talks?");
        assertThat(en.answered()).isTrue();
        assertThat(quotes(en)).contains("عشرات");
    }

    @Test
    void yesNoQuestionsInBothLanguagesQuoteTheEvidenceWithoutClaimingYesOrNo() {
        Answer ar = ask("هل ستحضر حماس المؤتمر؟");
        assertThat(ar.answered()).isTrue();
        assertThat(quotes(ar)).contains("ليس من الواضح ما إذا كانت حماس ستحضر المؤتمر");
        Answer en = ask("Will Hamas attend the conference?");
        assertThat(en.answered()).isTrue();
        assertThat(en.answer()).startsWith("The sources do not say yes or no outright.");
    }

    @Test
    void whyQuestionInEnglishAboutHelpingGazaQuotesPutin() {
        Answer a = ask("Why does Putin say helping Gaza is a duty?");
        assertThat(a.answered()).isTrue();
        assertThat(a.citations()).anyMatch(c -> "بوتين".equals(c.speaker()));
    }

    @Test
    void speakersComeFromTranscriptTurnsAndReportedSpeech() {
        Answer a = ask("When will the Palestinian factions meet in Moscow?");
        assertThat(a.citations()).extracting(Citation::speaker).contains("اشتية").contains("فيليب تورو");
    }

    @Test
    void citationsCarryDocumentMetadata() {
        Answer a = ask("من دعت روسيا إلى موسكو؟");
        Citation c = a.citations().get(0);
        assertThat(c.docId()).isEqualTo(SampleIndex.SAMPLE_ID);
        assertThat(c.title()).startsWith("يدعو بوتين حماس");
        assertThat(c.date()).isEqualTo("2024-02-20");
        assertThat(a.mode()).isEqualTo("extractive");
    }

    @Test
    void noTwoQuotesAreNearDuplicates() {
        for (String q : List.of("من دعت روسيا إلى موسكو؟", "When will the Palestinian factions meet in Moscow?",
                "لماذا تستضيف موسكو هذه المحادثات؟")) {
            List<Citation> cs = ask(q).citations();
            for (int i = 0; i < cs.size(); i++) {
                for (int j = i + 1; j < cs.size(); j++) {
                    assertThat(EvidenceSelector.jaccard(EvidenceSelector.words(cs.get(i).quote()),
                            EvidenceSelector.words(cs.get(j).quote()))).isLessThanOrEqualTo(0.6);
                }
            }
        }
    }

    @Test
    void forcedLanguageFramesTheAnswerInThatLanguage() {
        Answer a = answers.ask(new AskRequest("من دعت روسيا إلى موسكو؟", Language.EN));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.answer()).startsWith("According to");
    }

    @Test
    void answerSerialisesToTheAskJsonContract() throws Exception {
        Answer a = ask("When will the Palestinian factions meet in Moscow?");
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(a));
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("question", "language", "answered", "answer", "direct", "citations", "conflicts", "mode", "latencyMs");
        JsonNode direct = json.get("direct");
        assertThat(direct.get("text").asText()).contains("26 February 2024 [");
        for (JsonNode part : direct.get("parts")) {
            List<String> pf = new java.util.ArrayList<>();
            part.fieldNames().forEachRemaining(pf::add);
            assertThat(pf).containsExactly("part", "text", "source", "rendering");
            JsonNode src = part.get("source");
            assertThat(text.substring(src.get("start").asInt(), src.get("end").asInt())).isEqualTo(src.get("text").asText());
            assertThat(part.get("rendering").asText()).isIn("glossary", "cldr", "transliteration", "original", "date", "number");
        }
        JsonNode c = json.get("citations").get(0);
        List<String> cf = new java.util.ArrayList<>();
        c.fieldNames().forEachRemaining(cf::add);
        assertThat(cf).containsExactlyInAnyOrder("n", "docId", "title", "outlet", "date", "quote", "start", "end", "speaker");
        assertThat(text.substring(c.get("start").asInt(), c.get("end").asInt())).isEqualTo(c.get("quote").asText());
        assertThat(json.get("conflicts").get(0).get("citations").isArray()).isTrue();
    }
}
