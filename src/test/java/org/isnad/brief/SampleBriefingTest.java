package org.isnad.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.audit.EntryKind;
import org.isnad.audit.LogEntry;
import org.isnad.audit.LogFilter;
import org.isnad.cli.IsnadCli;
import org.isnad.config.ConfigLoader;
import org.isnad.text.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Briefings on the bundled sample article: its key points, the framing language, the clear messages. */
class SampleBriefingTest {

    static final String SAMPLE = "sample/moscow-talks-2024-02-20.ar";

    @TempDir
    static Path dir;
    static Isnad isnad;

    @BeforeAll
    static void indexSample() {
        isnad = Isnad.open(new ConfigLoader(Map.of("ISNAD_DATA_DIR", dir.resolve("data").toString())).load());
        isnad.ensureSampleIndexed();
    }

    @AfterAll
    static void close() {
        isnad.close();
    }

    private static String quotes(Briefing b) {
        return String.join("\n", b.citations().stream().map(c -> c.quote()).toList());
    }

    @Test
    void documentBriefingInEnglishGivesTheSamplesKeyPointsAsArabicQuotes() {
        Briefing b = isnad.briefer().brief(BriefRequest.document(SAMPLE).inLanguage(Language.EN));
        assertThat(b.found()).isTrue();
        assertThat(b.language()).isEqualTo("en");
        assertThat(b.points()).hasSizeBetween(5, 8);
        String q = quotes(b);
        assertThat(q).as("the invitation").containsAnyOf("دعوة جميع حماس", "وجهت روسيا الدعوة");
        assertThat(q).as("the factions").contains("الجهاد الإسلامي").contains("منظمة التحرير");
        assertThat(q).as("the first date").contains("26 الشهر الجاري");
        assertThat(q).as("the second date").contains("29 شباط/ فبراير");
        assertThat(q).as("the motives").containsAnyOf("دوافع روسيا", "تأكيد نفوذها", "تأكيد سلطتها");
        assertThat(q).as("Putin's words").contains("بوتين");
        BriefChecks.allQuotesVerbatim(b, isnad.index());
        BriefChecks.noTwoPointsTheSameNews(b);
        assertThat(b.points()).allSatisfy(p -> assertThat(p.quote()).containsPattern("\\p{IsArabic}"));
        assertThat(b.citations()).anySatisfy(c -> {
            assertThat(c.quote()).contains("وجهت روسيا الدعوة");
            assertThat(c.speaker()).as("reported speech names its speaker").isEqualTo("اشتية");
        });
        // English framing: the headline and the key facts are English, names the gazetteer knows in English.
        assertThat(b.headline()).contains("key points").doesNotContain("\n");
        assertThat(b.facts().who()).contains("Hamas", "Islamic Jihad", "PLO", "Mohammad Shtayyeh");
        assertThat(b.facts().where()).contains("Moscow");
        String text = new BriefRenderer(isnad.briefer()).plainText(b);
        assertThat(text).contains("Key facts", "Who: ", "Where: ", "Period: ");
    }

    @Test
    void documentBriefingPointsFollowTheArticlesOrder() {
        Briefing b = isnad.briefer().brief(BriefRequest.document(SAMPLE));
        assertThat(b.language()).as("default: the document's language").isEqualTo("ar");
        List<Integer> starts = b.points().stream().map(p -> p.lead().start()).toList();
        assertThat(starts).isSorted();
        assertThat(new BriefRenderer(isnad.briefer()).plainText(b)).contains("حقائق أساسية", "من: ", "أين: ");
        assertThat(b.facts().who()).contains("حماس");
    }

    @Test
    void theTwoMeetingDatesAreNotedAsDiffering() {
        Briefing b = isnad.briefer().brief(BriefRequest.document(SAMPLE).inLanguage(Language.EN));
        assertThat(b.notes()).anySatisfy(n -> assertThat(n).contains("differ").contains("26 February 2024").contains("29 February 2024"));
    }

    @Test
    void arabicTopicOverTheSampleIsFramedInArabic() {
        Briefing b = isnad.briefer().brief(BriefRequest.topic("الفصائل الفلسطينية موسكو"));
        assertThat(b.found()).isTrue();
        assertThat(b.language()).isEqualTo("ar");
        assertThat(b.headline()).startsWith("الفصائل الفلسطينية موسكو:").contains("نقاط");
        BriefChecks.allQuotesVerbatim(b, isnad.index());
    }

