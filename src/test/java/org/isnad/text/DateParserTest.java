package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.isnad.text.DateMention.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private final DateParser parser = new DateParser();
    private static final LocalDate SAMPLE_DATE = LocalDate.of(2024, 2, 20);

    /** Whole-string forms seen in the sample and the news files (date, date_raw, Wikinews date lines). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-02-20|2024-02-20",
        "2024-02-20T10:00:00+04:00|2024-02-20",
        "2018-02-22T13:05:48+04:00|2018-02-22",
        "2024-02-20T10:00:00Z|2024-02-20",
        "2024-02-20T10:00:00|2024-02-20",
        "2024-02-20 10:00:00|2024-02-20",
        "Thu, 22 Feb 2018 13:05:48 +0400|2018-02-22",
        "Tue, 15 May 2018 09:12:00 GMT|2018-05-15",
        "Sat, 3 Mar 2018 10:00:00 +0300|2018-03-03",
        "20 February 2024|2024-02-20",
        "February 20, 2024|2024-02-20",
        "Feb. 20, 2024|2024-02-20",
        "Feb 20 2024|2024-02-20",
        "20th February 2024|2024-02-20",
        "Friday, January 4, 2019|2019-01-04",
        "Sunday, December 1, 2019|2019-12-01",
        "فبراير ۲۰، ۲۰۲٤|2024-02-20",
        "فبراير 20، 2024|2024-02-20",
        "فبراير ٢٠، ٢٠٢٤|2024-02-20",
        "20 فبراير 2024|2024-02-20",
        "20 شباط 2024|2024-02-20",
        "20 شباط/ فبراير 2024|2024-02-20",
        "20 فبراير/شباط 2024|2024-02-20",
        "٢٠ شباط / فبراير ٢٠٢٤|2024-02-20",
        "الثلاثاء 20 فبراير 2024|2024-02-20",
        "الثلاثاء، 20 فبراير عام 2024م|2024-02-20",
        "20 فبراير سنة 2024|2024-02-20",
        "4 إبريل 2019|2019-04-04",
        "4 أبريل 2019|2019-04-04",
        "10 يونيه 2018|2018-06-10",
        "10 يوليه 2018|2018-07-10",
        "1 كانون الثاني 2019|2019-01-01",
        "31 كانون الأول 2018|2018-12-31",
        "9 تشرين الأول 2018|2018-10-09",
        "9 أكتوبر/تشرين أول 2018|2018-10-09",
        "2 تشرين الثاني 2018|2018-11-02",
        "15 آذار 2011|2011-03-15",
        "15 نيسان 2011|2011-04-15",
        "15 أيار 2011|2011-05-15",
        "5 حزيران 1967|1967-06-05",
        "14 تموز 2018|2018-07-14",
        "20 آب 2018|2018-08-20",
        "11 أيلول 2001|2001-09-11",
        "25 من مارس/آذار من عام 2015|2015-03-25",
        "السابع من مايو/أيار 2018|2018-05-07",
        "الحادي والعشرين من مارس 2018|2018-03-21",
        "20/2/2024|2024-02-20",
        "٢٠/٢/٢٠٢٤|2024-02-20",
        "20-02-2024|2024-02-20",
        "2/20/2024|2024-02-20",
        "2024/02/20|2024-02-20",
        "۲۰۲٤/۰۲/۲۰|2024-02-20",
    })
    void parsesWholeStringDates(String text, LocalDate expected) {
        assertThat(parser.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hello", "فبراير", "February", "2024", "20 February", "31 February 2024", "99/99/2024",
        "وجاء هذا الإعلان في 20 فبراير 2024 على لسان", "2024-13-40", "Thu, 22 Foo 2018"})
    void rejectsNonDates(String text) {
        assertThat(parser.parse(text)).isEmpty();
    }

    @Test
    void leadingDateGluedToTheFirstWord() {
        String line = "فبراير ۲۰، ۲۰۲٤اتخذت روسيا خطوة أكثر جدية";
        DateMatch m = parser.leadingDate(line).orElseThrow();
        assertThat(m.date()).isEqualTo(SAMPLE_DATE);
        assertThat(m.start()).isZero();
        assertThat(m.end()).isEqualTo(line.indexOf('٤') + 1);
        assertThat(line.substring(m.end())).startsWith("اتخذت");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Friday, January 4, 2019 The building collapsed|2019-01-04|Friday, January 4, 2019",
        "Friday, January 4, 2019|2019-01-04|Friday, January 4, 2019",
        "2024-02-20|2024-02-20|2024-02-20",
        "Thu, 22 Feb 2018 13:05:48 +0400|2018-02-22|Thu, 22 Feb 2018 13:05:48 +0400",
        "الثلاثاء 20 فبراير 2024 - موسكو|2024-02-20|الثلاثاء 20 فبراير 2024",
        "  20 شباط/ فبراير 2024 وصل الوفد|2024-02-20|20 شباط/ فبراير 2024",
    })
    void leadingDateAtLineStart(String line, LocalDate date, String expression) {
        DateMatch m = parser.leadingDate(line).orElseThrow();
        assertThat(m.date()).isEqualTo(date);
        assertThat(line.substring(m.start(), m.end())).isEqualTo(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"وجاء الإعلان في 20 فبراير 2024", "يدعو بوتين حماس لإجراء محادثات في موسكو", "فبراير 2024 كان شهرا",
        "20 فبراير وصل الوفد", "The 2024 talks"})
    void noLeadingDateElsewhere(String line) {
        assertThat(parser.leadingDate(line)).isEmpty();
    }

    @Test
    void theSampleArticleGivesBothMeetingDates() {
        String report = "وقال اشتية: “وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو”.";
        String transcript = "لذا فإن تلك الفصائل ستأتي إلى موسكو في 29 شباط/ فبراير. ومن بينها حماس";
        DateMention first = parser.findMentions(report, SAMPLE_DATE).get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2024, 2, 26));
        assertThat(first.relative()).isTrue();
        assertThat(first.precision()).isEqualTo(Precision.DAY);
        assertThat(report.substring(first.start(), first.end())).isEqualTo("26 الشهر الجاري");
        DateMention second = parser.findMentions(transcript, SAMPLE_DATE).get(0);
        assertThat(second.date()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(transcript.substring(second.start(), second.end())).isEqualTo("29 شباط/ فبراير");
        assertThat(parser.findAll(transcript, SAMPLE_DATE)).containsExactly(
                new DateMatch(LocalDate.of(2024, 2, 29), second.start(), second.end()));
    }

    /** Expressions from ant-multisource-ar-5000.jsonl, Wikinews and BBC bodies, resolved against a reference date. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // text | reference | expression | date | precision | relative
        "للاجتماع في 26 الشهر الجاري في موسكو|2024-02-20|26 الشهر الجاري|2024-02-26|DAY|true",
        "في الـ26 من الشهر الماضي|2024-02-20|الـ26 من الشهر الماضي|2024-01-26|DAY|true",
        "ستأتي إلى موسكو في 29 شباط/ فبراير.|2024-02-20|29 شباط/ فبراير|2024-02-29|DAY|true",
        "بتاريخ 9 أكتوبر/ تشرين الأول الجاري.|2018-10-12|9 أكتوبر/ تشرين الأول الجاري|2018-10-09|DAY|true",
        "إسطنبول 9 أكتوبر/ تشرين الأول الجاري،|2018-10-20|9 أكتوبر/ تشرين الأول الجاري|2018-10-09|DAY|true",
        "في 9 أكتوبر/تشرين أول من عام 2018، قال|2018-10-20|9 أكتوبر/تشرين أول من عام 2018|2018-10-09|DAY|false",
        "في 11 سبتمبر/أيلول من عام 2001 وقعت|2018-10-20|11 سبتمبر/أيلول من عام 2001|2001-09-11|DAY|false",
        "في 18 فبراير/ شباط الماضي وتوغلت|2018-03-05|18 فبراير/ شباط الماضي|2018-02-18|DAY|true",
        "في 20 يناير/كانون الثاني الماضي. وأدت|2018-03-05|20 يناير/كانون الثاني الماضي|2018-01-20|DAY|true",
        "الذي سيجري في الـ22 من أغسطس/ اب الجاري.|2018-08-10|الـ22 من أغسطس/ اب الجاري|2018-08-22|DAY|true",
        "في التاسع من أغسطس/آب، سجن رجل|2018-08-20|التاسع من أغسطس/آب|2018-08-09|DAY|true",
        "في الحادي والعشرين من مارس الحالي أمام المحكمة|2018-03-10|الحادي والعشرين من مارس الحالي|2018-03-21|DAY|true",
        "إطلاقها في فبراير/ شباط الماضي، و|2018-06-01|فبراير/ شباط الماضي|2018-02-01|MONTH|true",
        "منذ أكتوبر الماضي التي يرفع|2018-02-01|أكتوبر الماضي|2017-10-01|MONTH|true",
        "منصبه نهاية نوفمبر/ تشرين الثاني المقبل،|2018-10-01|نوفمبر/ تشرين الثاني المقبل|2018-11-01|MONTH|true",
        "وأطلق سراحه في تموز/يوليو 2017 بعد|2018-10-01|تموز/يوليو 2017|2017-07-01|MONTH|false",
        "يمتد حتى يونيو/حزيران من عام 2019.|2018-10-01|يونيو/حزيران من عام 2019|2019-06-01|MONTH|false",
        "قمة مع كيم في شهر يونيو/حزيران. وما زال|2018-04-01|شهر يونيو/حزيران|2018-06-01|MONTH|true",
        "الشهر المقبل|2024-02-20|الشهر المقبل|2024-03-01|MONTH|true",
        "الشهر القادم|2024-12-20|الشهر القادم|2025-01-01|MONTH|true",
        "وفي الشهر الماضي، قالت|2018-07-10|الشهر الماضي|2018-06-01|MONTH|true",
        "أواخر العام الماضي، وسباق|2018-03-01|العام الماضي|2017-01-01|YEAR|true",
        "الأسبوع المقبل|2024-02-20|الأسبوع المقبل|2024-02-27|WEEK|true",
        "للأنباء أمس، أن|2018-03-26|أمس|2018-03-25|DAY|true",
        "غداً في موسكو|2024-02-20|غداً|2024-02-21|DAY|true",
        "أول أمس في موسكو|2024-02-20|أول أمس|2024-02-18|DAY|true",
        "أعلنت سيول، الخميس، أن|2018-02-22|الخميس|2018-02-22|DAY|true",
        "يوم السبت الماضي. ويظهر|2018-02-14|يوم السبت الماضي|2018-02-10|DAY|true",
        "يوم الجمعة المقبل|2024-02-20|يوم الجمعة المقبل|2024-02-23|DAY|true",
        "تيريزا ماي، الاثنين، تسميم|2018-03-14|الاثنين|2018-03-12|DAY|true",
        "في عام 2011 إلى سبورتينغ|2018-03-01|عام 2011|2011-01-01|YEAR|false",
        "An apartment building collapsed on Monday in Magnitogorsk|2019-01-04|on Monday|2018-12-31|DAY|true",
        "rescuers ended their work yesterday.|2019-01-04|yesterday|2019-01-03|DAY|true",
        "The summit is due next month.|2019-01-04|next month|2019-02-01|MONTH|true",
        "prices fell last week|2019-01-04|last week|2018-12-28|WEEK|true",
        "talks resume tomorrow|2019-01-04|tomorrow|2019-01-05|DAY|true",
        "the vote on the 26th will|2019-01-04|on the 26th|2019-01-26|DAY|true",
        "the vote, due the 26th, will|2019-01-04|the 26th|2019-01-26|DAY|true",
        "held on the 2nd of next month|2019-01-04|on the 2nd of next month|2019-02-02|DAY|true",
        "which was reached in October, prices|2005-01-20|October|2004-10-01|MONTH|true",
        "a couple of gaffes in May. First, he|2020-06-10|May|2020-05-01|MONTH|true",
        "in 2004 while total revenues|2005-01-20|in 2004|2004-01-01|YEAR|false",
        "The deal was signed on 3 March 2019 in Paris|2019-06-01|3 March 2019|2019-03-03|DAY|false",
        "on January 4, 2019, officials|2019-06-01|January 4, 2019|2019-01-04|DAY|false",
        "published on 2019-01-04 by|2019-06-01|2019-01-04|2019-01-04|DAY|false",
    })
    void findsDateExpressionsInRunningText(String text, LocalDate reference, String expression, LocalDate date,
            Precision precision, boolean relative) {
        List<DateMention> found = parser.findMentions(text, reference);
        assertThat(found).anySatisfy(m -> {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(expression);
            assertThat(m.date()).isEqualTo(date);
            assertThat(m.precision()).isEqualTo(precision);
            assertThat(m.relative()).isEqualTo(relative);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "قالت شركة آبل إن الرسوم الجمركية",
        "مجال خدمات آبار النفط",
        "رئيس الوزراء الإثيوبي آبي أحمد",
        "ممارسة الجنس",
        "وحرمانه من ممارسة أي نشاط",
        "مارس الضغط على الحكومة",
        "مارس 20 عاما مهنة التدريس",
        "You may go now.",
        "We march on.",
        "As many as 20 may die.",
        "It marked the 26th anniversary of the war.",
        "Protesters march 20 miles.",
        "اتفق الاثنان على الحل",
        "العمل 21 ساعة في اليوم",
        "في نفس اليوم من عام",
        "حصل على 20 مليون دولار",
    })
    void wordsThatOnlyLookLikeDatesAreNotDates(String text) {
        assertThat(parser.findMentions(text, SAMPLE_DATE)).allSatisfy(m -> assertThat(m.precision()).isEqualTo(Precision.YEAR));
        assertThat(parser.findMentions(text, SAMPLE_DATE)).filteredOn(m -> m.precision() != Precision.YEAR).isEmpty();
    }

    @Test
    void relativeExpressionsNeedAReference() {
        String text = "في 26 الشهر الجاري، وأمس، والشهر المقبل، و29 شباط/ فبراير، وفي 20 فبراير 2024";
        List<DateMention> withoutReference = parser.findMentions(text, null);
        assertThat(withoutReference).hasSize(1);
        assertThat(withoutReference.get(0).date()).isEqualTo(SAMPLE_DATE);
        assertThat(parser.findMentions(text, SAMPLE_DATE)).hasSize(5);
    }

    @Test
    void dayAndMonthWithoutYearTakeTheNearestYear() {
        assertThat(parser.findMentions("في 29 ديسمبر", LocalDate.of(2024, 1, 3)).get(0).date()).isEqualTo(LocalDate.of(2023, 12, 29));
        assertThat(parser.findMentions("في 3 يناير", LocalDate.of(2023, 12, 29)).get(0).date()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(parser.findMentions("في 29 شباط", LocalDate.of(2023, 3, 1))).isEmpty();
    }

    @Test
    void mentionsAreInTextOrderAndDoNotOverlap() {
        String text = "الثلاثاء 20 فبراير 2024: قال إنهم سيجتمعون في 26 الشهر الجاري أو في 29 شباط/ فبراير، وليس الأسبوع المقبل.";
        List<DateMention> found = parser.findMentions(text, SAMPLE_DATE);
        assertThat(found).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("الثلاثاء 20 فبراير 2024", "26 الشهر الجاري", "29 شباط/ فبراير", "الأسبوع المقبل");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
    }

    @Test
    void spansMapBackThroughDiacriticsAndOddSpacing() {
        String text = "وصلوا يومَ  الخميسِ 22 فبرايرَ  ٢٠١٨م، ثم غادروا";
        DateMention m = parser.findMentions(text, null).get(0);
        assertThat(m.date()).isEqualTo(LocalDate.of(2018, 2, 22));
        assertThat(text.substring(m.start(), m.end())).isEqualTo("يومَ  الخميسِ 22 فبرايرَ  ٢٠١٨م");
    }

    @Test
    void emptyAndNullTextHaveNoMentions() {
        assertThat(parser.findAll(null, SAMPLE_DATE)).isEmpty();
        assertThat(parser.findAll("", SAMPLE_DATE)).isEmpty();
    }
}
