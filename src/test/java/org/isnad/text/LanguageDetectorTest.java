package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "من دعت روسيا إلى موسكو؟",
        "متى؟",
        "لماذا تستضيف موسكو هذه المحادثات؟",
        "إذا كنتم تدافعون عن الحقيقة والعدالة، شاركوا هذا الفيديو #FreeGaza #PalestineSolidarity #GazaGenocide #UNRWA",
        "ما موقف NATO من الحرب؟",
        "#فلسطين #اسرائیل #غزة",
        "این یک جمله فارسی است",
        "هل زار Putin موسكو https://example.com/very/long/english/path?query=words",
    })
    void arabicScriptTextIsArabic(String text) {
        assertThat(detector.detect(text)).isEqualTo(Language.AR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Who did Russia invite to Moscow?",
        "When?",
        "What is the capital of Peru?",
        "Putin invited Hamas to Moscow talks #موسكو",
        "Friday, January 4, 2019",
        "An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia.",
    })
    void englishTextIsEnglish(String text) {
        assertThat(detector.detect(text)).isEqualTo(Language.EN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"😀🔥🇵🇸", "   ", "?!...", "12345 678", "Привет, как дела?", "这是中文",
        "Le président est arrivé dans la ville pour les négociations avec des délégués"})
    void textThatIsNeitherIsOther(String text) {
        assertThat(detector.detect(text)).isEqualTo(Language.OTHER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@france24 وجاء هذا الإعلان|AR",
        "@france24 #Gaza This announcement came|EN",
    })
    void mentionsAndHashtagsDoNotDecide(String text, Language expected) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }
}