    @Test
    void emptyTopicGetsAClearMessageNotAnEmptyBriefing() {
        for (String topic : new String[] {"", "   ", "\n\t"}) {
            Briefing b = isnad.briefer().brief(BriefRequest.topic(topic));
            assertThat(b.found()).isFalse();
            assertThat(b.points()).isEmpty();
            assertThat(b.message()).isNotBlank();
        }
        assertThat(isnad.briefer().brief(BriefRequest.topic(" ").inLanguage(Language.AR)).message()).contains("موضوع");
    }

    @Test
    void topicWithNoMatchingDocumentsGetsAClearMessage() {
        for (String topic : new String[] {"زرقاءمستحيلة", "?!؟...", "title:\"x\" AND (y*", "Peru capital llama", "في من على", "the of and"}) {
            Briefing b = isnad.briefer().brief(BriefRequest.topic(topic));
            assertThat(b.found()).as(topic).isFalse();
            assertThat(b.message()).as(topic).isNotBlank();
        }
        assertThat(isnad.briefer().brief(BriefRequest.topic("Peru capital llama")).message()).contains("No indexed documents match");
    }

    @Test
    void hostileTopicsGetABriefingOrAClearMessageNeverAnException() {
        BriefRenderer renderer = new BriefRenderer(isnad.briefer());
        for (String topic : new String[] {"موسكو ".repeat(2000), "<b>موسكو</b><script>x</script>", "موسكو*~ AND OR NOT \\ (",
                "🇷🇺🔥 موسكو", "\u0000\u202Eموسكو", "؟؟؟", "---", "\"\"", "12345"}) {
            Briefing b = isnad.briefer().brief(BriefRequest.topic(topic));
            if (b.found()) {
                assertThat(b.headline().length()).isLessThan(200);
                BriefChecks.allQuotesVerbatim(b, isnad.index());
            } else {
                assertThat(b.message()).isNotBlank().hasSizeLessThan(400);
            }
            assertThat(renderer.messages(b, BriefRenderer.TELEGRAM_LIMIT))
                    .allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(BriefRenderer.TELEGRAM_LIMIT));
        }
    }

    @Test
    void unknownDocumentGetsAClearMessage() {
        Briefing b = isnad.briefer().brief(BriefRequest.document("no/such-doc"));
        assertThat(b.found()).isFalse();
        assertThat(b.message()).contains("no/such-doc");
    }

    @Test
    void cliExitsOneWithTheMessageWhenNothingMatches() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int empty;
        int nothing;
        try {
            empty = IsnadCli.run(Map.of(), "--data", dir.resolve("cli").toString(), "brief", "");
            nothing = IsnadCli.run(Map.of(), "--data", dir.resolve("cli").toString(), "brief", "Peru capital llama");
        } finally {
            System.setErr(old);
        }
        assertThat(empty).isEqualTo(1);
        assertThat(nothing).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("topic", "No indexed documents match");
    }

    @Test
    void cliDocumentBriefingPrintsEnglishFramingAroundArabicQuotes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = IsnadCli.run(Map.of(), "--data", dir.resolve("cli").toString(), "brief", "--doc", SAMPLE, "--lang", "en");
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("key points", "Key facts", "«", "29 شباط/ فبراير");
    }

    @Test
    void everyCliBriefingIsLoggedAsABriefingWithItsCitations() {
        Path data = dir.resolve("logged");
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(IsnadCli.run(Map.of(), "--data", data.toString(), "brief", "--doc", SAMPLE)).isZero();
        } finally {
            System.setOut(old);
        }
        try (Isnad again = Isnad.open(new ConfigLoader(Map.of("ISNAD_DATA_DIR", data.toString())).load())) {
            var page = again.audit().list(LogFilter.all(), 1, 10);
            assertThat(page.entries()).hasSize(1);
            LogEntry e = again.audit().get(page.entries().getFirst().id()).orElseThrow();
            assertThat(e.kind()).isEqualTo(EntryKind.BRIEFING);
            assertThat(e.question()).isEqualTo("doc:" + SAMPLE);
            assertThat(e.answered()).isTrue();
            assertThat(e.citations()).hasSizeGreaterThanOrEqualTo(5);
            String text = again.index().document(SAMPLE).orElseThrow().text();
            assertThat(e.citations()).allSatisfy(c -> assertThat(text.substring(c.start(), c.end())).isEqualTo(c.quote()));
        }
    }
}
