package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.answer.Conflict;
import org.isnad.archive.Document;
import org.isnad.index.DocInfo;
import org.isnad.index.IndexStats;
import org.isnad.text.Language;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {

    private final BotTexts texts = BotTexts.load();
    private final ReplyRenderer renderer = new ReplyRenderer(texts, new MessageSplitter());

    private static final String AR_QUOTE = "وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في موسكو";

    private static Answer answer(String lang, String text, List<Citation> citations, boolean answered) {
        return new Answer("q", lang, answered, text, citations, List.of(), "extractive", 3, List.of(), List.of());
    }

    private static Citation citation(int n, String quote, String title, String outlet, String date, String speaker) {
        return new Citation(n, "doc-" + n, title, outlet, date, quote, 10, 10 + quote.length(), speaker);
    }

    @Test
    void quotesGoInBlockquotesFollowedByTheirCitationLine() {
        List<String> out = renderer.answer(answer("en", "Russia invited the factions [1].",
                List.of(citation(1, "Russia invited all factions", "Talks in Moscow", "France 24", "2024-02-20", "Shtayyeh")), true), Language.EN);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isEqualTo("Russia invited the factions [1].\n\n"
                + "<blockquote>Russia invited all factions</blockquote>\n\n"
                + "<i>[1] Talks in Moscow — France 24, 2024-02-20; quoting Shtayyeh</i>");
        assertThat(TelegramHtml.problem(out.get(0))).isNull();
    }

    @Test
    void aCitedArticleWithAWebAddressHasItsTitleAsALinkAndNothingElseBecomesOne() {
        Answer a = answer("en", "Russia invited the factions [1] [2].",
                List.of(citation(1, "Russia invited all factions", "Talks & \"Moscow\"", "France 24", "2024-02-20", null),
                        citation(2, "They met on the 26th", "Other", "BBC", "2024-02-21", null)), true);
        String out = renderer.answer(a, Language.EN, null, java.util.Map.of(
                "doc-1", "https://www.france24.com/ar/a?x=1&y=2", "doc-2", "javascript:alert(1)")).get(0);
        assertThat(out).contains("<a href=\"https://www.france24.com/ar/a?x=1&amp;y=2\">Talks &amp; &quot;Moscow&quot;</a>")
                .contains("[2] Other").doesNotContain("javascript");
        assertThat(TelegramHtml.problem(out)).isNull();
        assertThat(ReplyRenderer.isWebAddress("file:///etc/passwd")).isFalse();
        assertThat(ReplyRenderer.isWebAddress("https://x.org/\"><script>")).isFalse();
        assertThat(ReplyRenderer.isWebAddress("corpus/sample/a.txt")).isFalse();
        assertThat(ReplyRenderer.isWebAddress("http://example.org/x")).isTrue();
    }

    @Test
    void aLongQuoteIsSentExpandableAShortOneIsNot() {
        String longQuote = "Russia invited all Palestinian factions to a meeting in Moscow, ".repeat(6).strip();
        String out = renderer.answer(answer("en", "Russia invited the factions [1] [2].",
                List.of(citation(1, "Russia invited all factions", "Talks", "France 24", "2024-02-20", null),
                        citation(2, longQuote, "Talks", "France 24", "2024-02-20", null)), true), Language.EN).get(0);
        assertThat(out).contains("<blockquote>Russia invited all factions</blockquote>", "<blockquote expandable>" + longQuote + "</blockquote>");
        assertThat(TelegramHtml.problem(out)).isNull();
    }

    @Test
    void aHugeTitleOutletOrSpeakerStillMakesOneMessage() {
        String huge = "Breaking news ".repeat(300_000); // a 4 MB og:title
        List<String> out = renderer.answer(answer("en", "Russia invited the factions [1].",
                List.of(citation(1, "Russia invited all factions", huge, huge, "2024-02-20", huge)), true), Language.EN);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).length()).isLessThan(1500);
    }

    @Test
    void everyStringFromAUserOrADocumentIsEscaped() {
        String out = renderer.answer(answer("en", "a <b>bold</b> & \"claim\" [1]",
                List.of(citation(1, "x < y && y > z </blockquote>", "T<i>", "O&O", "2024-01-01", "<script>")), true), Language.EN).get(0);
        assertThat(out).contains("a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;claim&quot;", "x &lt; y &amp;&amp; y &gt; z &lt;/blockquote&gt;",
                "T&lt;i&gt;", "O&amp;O", "&lt;script&gt;");
        assertThat(TelegramHtml.problem(out)).isNull();
    }

    @Test
    void arabicQuotesInAnEnglishReplyAreIsolatedAndNotTheOtherWayRound() {
        String en = renderer.answer(answer("en", "They were invited [1].",
                List.of(citation(1, AR_QUOTE, "يدعو بوتين حماس", "France 24", "2024-02-20", "اشتية")), true), Language.EN).get(0);
        assertThat(en).contains("<blockquote>\u2068" + AR_QUOTE + "\u2069</blockquote>", "[1] \u2068يدعو بوتين حماس\u2069 — France 24",
                "; quoting \u2068اشتية\u2069");
        String ar = renderer.answer(answer("ar", "دعت روسيا الفصائل [1].",
                List.of(citation(1, AR_QUOTE, "يدعو بوتين حماس", "France 24", "2024-02-20", null)), true), Language.AR).get(0);
        assertThat(ar).contains("<blockquote>" + AR_QUOTE + "</blockquote>", "— \u2068France 24\u2069، \u20662024-02-20\u2069");
        assertThat(ar).doesNotContain("\u2068" + AR_QUOTE);
    }

    @Test
    void runsOfTheOtherDirectionInsideTheAnswerTextAreIsolated() {
        assertThat(Html.mixed("According to “وجهت روسيا الدعوة” (2024) [1] & more", Language.EN))
                .isEqualTo("According to “\u2068وجهت روسيا الدعوة\u2069” (2024) [1] &amp; more");
        assertThat(Html.mixed("قال Vladimir Putin اليوم", Language.AR)).isEqualTo("قال \u2068Vladimir Putin\u2069 اليوم");
        assertThat(Html.mixed("plain English [1].", Language.EN)).isEqualTo("plain English [1].");
        // Several quotations in a row: each isolated on its own, nested marks inside, markers outside.
        assertThat(Html.mixed("In the original: “أولى.” [1] “قال “فلان” هنا.” [2]", Language.EN))
                .isEqualTo("In the original: “\u2068أولى.\u2069” [1] “\u2068قال “فلان” هنا.\u2069” [2]");
        assertThat(Html.mixed("بحسب «مقال» [1]", Language.AR)).isEqualTo("بحسب «مقال» [1]");
        String out = renderer.answer(answer("en", "Quoted: “" + AR_QUOTE + "” [1]",
                List.of(citation(1, AR_QUOTE, "T", "O", null, null)), true), Language.EN).get(0);
        assertThat(out).startsWith("Quoted: “\u2068" + AR_QUOTE + "\u2069” [1]");
    }

    @Test
    void numbersAndPunctuationAreNeverIsolated() {
        assertThat(Html.text("2024-02-20", Language.AR)).isEqualTo("2024-02-20");
        assertThat(Html.text("[1]", Language.AR)).isEqualTo("[1]");
        assertThat(Html.text("Moscow", Language.AR)).isEqualTo("\u2068Moscow\u2069");
        assertThat(Html.text("موسكو", Language.EN)).isEqualTo("\u2068موسكو\u2069");
    }

    @Test
    void anUnansweredQuestionSaysSoAndShowsTheClosestPassages() {
        String none = renderer.answer(answer("en", "", List.of(), false), Language.EN).get(0);
        assertThat(none).contains("The sources do not answer this");
        String closest = String.join("", renderer.answer(answer("en", "The sources do not answer this question.",
                List.of(citation(1, "something near", "T", "O", null, null)), false), Language.EN));
        assertThat(closest).contains("The closest passages", "<blockquote>something near</blockquote>", "[1] T — O</i>");
    }

    @Test
    void repliesAreTidyTheTitleOnceAConflictAndARefusalSaidOnce() {
        Citation a1 = new Citation(1, "doc-a", "Talks in Moscow", "France 24", "2024-02-20", "first quote", 0, 11, null);
        Citation a2 = new Citation(2, "doc-a", "Talks in Moscow", "France 24", "2024-02-20", "second quote", 20, 32, null);
        String out = String.join("", renderer.answer(answer("en", "Two quotes [1] [2].", List.of(a1, a2), true), Language.EN));
        assertThat(out.split("Talks in Moscow", -1)).hasSize(2); // the title once
        assertThat(out).contains("[2] — France 24, 2024-02-20"); // outlet and date beside the second quote too
        String note = "The sources differ on the date: 26 February 2024 [1]; 29 February 2024 [2].";
        Answer conflict = new Answer("q", "en", true, "According to the article: " + note, List.of(a1, a2),
                List.of(new Conflict("date", List.of(1, 2), note)), "extractive", 1, List.of(), List.of());
        assertThat(String.join("", renderer.answer(conflict, Language.EN)).split("The sources differ", -1)).hasSize(2);
        String refusal = String.join("", renderer.answer(answer("en", "The indexed sources do not answer this question.", List.of(), false), Language.EN));
        assertThat(refusal).contains("The indexed sources do not answer this question.").doesNotContain("The sources do not answer this");
    }

    @Test
    void aLatinRunHoldingDigitsStaysWholeInAnArabicLine() {
        String line = Html.mixed("بحسب France 24 اليوم", Language.AR);
        assertThat(line).contains("\u2068France 24\u2069");
    }

    @Test
    void conflictsAreShownWithTheirCitations() {
        Answer a = new Answer("q", "en", true, "Two dates [1] [2].", List.of(citation(1, "on the 26th", "A", "O", null, null),
                citation(2, "on the 29th", "B", "O", null, null)), List.of(new Conflict("date", List.of(1, 2), "The sources disagree on the date.")),
                "extractive", 1, List.of(), List.of());
        assertThat(renderer.answer(a, Language.EN).get(0)).contains("⚠️ [1][2] The sources disagree on the date.");
    }

    @Test
    void aReplyOverTheLimitIsSplitAtQuoteBoundariesIntoValidMessages() {
        List<Citation> cs = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            cs.add(citation(n, ("quote " + n + " & more words. ").repeat(60), "T" + n, "O", "2024-01-0" + n, null));
        }
        List<String> out = renderer.answer(answer("en", "Many quotes.", cs, true), Language.EN);
        assertThat(out.size()).isGreaterThan(1);
        for (String m : out) {
            assertThat(Html.parsedLength(m)).isLessThanOrEqualTo(MessageSplitter.LIMIT);
            assertThat(TelegramHtml.problem(m)).as(m).isNull();
        }
        // A quote and its citation line are never separated when they fit together.
        for (String m : out) {
            int open = m.split("<blockquote", -1).length - 1;
            int lines = m.split("<i>\\[", -1).length - 1;
            assertThat(open).isEqualTo(lines);
        }
    }

    @Test
    void aSingleQuoteLongerThanAMessageIsCutBetweenSentencesEachPieceInItsOwnBlockquote() {
        String longQuote = "This is one sentence of the quote & it goes on. ".repeat(200);
        List<String> out = renderer.answer(answer("en", "One long quote [1].", List.of(citation(1, longQuote, "T", "O", null, null)), true), Language.EN);
        assertThat(out.size()).isGreaterThanOrEqualTo(3);
        for (String m : out) {
            assertThat(Html.parsedLength(m)).isLessThanOrEqualTo(MessageSplitter.LIMIT);
            assertThat(TelegramHtml.problem(m)).isNull();
        }
        assertThat(out.get(1)).startsWith("<blockquote expandable>This is one sentence").contains("goes on.</blockquote>");
        assertThat(String.join("", out).replaceAll("<[^>]+>", "").replace("&amp;", "&").replaceAll("\\s+", " "))
                .contains(longQuote.strip().substring(0, 500));
    }

    @Test
    void theSourceViewShowsTheQuoteInBoldWithinItsParagraph() {
        String text = "Intro line.\nBefore the quote, " + AR_QUOTE + " & after it.\nNext paragraph.";
        int start = text.indexOf(AR_QUOTE);
        Document doc = new Document("d", "Title <x>", LocalDate.of(2024, 2, 20), "France 24", null, Language.EN, text, "h", "s");
        Citation c = new Citation(2, "d", "Title <x>", "France 24", "2024-02-20", AR_QUOTE, start, start + AR_QUOTE.length(), null);
        String view = renderer.source(c, doc, Language.EN).get(0);
        assertThat(view).contains("Source [2]", "Title &lt;x&gt;", "France 24", "2024-02-20",
                "<blockquote>Before the quote, <b>" + AR_QUOTE + "</b> &amp; after it.</blockquote>");
        assertThat(view).doesNotContain("Intro line", "Next paragraph");
        assertThat(TelegramHtml.problem(view)).isNull();
    }

    @Test
    void sourcesListsCountOutletsDatesAndLatestTitles() {
        DocInfo d1 = new DocInfo("a", "Newest <title>", LocalDate.of(2024, 3, 1), "Outlet A", null, Language.EN);
        DocInfo d2 = new DocInfo("b", "عنوان أقدم", LocalDate.of(2024, 1, 1), "Outlet B", null, Language.AR);
        IndexStats s = new IndexStats(2, 10, Map.of("en", 1, "ar", 1), Map.of("Outlet A", 1, "Outlet B", 1),
                d2.date(), d1.date(), List.of(d1, d2));
        String en = renderer.sources(s, Language.EN).get(0);
        assertThat(en).contains("2 documents", "2024-01-01", "2024-03-01", "Outlet A", "Newest &lt;title&gt;", "\u2068عنوان أقدم\u2069");
        assertThat(TelegramHtml.problem(en)).isNull();
        assertThat(renderer.sources(new IndexStats(0, 0, Map.of(), Map.of(), null, null, List.of()), Language.AR).get(0))
                .contains("فارغ");
    }

    @Test
    void welcomeListsTheExampleQuestionsItIsGivenOrSaysTheArchiveIsEmpty() {
        List<String> examples = List.of("Who did Russia invite to Moscow?", "What did the report “Putin & Hamas” say?");
        String w = renderer.welcome(examples, Language.EN).get(0);
        assertThat(w.split("\n•", -1).length - 1).isEqualTo(2);
        assertThat(w).contains("Who did Russia invite to Moscow?", "Putin &amp; Hamas");
        assertThat(TelegramHtml.problem(w)).isNull();
        String ar = renderer.welcome(examples, Language.AR).get(0);
        assertThat(ar).contains("أهلًا", "Who did Russia invite to Moscow?");
        assertThat(renderer.welcome(List.of(), Language.EN).get(0)).contains("empty");
    }

    @Test
    void everyTemplateRendersAsValidTelegramHtmlInBothLanguages() {
        for (Language l : List.of(Language.AR, Language.EN)) {
            for (String key : List.of("start.noExamples", "help", "about", "sources.empty", "lang.auto", "lang.usage",
                    "brief.unavailable", "brief.staffOnly", "review.unconfigured", "review.moderatorsOnly", "unknown.command",
                    "notice.text", "notice.flood", "notice.private", "notice.error", "answer.none", "answer.closest")) {
                String html = texts.html(l, key, Map.of("bot", "IsnadBot"));
                assertThat(html).as(l + "/" + key).isNotBlank();
                assertThat(TelegramHtml.problem(html)).as(l + "/" + key).isNull();
            }
        }
    }
}
