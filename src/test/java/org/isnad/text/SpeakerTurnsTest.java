package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpeakerTurnsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "فيليب تورو: حسنًا، أعتقد أن وفقًا للمسؤولين|فيليب تورو",
        "مذيع الأخبار: من المقرر أن تجتمع الفصائل|مذيع الأخبار",
        "بوتين: هذه مهمة إنسانية نبيلة|بوتين",
        "Putin: We see what is happening|Putin",
        "JOHN SMITH: Good evening|JOHN SMITH",
        "NG: How did the study begin?|NG",
        "Frido Welker: We started in 2016.|Frido Welker",
        "((WN)) How did the study begin?|WN",
        "((Thomas Rivinius)) The 1.52 and 2.2m.|Thomas Rivinius",
        "Dr. Jane Goodall: Thank you|Dr. Jane Goodall",
        "وزير الخارجية: سنحضر|وزير الخارجية",
    })
    void lineOpeningWithANameAndColonIsATurn(String line, String speaker) {
        SpeakerTurns.Turn turn = SpeakerTurns.turn(line).orElseThrow();
        assertThat(turn.name()).isEqualTo(speaker);
        assertThat(line.substring(turn.nameStart(), turn.nameEnd())).isEqualTo(speaker);
        assertThat(line.charAt(turn.bodyStart())).isNotEqualTo(' ');
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "النص العربي:",
        "Putin:",
        "وقال اشتية: “وجهت روسيا الدعوة”",
        "أجابت نويرت قائلة: لا",
        "واختتم البيان: شكرا",
        "He said: yes",
        "this is what happened: nothing",
        "A very long label that goes on and on and on beyond forty chars: text",
        "one two three four five: text",
        "Time 10:30 today",
        "http://example.com",
        "Note: updated",
        "((WN))",
        "((a, b)) text",
        "Kamala Harris Image: Gage Skidmore.",
        "Children. Image: UNICEF.",
        "Subs Not Used: Smith, Jones.",
    })
    void otherLinesAreNotTurns(String line) {
        assertThat(SpeakerTurns.turn(line)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "وقال اشتية: “وجهت روسيا الدعوة لكافة الفصائل”.|اشتية",
        "وأضاف الرئيس الفلسطيني محمود عباس في كلمة إن الحرب يجب أن تتوقف.|الرئيس الفلسطيني محمود عباس",
        "وقالت وزارة التوحيد في بيان إن كيم يونغ شول سيقود وفدا.|وزارة التوحيد",
        "ويوضح “فيليب تورل” من قناة “فرانس 24 ” أن دوافع روسيا هي إظهار قوة روسيا.|فيليب تورل",
        "وأكد لافروف أن موسكو مستعدة.|لافروف",
        "صرّح المتحدث باسم الخارجية: \"لا تعليق\".|المتحدث باسم الخارجية",
        "Putin said: \"We will help.\"|Putin",
        "\"We will help\", said Putin.|Putin",
        "\"It is over,\" Vladimir Putin told reporters.|Vladimir Putin",
        "The talks failed, according to Reuters.|Reuters",
        "Mr Chidambaram said the Indian economy was performing strongly.|Mr Chidambaram",
    })
    void reportedSpeechNamesItsSpeaker(String sentence, String speaker) {
        assertThat(SpeakerTurns.reportedSpeaker(sentence)).contains(speaker);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "وقال إن الوضع صعب.",
        "وقال \"سنرد على أي هجوم\".",
        "He said the talks failed.",
        "They said nothing.",
        "وتوترت العلاقات بين روسيا وإسرائيل.",
        "The minister said Russia would attend.",
        "",
    })
    void noReportedSpeakerWhenThereIsNoName(String sentence) {
        assertThat(SpeakerTurns.reportedSpeaker(sentence)).isEmpty();
    }

    @Test
    void nullSentenceHasNoSpeaker() {
        assertThat(SpeakerTurns.reportedSpeaker(null)).isEmpty();
    }
}
