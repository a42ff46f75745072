package org.isnad.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.isnad.answer.llm.QuoteLocator.LocatedAnswer;
import org.isnad.answer.llm.QuoteLocator.LocatedQuote;
import org.junit.jupiter.api.Test;

class QuoteLocatorTest {

    private final SampleArchive sample = new SampleArchive();
    private final QuoteLocator ar = new QuoteLocator(PromptTemplate.load("ar", "llm-notices", 1));
    private final QuoteLocator en = new QuoteLocator(PromptTemplate.load("en", "llm-notices", 1));

    private final LlmPassage invitation = sample.containing("وجهت روسيا الدعوة");
    private final LlmPassage lead = sample.containing("اتخذت روسيا خطوة");
    private final LlmPassage putin = sample.containing("هذه مهمة إنسانية نبيلة");
    private final LlmPassage relations = sample.containing("وتوترت العلاقات");
    private final List<LlmPassage> four = List.of(lead, invitation, relations, putin);

    private void assertExact(LocatedAnswer a) {
        for (LocatedQuote q : a.quotes()) {
            assertThat(sample.text().substring(q.start(), q.end())).isEqualTo(q.quote());
        }
    }

    @Test
    void faithfulQuoteIsMappedToExactOffsetsInTheDocument() {
        LocatedAnswer a = ar.locate(
                "دعت روسيا الفصائل إلى موسكو: «وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو» [2].",
                four);
        assertThat(a.quotes()).hasSize(1);
        LocatedQuote q = a.quotes().get(0);
        assertThat(q.quote()).isEqualTo("وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو");
        assertThat(q.start()).isEqualTo(sample.text().indexOf(q.quote()));
        assertThat(q.passage()).isEqualTo(invitation);
        assertThat(a.text()).isEqualTo("دعت روسيا الفصائل إلى موسكو: «" + q.quote() + "» [1].");
        assertThat(a.removed()).isEmpty();
        assertExact(a);
    }

    @Test
    void quoteCopiedWithOtherDiacriticsAlefsDigitsQuotationMarksAndSpacesStillMatches() {
        // The source has “محمد اشتية” and tanween on منحىً; the model drops the marks, writes ٢٠ and plain alef.
        LocatedAnswer a = en.locate("The PA prime minister, «رئيس وزراء السلطة الفلسطينية \"محمد اشتية\"  خلال مقابلة عامة» [1], spoke.",
                List.of(lead));
        assertThat(a.quotes()).hasSize(1);
        assertThat(a.quotes().get(0).quote()).isEqualTo("رئيس وزراء السلطة الفلسطينية “محمد اشتية” خلال مقابلة عامة");
        assertExact(a);

        LocatedAnswer b = ar.locate("«بينما تتخذ الحرب منحى عالميا» [1]", List.of(sample.passages().get(0)));
        assertThat(b.quotes()).singleElement().satisfies(q -> assertThat(q.quote()).isEqualTo("بينما تتخذ الحرب منحىً عالميًّا"));
        assertExact(b);

        LocatedAnswer c = ar.locate("«فبراير ٢٠، ٢٠٢٤» [1]", List.of(lead));
        assertThat(c.quotes()).singleElement().satisfies(q -> assertThat(q.quote()).isEqualTo("فبراير ۲۰، ۲۰۲٤"));
        assertExact(c);
    }

    @Test
    void inventedQuoteIsWithheldAndTheAnswerSaysSo() {
        LocatedAnswer a = en.locate("Putin said «روسيا ستقود مفاوضات السلام وحدها» [4]. Russia invited the factions «وجهت روسيا الدعوة لكافة الفصائل الفلسطينية» [2].",
                four);
        assertThat(a.quotes()).singleElement().satisfies(q -> assertThat(q.passage()).isEqualTo(invitation));
        assertThat(a.text()).doesNotContain("روسيا ستقود").contains("[quotation withheld]")
                .contains("could not be verified").contains("«وجهت روسيا الدعوة لكافة الفصائل الفلسطينية» [1]");
        assertThat(a.withheld()).isEqualTo(1);
        assertThat(a.removed()).singleElement().asString().startsWith("quote[4]:not-in-sources:");
        assertExact(a);
    }

