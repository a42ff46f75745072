package org.isnad.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

    private static String found(String text, String quote) {
        return FoldedText.of(text).locate(FoldedText.of(quote)).map(at -> text.substring(at[0], at[1])).orElse(null);
    }

    @Test
    void matchIsCutFromTheOriginalIncludingItsMarksAndQuotationMarks() {
        String text = "قال: “إنَّها إبادةٌ جماعيةٌ” أمس.";
        assertThat(found(text, "انها ابادة جماعية")).isEqualTo("إنَّها إبادةٌ جماعيةٌ");
        assertThat(found(text, "«إنها إبادة جماعية» أمس")).isEqualTo("إنَّها إبادةٌ جماعيةٌ” أمس");
    }

    @Test
    void whiteSpaceRunsCaseAndDigitsFold() {
        String text = "The  Talks\u00A0open on ٢٦ February.";
        assertThat(found(text, "talks open on 26")).isEqualTo("Talks\u00A0open on ٢٦");
    }

    @Test
    void wholeWordOccurrenceIsPreferredOverOneInsideAWord() {
        String text = "وقال اشتية ثم قال اشتية";
        String q = "قال اشتية";
        int[] at = FoldedText.of(text).locate(FoldedText.of(q)).orElseThrow();
        assertThat(at[0]).isEqualTo(text.lastIndexOf("قال"));
    }

    @Test
    void absentOrEmptyQuoteIsNotFound() {
        assertThat(found("روسيا وإسرائيل", "روسيا وأمريكا")).isNull();
        assertThat(found("روسيا", "  «» ")).isNull();
    }
}
