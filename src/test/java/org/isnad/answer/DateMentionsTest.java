package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.isnad.text.DateMatch;
import org.junit.jupiter.api.Test;

class DateMentionsTest {

    final DateMentions dates = new DateMentions();
    static final LocalDate REF = LocalDate.of(2024, 2, 20);

    @Test
    void dayOfTheCurrentMonthResolvesAgainstTheDocumentDate() {
        String s = "للاجتماع في 26 الشهر الجاري في موسكو";
        var found = dates.findAll(s, REF);
        assertThat(found).extracting(DateMatch::date).containsExactly(LocalDate.of(2024, 2, 26));
        DateMatch m = found.get(0);
        assertThat(s.substring(m.start(), m.end())).isEqualTo("26 الشهر الجاري");
    }

    @Test
    void levantineAndEgyptianMonthNamesAndMissingYear() {
        assertThat(dates.findAll("ستأتي إلى موسكو في 29 شباط/ فبراير.", REF)).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2024, 2, 29));
        assertThat(dates.findAll("في 3 كانون الثاني 2023", REF)).extracting(DateMatch::date).containsExactly(LocalDate.of(2023, 1, 3));
        assertThat(dates.findAll("on February 29, 2024 and 1 March", REF)).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1));
    }

    @Test
    void persianDigitsAndTheDatelineAtTheStartOfADocument() {
        assertThat(dates.dateline("عنوان\nفبراير ۲۰، ۲۰۲٤اتخذت روسيا خطوة")).isEqualTo(REF);
        assertThat(dates.dateline("نص بلا تاريخ في أوله، وفيه كلام كثير قبل أن يذكر شيئا ثم 3 مارس 2020")).isNull();
    }

    @Test
    void wordsThatStartLikeMonthsAreNotDates() {
        assertThat(dates.findAll("قتل 10 ابناء في الهجوم", REF)).isEmpty();
        assertThat(dates.findAll("بلغ عدد القتلى 31 فبراير", REF)).isEmpty();
    }
}
