package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.isnad.index.Analyzers;
import org.isnad.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuestionAnalyzerTest {

    static final Analyzers ANALYZERS = new Analyzers();
    static final QuestionAnalyzer ANALYZER = new QuestionAnalyzer(ANALYZERS, Glossary.load("glossary.tsv", ANALYZERS), FreeDict.NONE);

    static Question q(String s) {
        return ANALYZER.analyze(s, s, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "من دعت روسيا إلى موسكو؟|WHO", "مَن الذي دعا الفصائل؟|WHO", "ومن حضر المؤتمر؟|WHO",
        "متى ستجتمع الفصائل؟|WHEN", "في أي يوم يبدأ المؤتمر؟|WHEN", "ما موعد الاجتماع؟|WHEN",
        "أين ستجتمع الفصائل؟|WHERE", "في أي مدينة عقد المؤتمر؟|WHERE",
        "لماذا تستضيف موسكو المحادثات؟|WHY", "لمَ دعت روسيا الفصائل؟|WHY", "ما سبب التوتر بين روسيا وإسرائيل؟|WHY",
        "ما دوافع روسيا؟|WHY", "كم عدد الفصائل؟|HOW_MANY", "هل ستحضر حماس؟|YES_NO",
        "ما هي الفصائل المدعوة؟|WHAT", "ماذا قال بوتين؟|WHAT", "أخبرني عن موسكو|OTHER",
        "Who did Russia invite?|WHO", "Whom did Putin meet?|WHO", "When will the factions meet?|WHEN",
        "What date is the meeting?|WHEN", "Where will they meet?|WHERE", "In which city is the conference?|WHERE",
        "Why is Moscow hosting the talks?|WHY", "What is the reason for the talks?|WHY",
        "How many factions were invited?|HOW_MANY", "How much aid was sent?|HOW_MANY",
        "Is Hamas attending?|YES_NO", "Did Russia invite Fatah?|YES_NO", "Can the talks succeed?|YES_NO",
        "What did Putin say?|WHAT", "Which factions attend?|WHAT", "Moscow talks|OTHER"})
    void typeComesFromTheQuestionWords(String question, QuestionType type) {
        assertThat(q(question).type()).isEqualTo(type);
    }

    @Test
    void keyTermsDropQuestionWordsAndStopwords() {
        assertThat(q("من دعت روسيا إلى موسكو؟").keyTerms()).containsExactly("دعت", "روسيا", "موسكو");
        assertThat(q("When will the Palestinian factions meet in Moscow?").keyTerms())
                .containsExactly("Palestinian", "factions", "meet", "Moscow");
    }

    @Test
    void namesAreEntitiesInBothLanguages() {
        assertThat(q("من دعت روسيا إلى موسكو؟").entities()).containsExactly("روسيا", "موسكو");
        assertThat(q("Did Mikhail Bogdanov invite Hamas to Moscow?").entities()).contains("Mikhail Bogdanov", "Hamas", "Moscow");
        assertThat(q("What did Philippe Turle say?").entities()).containsExactly("Philippe Turle");
    }

    @Test
    void englishWordsAreTranslatedThroughTheGlossaryOneGroupPerWord() {
        Question q = q("Who did Russia invite to Moscow?");
        TermGroup invite = q.groups().stream().filter(g -> g.label().equals("invite")).findFirst().orElseThrow();
        assertThat(invite.arabic()).contains(List.of("دعو"), List.of("دعا"));
        TermGroup pa = q("What did the Palestinian Authority say?").groups().get(0);
        assertThat(pa.label()).isEqualTo("Palestinian Authority");
        assertThat(pa.arabic()).contains(List.of("سلط", "فلسطين"));
    }

    @Test
    void countryNamesComeFromTheJdk() {
        TermGroup peru = q("What is the capital of Peru?").groups().stream()
                .filter(g -> g.label().equals("Peru")).findFirst().orElseThrow();
        assertThat(peru.arabic()).contains(List.of("بيرو"));
        TermGroup chile = q("Who governs Chile?").groups().stream()
                .filter(g -> g.label().equals("Chile")).findFirst().orElseThrow();
        assertThat(chile.arabic()).isNotEmpty();
    }

    @Test
    void arabicQuestionsAboutEnglishTextGetEnglishNames() {
        TermGroup putin = q("ماذا قال بوتين؟").groups().stream().filter(g -> g.label().equals("بوتين")).findFirst().orElseThrow();
        assertThat(putin.english()).contains(List.of("putin"));
        assertThat(q("ماذا قال بوتين؟").language()).isEqualTo(Language.AR);
    }

    @Test
    void stemsDoNotTurnWordsIntoNames() {
        TermGroup say = q("Why does Putin say that?").groups().stream()
                .filter(g -> g.label().equals("say")).findFirst().orElse(null);
        if (say != null) {
            assertThat(say.entity()).isFalse();
        }
    }
}
