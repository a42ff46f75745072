package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "أحمد|احمد",
        "إسرائيل|اسرائيل",
        "آذار|اذار",
        "ٱلله|الله",
        "مستشفى|مستشفي",
        "الفلسطينية|الفلسطينيه",
        "مُحَمَّدٌ|محمد",
        "عالميًّا|عالميا",
        "هٰذا|هذا",
        "مـــوسـكو|موسكو",
        "۲۰۲٤|2024",
        "٢٠٢٤|2024",
        "ایران کشور|ايران كشور",
        "NATO Moscow|nato moscow",
        "Élysée|élysée",
    })
    void foldsSpellingVariants(String in, String out) {
        assertThat(ArabicNormalizer.normalize(in)).isEqualTo(out);
    }

    @Test
    void plainNormalizeKeepsQuotesAndSpacing() {
        assertThat(ArabicNormalizer.normalize("قال:  “نعم”")).isEqualTo("قال:  “نعم”");
    }

    @Test
    void mappedVariantFoldsQuotesAndCollapsesWhiteSpace() {
        NormalizedText nt = ArabicNormalizer.normalizeWithMap("قال:  “نعم” «لا» „ja‟ 'x' ‘y’ ″z″\t\n\"w\"");
        assertThat(nt.text()).isEqualTo("قال: \"نعم\" \"لا\" \"ja\" \"x\" \"y\" \"z\" \"w\"");
    }

    @Test
    void mappedVariantAgreesWithPlainNormalizeOnOrdinaryText() {
        String s = "وقال اشتية: وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في ٢٦ الشهر الجاري";
        assertThat(ArabicNormalizer.normalizeWithMap(s).text()).isEqualTo(ArabicNormalizer.normalize(s));
    }

    @Test
    void everyNormalizedCharacterMapsBackToTheCharacterThatProducedIt() {
        String s = "  وقال اشتية:  “وجّهت روسيا الدعوة لكافّة الفصائل في ۲۶ الشهر الجاري”\n\nPutin SAID «yes» ـــ مُحَمَّدٌ";
        NormalizedText nt = ArabicNormalizer.normalizeWithMap(s);
        for (int i = 0; i < nt.length(); i++) {
            char orig = s.charAt(nt.map()[i]);
            char norm = nt.text().charAt(i);
            if (norm == ' ') {
                assertThat(Character.isWhitespace(orig)).isTrue();
            } else {
                assertThat(ArabicNormalizer.normalizeWithMap(String.valueOf(orig)).text()).isEqualTo(String.valueOf(norm));
            }
            if (i > 0) {
                assertThat(nt.map()[i]).isGreaterThan(nt.map()[i - 1]);
            }
        }
    }

    @Test
    void aMatchInNormalizedTextMapsToExactOriginalOffsets() {
        String source = "وقال اشتية: “وجّهت روسيا الدعوة لكافّة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو”.";
        String quote = "وجهت روسيا الدعوة لكافة الفصائل";
        NormalizedText nt = ArabicNormalizer.normalizeWithMap(source);
        int at = nt.text().indexOf(ArabicNormalizer.normalizeWithMap(quote).text());
        assertThat(at).isGreaterThan(0);
        int start = nt.originalStart(at);
        int end = nt.originalEnd(at + ArabicNormalizer.normalizeWithMap(quote).length());
        assertThat(source.substring(start, end)).isEqualTo("وجّهت روسيا الدعوة لكافّة الفصائل");
    }

    @Test
    void endOffsetTakesAlongTrailingDiacritics() {
        String source = "جاء مُحَمَّدٌ أمس";
        NormalizedText nt = ArabicNormalizer.normalizeWithMap(source);
        int at = nt.text().indexOf("محمد");
        assertThat(source.substring(nt.originalStart(at), nt.originalEnd(at + 4))).isEqualTo("مُحَمَّدٌ");
    }

    @Test
    void quoteWithOtherQuotationMarksAndSpacingStillMatches() {
        String source = "ووصفها بوتين بأنها  “إبادة   جماعية”.";
        String quote = "بأنها \"إبادة جماعية\"";
        NormalizedText nt = ArabicNormalizer.normalizeWithMap(source);
        String q = ArabicNormalizer.normalizeWithMap(quote).text();
        int at = nt.text().indexOf(q);
        assertThat(source.substring(nt.originalStart(at), nt.originalEnd(at + q.length())))
                .isEqualTo("بأنها  “إبادة   جماعية”");
    }

    @Test
    void emptyAndDiacriticOnlyInputs() {
        assertThat(ArabicNormalizer.normalizeWithMap("").text()).isEmpty();
        NormalizedText marks = ArabicNormalizer.normalizeWithMap("ًٌٍَُ");
        assertThat(marks.text()).isEmpty();
        assertThat(marks.originalStart(0)).isEqualTo(5);
    }

    @Test
    void findOriginalLocatesAFoldedQuoteInTheSource() {
        String source = "وقال اشتية: “وجّهت روسيا الدعوة”. ثم قال: “وجّهت روسيا الدعوة” مرة أخرى.";
        NormalizedText nt = ArabicNormalizer.normalizeWithMap(source);
        int[] first = nt.findOriginal("\"وجهت روسيا الدعوة\"", 0);
        assertThat(source.substring(first[0], first[1])).isEqualTo("“وجّهت روسيا الدعوة”");
        int[] second = nt.findOriginal("وجهت روسيا", first[1]);
        assertThat(second[0]).isGreaterThan(first[1]);
        assertThat(source.substring(second[0], second[1])).isEqualTo("وجّهت روسيا");
        assertThat(nt.findOriginal("موسكو", 0)).isNull();
        assertThat(nt.findOriginal("  ", 0)).isNull();
    }
}