    @Test
    void citationOfANonexistentPassageIsRemovedAndAQuoteFoundElsewhereIsRecited() {
        LocatedAnswer a = en.locate("Relations were strained [5]. Putin called it «إبادة جماعية» [7], and said «واجبنا المقدس» [4].",
                four);
        assertThat(a.text()).isEqualTo("Relations were strained. Putin called it «إبادة جماعية» [1], and said «واجبنا المقدس» [2].");
        assertThat(a.quotes()).extracting(LocatedQuote::passage).containsExactly(relations, putin);
        assertThat(a.removed()).containsExactly("marker[5]:no-such-passage", "marker[7]:no-such-passage",
                "quote[7]:recited-to[3]");
        assertExact(a);
    }

    @Test
    void quoteFoundOnlyInAnotherPassageIsCitedToThatPassage() {
        LocatedAnswer a = en.locate("He said «هذه مهمة إنسانية نبيلة ومهمة للغاية» [1].", four);
        assertThat(a.quotes()).singleElement().satisfies(q -> assertThat(q.passage()).isEqualTo(putin));
        assertThat(a.text()).endsWith("[1].");
        assertThat(a.removed()).containsExactly("quote[1]:recited-to[4]");
    }

    @Test
    void markersAreRenumberedInOrderOfAppearanceAndRepeatedQuotesShareANumber() {
        LocatedAnswer a = ar.locate("«واجبنا المقدس» [4] ثم «إبادة جماعية» [3] ثم «واجبنا المقدس» [4] [4].", four);
        assertThat(a.text()).isEqualTo("«واجبنا المقدس» [1] ثم «إبادة جماعية» [2] ثم «واجبنا المقدس» [1].");
        assertThat(a.quotes()).extracting(LocatedQuote::n).containsExactly(1, 2);
    }

    @Test
    void bareMarkerCitesTheQuoteTakenFromItsPassageOrElseTheWholePassage() {
        LocatedAnswer a = en.locate("Relations soured [3]. Putin spoke of a sacred duty [4], «واجبنا المقدس» [4].", four);
        assertThat(a.quotes()).hasSize(2);
        LocatedQuote whole = a.quotes().get(0);
        assertThat(whole.wholePassage()).isTrue();
        assertThat(whole.quote()).isEqualTo(relations.text().strip());
        assertThat(a.text()).isEqualTo("Relations soured [1]. Putin spoke of a sacred duty [2], «واجبنا المقدس» [2].");
        assertExact(a);
    }

    @Test
    void unmarkedQuoteIsVerifiedToo() {
        LocatedAnswer ok = en.locate("Putin called the war “إبادة جماعية” in the report.", four);
        assertThat(ok.quotes()).singleElement().satisfies(q -> assertThat(q.passage()).isEqualTo(relations));
        assertThat(ok.text()).isEqualTo("Putin called the war “إبادة جماعية” [1] in the report.");

        LocatedAnswer bad = en.locate("Putin said \"we will win everything\" yesterday.", four);
        assertThat(bad.quotes()).isEmpty();
        assertThat(bad.text()).startsWith("Putin said [quotation withheld] yesterday.");
    }

    @Test
    void textWithoutQuotesOrMarkersPassesThroughWithNoCitations() {
        LocatedAnswer a = en.locate("The sources do not answer this question.", four);
        assertThat(a.quotes()).isEmpty();
        assertThat(a.text()).isEqualTo("The sources do not answer this question.");
        assertThat(ar.locate("", four).quotes()).isEmpty();
    }

    @Test
    void quoteWithElidedWordsBecomesExactPartsOfTheSamePassage() {
        LocatedAnswer a = ar.locate("قال: «وجهت روسيا الدعوة لكافة الفصائل الفلسطينية … في موسكو» [2]", four);
        assertThat(a.quotes()).extracting(LocatedQuote::quote)
                .containsExactly("وجهت روسيا الدعوة لكافة الفصائل الفلسطينية", "في موسكو");
        assertThat(a.quotes().get(1).start()).isGreaterThan(a.quotes().get(0).end());
        assertThat(a.text()).isEqualTo("قال: «وجهت روسيا الدعوة لكافة الفصائل الفلسطينية» [1] … «في موسكو» [2]");
        assertThat(a.removed()).containsExactly("quote[2]:split-at-ellipsis[2]");
        assertExact(a);

        LocatedAnswer invented = ar.locate("«وجهت روسيا الدعوة … إلى واشنطن» [2]", four);
        assertThat(invented.quotes()).isEmpty();
        assertThat(invented.withheld()).isEqualTo(1);
    }
}
