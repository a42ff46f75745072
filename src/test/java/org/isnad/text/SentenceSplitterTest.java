package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text) {
        List<Sentence> list = splitter.split(text);
        assertInvariants(text, list);
        return list.stream().map(s -> s.of(text)).toList();
    }

    /** Every sentence is its own substring, trimmed, non-empty, in order and non-overlapping. */
    static void assertInvariants(String text, List<Sentence> list) {
        int previousEnd = 0;
        int previousParagraph = -1;
        for (Sentence s : list) {
            String sub = text.substring(s.start(), s.end());
            assertThat(sub).isNotEmpty().isEqualTo(sub.strip());
            assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.paragraph()).isGreaterThanOrEqualTo(previousParagraph);
            assertThat(sub).doesNotContain("\n");
            previousEnd = s.end();
            previousParagraph = s.paragraph();
        }
    }

    @Test
    void arabicAndEnglishSentenceEnds() {
        assertThat(sentences("جاء الوفد. هل وصل؟ نعم! وانتهى؛ ثم غادر… Who came? They did! Done."))
                .containsExactly("جاء الوفد.", "هل وصل؟", "نعم!", "وانتهى؛", "ثم غادر…", "Who came?", "They did!", "Done.");
    }

    @Test
    void arabicCommaAndSemicolonDoNotEndSentences() {
        assertThat(sentences("ومن بينها حماس، والجهاد؛ وفتح. Hamas, Jihad; and Fatah came."))
                .containsExactly("ومن بينها حماس، والجهاد؛", "وفتح.", "Hamas, Jihad; and Fatah came.");
    }

    @Test
    void noSplitInsideDecimals() {
        assertThat(sentences("Quarterly profits jumped 76% to $1.13bn from $639m. The growth was ٣٫٥ و 3.5 بالمئة."))
                .containsExactly("Quarterly profits jumped 76% to $1.13bn from $639m.", "The growth was ٣٫٥ و 3.5 بالمئة.");
    }

    @Test
    void noSplitAfterAbbreviationsAndInitials() {
        assertThat(sentences("Mr. Smith met Dr. Jones in the U.S. on Monday. The U.N. envoy, e.g. Mr. Lee, agreed."))
                .containsExactly("Mr. Smith met Dr. Jones in the U.S. on Monday.", "The U.N. envoy, e.g. Mr. Lee, agreed.");
        assertThat(sentences("قال د. محمد إن أ. د. سامي وصل. وانتهى اللقاء."))
                .containsExactly("قال د. محمد إن أ. د. سامي وصل.", "وانتهى اللقاء.");
        assertThat(sentences("ويعد بولتون، الذي عين محل إتش.آر. مكماستر، من الصقور. وبثت بي. بي. سي الخبر."))
                .containsExactly("ويعد بولتون، الذي عين محل إتش.آر. مكماستر، من الصقور.", "وبثت بي. بي. سي الخبر.");
        assertThat(sentences("J. K. Rowling wrote it. Feb. 20 was the day."))
                .containsExactly("J. K. Rowling wrote it.", "Feb. 20 was the day.");
    }

    @Test
    void noSplitInsideUrlsAndEmails() {
        assertThat(sentences("See https://www.france24.com/ar/news?id=3&x=1 for more. Write to info@isnad.org.uk now. Done."))
                .containsExactly("See https://www.france24.com/ar/news?id=3&x=1 for more.", "Write to info@isnad.org.uk now.", "Done.");
        assertThat(sentences("زوروا موقع alarabiya.net للمزيد. شكرا."))
                .containsExactly("زوروا موقع alarabiya.net للمزيد.", "شكرا.");
    }

    @Test
    void closingQuotationMarkBelongsToTheSentenceItEnds() {
        assertThat(sentences("وقال: “وجهت روسيا الدعوة في موسكو.” ثم غادر. He said: \"It is over.\" Then left. «نعم؟» قال."))
                .containsExactly("وقال: “وجهت روسيا الدعوة في موسكو.”", "ثم غادر.", "He said: \"It is over.\"",
                        "Then left.", "«نعم؟»", "قال.");
    }

    @Test
    void quotationEndingBeforeThePeriod() {
        String text = "وقال اشتية: “وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو”. وتشمل الفصائل السلطة.";
        assertThat(sentences(text)).containsExactly(
                "وقال اشتية: “وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو”.",
                "وتشمل الفصائل السلطة.");
    }

    @Test
    void lowerCaseWordAfterPeriodContinuesTheSentence() {
        assertThat(sentences("The index rose approx. five points. Then it fell."))
                .containsExactly("The index rose approx. five points.", "Then it fell.");
    }

    @Test
    void ellipsisRunsAndMixedMarksStayTogether() {
        assertThat(sentences("ماذا؟! لا أعرف... ربما. Really?!! Yes."))
                .containsExactly("ماذا؟!", "لا أعرف...", "ربما.", "Really?!!", "Yes.");
    }

    @Test
    void arabicPeriodWithoutFollowingSpaceStillEnds() {
        assertThat(sentences("انتهى الاجتماع.وبدأت المحادثات.")).containsExactly("انتهى الاجتماع.", "وبدأت المحادثات.");
    }

    @Test
    void listNumbersAtLineStartDoNotSplit() {
        assertThat(sentences("1. First point here.\n2. Second point.")).containsExactly("1. First point here.", "2. Second point.");
    }

    @Test
    void linesAreParagraphsAndBlankLinesAreNotCounted() {
        String text = "First line. Still first.\n\n  \nSecond line\nThird.";
        List<Sentence> list = splitter.split(text);
        assertInvariants(text, list);
        assertThat(list).extracting(Sentence::paragraph).containsExactly(0, 0, 1, 2);
    }

    @Test
    void veryLongSentenceIsCutAtAClauseBoundary() {
        String clause = "وقالت الوزارة إن الوفد سيحضر حفل الاختتام في العاصمة الكورية الجنوبية بعد محادثات طويلة، ";
        String text = clause.repeat(20).strip() + ".";
        List<Sentence> list = splitter.split(text);
        assertInvariants(text, list);
        assertThat(list).hasSizeGreaterThan(1);
        for (Sentence s : list) {
            assertThat(s.end() - s.start()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE);
        }
        assertThat(list.get(0).of(text)).endsWith("،");
        assertThat(list.get(list.size() - 1).end()).isEqualTo(text.length());
    }

    @Test
    void longTextWithoutAnyBoundaryStaysOneSentence() {
        String text = "كلمة ".repeat(300).strip();
        assertThat(splitter.split(text)).hasSize(1);
    }

    @Test
    void transcriptTurnsGiveTheirSentencesTheSpeaker() {
        String text = "النص العربي:\n"
                + "مذيع الأخبار: من المقرر أن تجتمع الفصائل الفلسطينية في موسكو في 26 الشهر الجاري. كيف ولماذا تحاول موسكو القيام بذلك؟\n"
                + "فيليب تورو: حسنًا، أعتقد أن وفقًا للمسؤولين الفلسطينيين، يوجد عدة أسباب. لذا فإن تلك الفصائل ستأتي إلى موسكو في 29 شباط/ فبراير.\n"
                + "بوتين: هذه مهمة إنسانية نبيلة ومهمة للغاية.\n"
                + "Putin: We see what is happening there.\n"
                + "JOHN SMITH: Thank you. Good night.\n"
                + "وقال اشتية: “وجهت روسيا الدعوة”.";
        List<Sentence> list = splitter.split(text);
        assertInvariants(text, list);
        assertThat(list).extracting(s -> s.of(text) + " | " + s.speaker()).containsExactly(
                "النص العربي: | null",
                "من المقرر أن تجتمع الفصائل الفلسطينية في موسكو في 26 الشهر الجاري. | مذيع الأخبار",
                "كيف ولماذا تحاول موسكو القيام بذلك؟ | مذيع الأخبار",
                "حسنًا، أعتقد أن وفقًا للمسؤولين الفلسطينيين، يوجد عدة أسباب. | فيليب تورو",
                "لذا فإن تلك الفصائل ستأتي إلى موسكو في 29 شباط/ فبراير. | فيليب تورو",
                "هذه مهمة إنسانية نبيلة ومهمة للغاية. | بوتين",
                "We see what is happening there. | Putin",
                "Thank you. | JOHN SMITH",
                "Good night. | JOHN SMITH",
                "وقال اشتية: “وجهت روسيا الدعوة”. | null");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "النص العربي:",
        "وقال اشتية: “وجهت روسيا الدعوة لكافة الفصائل”.",
        "وأضافت الوزارة في بيان: إن الوفد سيحضر.",
        "The meeting was described in these terms: a failure.",
        "He said: we will win.",
        "وتوترت العلاقات بين روسيا وإسرائيل في أعقاب الحرب على غزة والتي وصفها بوتين بأنها: إبادة.",
        "Note: this story was updated.",
        "المصدر: وكالات",
        "https://www.france24.com/ar",
        "At 10:30 the talks began.",
        "للمزيد: اقرأ هنا",
    })
    void linesThatAreNotTurnsGetNoSpeaker(String line) {
        assertThat(splitter.split(line)).allSatisfy(s -> assertThat(s.speaker()).isNull());
    }

    @Test
    void realArabicNewsLinesSplitCleanly() {
        // ant-multisource-ar-5000.jsonl, AL-internationalNews-160-20180222
        String text = "أعلنت سيول، الخميس، أن جنرالا كوريا شماليا كبيرا سيحضر حفل اختتام الألعاب الأولمبية الشتوية الذي ستحضره أيضا #إيفانكا_ترمب ابنة الرئيس الأميركي، دونالد ترمب، في نهاية هذا الأسبوع.\n"
                + "وقالت وزارة التوحيد في بيان إن كيم يونغ شول، الذي يشرف على العلاقات بين الكوريتين في حزب العمال الحاكم في كوريا الشمالية، سيقود وفدا من ثمانية أعضاء إلى كوريا الجنوبية في زيارة تستمر من الجمعة إلى الأحد.";
        List<String> s = sentences(text);
        assertThat(s).hasSize(2);
        assertThat(s.get(1)).startsWith("وقالت وزارة التوحيد").endsWith("إلى الأحد.");
    }

    @Test
    void realEnglishNewsLinesSplitCleanly() {
        // bbc-news-2127.jsonl and wikinews-en-2019-2020-293.jsonl
        assertThat(sentences("Presenting his budget in the lower house of parliament, Mr Chidambaram said the Indian economy was performing strongly and that inflation has been reined in. He said India's economy grew 6.9% in 2004. In his budget Mr Chidambaram has:"))
                .containsExactly("Presenting his budget in the lower house of parliament, Mr Chidambaram said the Indian economy was performing strongly and that inflation has been reined in.",
                        "He said India's economy grew 6.9% in 2004.", "In his budget Mr Chidambaram has:");
        assertThat(sentences("More than 70 vendors were present at the event, coming from various parts of the U.S., including California and Florida. A mobile escape room was onsite."))
                .containsExactly("More than 70 vendors were present at the event, coming from various parts of the U.S., including California and Florida.",
                        "A mobile escape room was onsite.");
        assertThat(sentences("The 1.52 and 2.2m. The point is we always use the same instrument."))
                .containsExactly("The 1.52 and 2.2m.", "The point is we always use the same instrument.");
        assertThat(sentences("Phivolcs recorded 611 aftershocks as of Saturday 8:00 p.m. (1200 UTC). About 2.9 million people voted."))
                .hasSize(2);
    }

    @Test
    void theBundledSampleSplitsWithSpeakersAndExactOffsets() throws IOException {
        Path sample = Path.of("corpus/sample/moscow-talks-2024-02-20.ar.txt");
        if (!Files.exists(sample)) {
            sample = Path.of("/work/main/corpus/sample/moscow-talks-2024-02-20.ar.txt");
        }
        String text = TextTidy.tidy(Files.readString(sample));
        List<Sentence> list = splitter.split(text);
        assertInvariants(text, list);
        assertThat(list).anySatisfy(s -> {
            assertThat(s.of(text)).isEqualTo("لذا فإن تلك الفصائل ستأتي إلى موسكو في 29 شباط/ فبراير.");
            assertThat(s.speaker()).isEqualTo("فيليب تورو");
        });
        assertThat(list).anySatisfy(s -> {
            assertThat(s.of(text)).isEqualTo("وقال اشتية: “وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو”.");
            assertThat(s.speaker()).isNull();
        });
        assertThat(list).filteredOn(s -> "بوتين".equals(s.speaker())).hasSize(2);
        assertThat(list).filteredOn(s -> "مذيع الأخبار".equals(s.speaker())).hasSize(6);
    }

    @Test
    void emptyAndBlankTextGiveNoSentences() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(" \n\n\t")).isEmpty();
        assertThat(splitter.split(null)).isEmpty();
        assertThat(sentences("...")).containsExactly("...");
    }

    @Test
    void aLoneLabelLineIsAHeadlineNotASpeakerButATranscriptKeepsItsTurns() {
        SentenceSplitter splitter = new SentenceSplitter();
        String report = "مونديال روسيا: تعادل تونس مع البرتغال في مباراة ودية.\nوسجل المنتخب هدفين.";
        assertThat(splitter.split(report)).allSatisfy(s -> assertThat(s.speaker()).isNull());
        assertThat(report.substring(splitter.split(report).get(0).start())).startsWith("مونديال روسيا:");
        String transcript = "بوتين: سنواصل الحوار.\nاشتية: نرحب بالدعوة.";
        assertThat(splitter.split(transcript)).extracting(Sentence::speaker).containsExactly("بوتين", "اشتية");
    }
}
