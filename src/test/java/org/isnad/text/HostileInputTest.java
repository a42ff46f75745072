package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Whatever a user or a broken file sends, the text package answers quickly and never throws. */
class HostileInputTest {

    private static final List<String> INPUTS = List.of(
            "", " ", "\n\n\n", "?!?!?!", "😀🔥🇵🇸".repeat(500), "a".repeat(10_000), "ب".repeat(10_000),
            "A ".repeat(5_000), "Mr. ".repeat(2_500), "1.".repeat(5_000), ".".repeat(10_000), "“".repeat(10_000),
            "<script>alert('x')</script> AND OR \"*:~\\( -", "وقال ".repeat(2_000) + ":", "Putin said ".repeat(1_000),
            "فبراير ".repeat(1_500) + "2024", "26 الشهر الجاري ".repeat(600), "Monday Tuesday ".repeat(700),
            "\uFEFF\u200F\u200E\u061C", "\uD83D", "x:" + "y".repeat(10_000), "ً".repeat(10_000));

    @Test
    void everyEntryPointSurvivesHostileText() {
        SentenceSplitter splitter = new SentenceSplitter();
        DateParser dates = new DateParser();
        LanguageDetector detector = new LanguageDetector();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String s : INPUTS) {
                assertThatCode(() -> {
                    String tidy = TextTidy.tidy(s);
                    SentenceSplitterTest.assertInvariants(tidy, splitter.split(tidy));
                    SentenceSplitterTest.assertInvariants(s, splitter.split(s));
                    detector.detect(s);
                    ArabicNormalizer.normalize(s);
                    NormalizedText nt = ArabicNormalizer.normalizeWithMap(s);
                    assertThat(nt.map()).hasSize(nt.length());
                    Tokens.tokenize(s);
                    dates.parse(s);
                    dates.leadingDate(s);
                    dates.findMentions(s, LocalDate.of(2024, 2, 20));
                    dates.findAll(s, null);
                    SpeakerTurns.reportedSpeaker(s);
                    SpeakerTurns.turn(s);
                }).as(s.length() > 40 ? s.substring(0, 40) + "…" : s).doesNotThrowAnyException();
            }
        });
    }
}
