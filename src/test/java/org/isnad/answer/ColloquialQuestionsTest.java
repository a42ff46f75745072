package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Colloquial Arabic (Levantine, Egyptian, Gulf) and informal English, as subscribers write: the
 * question words give the type, and they, the particles and the fillers are never key terms, in any
 * spelling (without hamza, ة as ه, ى as ي). The words come from the cue lexicon files.
 */
class ColloquialQuestionsTest {

    static Question q(String s) {
        return QuestionAnalyzerTest.q(s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ليش الارجنتين لغت الودية مع اسرائيل؟|WHY", "ليه الرقابه سحبت ترخيص الفيلم؟|WHY",
        "وين انعقد اجتماع اليونسكو؟|WHERE", "فين اتقبض على المتهم؟|WHERE",
        "مين سجل اول هدف للارجنتين؟|WHO", "امتى هيفتح المتحف؟|WHEN", "إمتى هيفتح المتحف؟|WHEN",
        "قديش عدد مستخدمين تيليجرام؟|HOW_MANY", "سامسونج هتدفع كام لأبل؟|HOW_MANY",
        "شو قال زيدان عن استقالته؟|WHAT", "وش الفريق اللي بيروح له انييستا؟|WHAT",
        "how long is the prison sentence|HOW_MANY"})
    void colloquialQuestionWordsGiveTheType(String question, QuestionType type) {
        assertThat(q(question).type()).isEqualTo(type);
    }

    @Test
    void colloquialParticlesAndFillersAreNotKeyTerms() {
        assertThat(q("قديش عدد مستخدمين تيليجرام بالعالم هلأ؟").keyTerms())
                .doesNotContain("قديش", "هلأ", "عدد").contains("تيليجرام");
        assertThat(q("شو قال زيدان بالزبط عن سبب استقالتو؟").keyTerms())
                .doesNotContain("شو", "بالزبط", "عن", "سبب").contains("زيدان");
        assertThat(q("مين اللي بيواجه مرسيليا دلوقتي؟").keyTerms())
                .doesNotContain("مين", "اللي", "دلوقتي").contains("مرسيليا");
    }

    @Test
    void spellingVariantsOfFillersAreFillersToo() {
        // ى for ي and no hamza: اللى, فى, امتى are the same words as اللي, في, إمتى
        assertThat(q("مين اللى فاز فى السباق امتى؟").keyTerms()).doesNotContain("مين", "اللى", "فى", "امتى");
        assertThat(q("what exactly did the minister say").keyTerms()).doesNotContain("exactly", "what", "did");
    }

    @Test
    void spokenPrefixesAreAlsoLookedForWithout() {
        // the progressive b-, the future ha-, the preposition b- that the light stemmer keeps
        // (as index terms: the light stemmer drops the final ه and ة)
        assertThat(alternatives(q("مين بيواجه مرسيليا؟"), "بيواجه")).contains(List.of("يواج"));
        assertThat(alternatives(q("سامسونج هتدفع كام لأبل؟"), "هتدفع")).contains(List.of("تدفع"));
        assertThat(alternatives(q("مين فاز بجائزة نوبل؟"), "بجائزة")).contains(List.of("جائز"));
        // a word too short to carry a prefix, or whose second letter cannot follow one, keeps its one form
        assertThat(alternatives(q("هيكل الحكومة الجديد؟"), "هيكل")).hasSize(1);
        assertThat(alternatives(q("مين حكم المباراة؟"), "حكم")).hasSize(1);
    }

    private static List<List<String>> alternatives(Question q, String label) {
        return q.groups().stream().filter(g -> g.label().equals(label)).findFirst().orElseThrow().arabic();
    }
}
