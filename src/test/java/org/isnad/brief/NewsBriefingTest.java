package org.isnad.brief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.answer.Citation;
import org.isnad.cli.IsnadCli;
import org.isnad.config.ConfigLoader;
import org.isnad.ingest.IngestListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Briefings over the bundled sample plus the 5,000 real Arabic news articles (indexed once for the class). */
class NewsBriefingTest {

    @TempDir
    static Path dir;
    static Isnad isnad;

    @BeforeAll
    static void indexSampleAndNews() {
        assertThat(BriefChecks.newsAr()).as("../shared/eval beside the repository").exists();
        isnad = Isnad.open(new ConfigLoader(Map.of("ISNAD_DATA_DIR", dir.resolve("data").toString())).load());
        isnad.ensureSampleIndexed();
        var report = isnad.ingester().ingest(List.of(BriefChecks.newsAr()), false, IngestListener.NONE);
        assertThat(report.added()).isEqualTo(5000);
    }

    @AfterAll
    static void close() {
        isnad.close();
    }

    @Test
    void russiaBriefingHasFivePointsFromThreeDocumentsAllVerbatimAndDistinct() {
        Briefing b = isnad.briefer().brief(BriefRequest.topic("روسيا"));
        assertThat(b.found()).isTrue();
        assertThat(b.language()).isEqualTo("ar");
        assertThat(b.points()).hasSizeBetween(5, 8);
        assertThat(b.points().stream().map(p -> p.lead().docId()).distinct().count()).isGreaterThanOrEqualTo(3);
        BriefChecks.allQuotesVerbatim(b, isnad.index());
        BriefChecks.noTwoPointsTheSameNews(b);
        assertThat(b.headline()).contains("روسيا").doesNotContain("\n");
        assertThat(b.facts().where()).contains("روسيا");
        assertThat(b.facts().who()).isNotEmpty();
        assertThat(b.period().from()).isNotNull();
    }

    @Test
    void pointsAreOrderedByDate() {
        Briefing b = isnad.briefer().brief(BriefRequest.topic("روسيا"));
        List<String> dates = b.points().stream().map(BriefPoint::date).toList();
        assertThat(dates).isSorted();
        assertThat(b.period().from()).isEqualTo(dates.getFirst());
    }

    @Test
    void dateFilterKeepsOnlyDocumentsInTheRange() {
        LocalDate from = LocalDate.parse("2018-07-01");
        LocalDate to = LocalDate.parse("2018-08-31");
        Briefing b = isnad.briefer().brief(BriefRequest.topic("روسيا").between(from, to));
        assertThat(b.points()).hasSizeGreaterThanOrEqualTo(3);
        for (Citation c : b.citations()) {
            assertThat(LocalDate.parse(c.date())).isBetween(from, to);
        }
        BriefChecks.allQuotesVerbatim(b, isnad.index());
    }

    @Test
    void outletFilterKeepsOnlyThatOutlet() {
        Briefing b = isnad.briefer().brief(BriefRequest.topic("روسيا").fromOutlet("bbc"));
        assertThat(b.points()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(b.citations()).extracting(Citation::outlet).containsOnly("BBC");
        assertThat(b.points()).allSatisfy(p -> assertThat(p.outlets()).containsOnly("BBC"));
    }

    @Test
    void filtersThatMatchNothingGiveAClearMessage() {
        Briefing b = isnad.briefer().brief(BriefRequest.topic("روسيا").between(LocalDate.parse("2030-01-01"), null));
        assertThat(b.found()).isFalse();
        assertThat(b.points()).isEmpty();
        assertThat(b.message()).contains("روسيا").contains("2030-01-01");
    }

    @Test
    void englishTopicFindsArabicNewsThroughKnownNames() {
        Briefing b = isnad.briefer().brief(BriefRequest.topic("Russia"));
        assertThat(b.found()).isTrue();
        assertThat(b.language()).isEqualTo("en");
        assertThat(b.headline()).startsWith("Russia:").contains("points");
        assertThat(b.points()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(b.points()).allSatisfy(p -> assertThat(p.quote()).containsPattern("\\p{IsArabic}"));
        assertThat(b.facts().where()).contains("Russia");
        BriefChecks.allQuotesVerbatim(b, isnad.index());
    }

    @Test
    void everyBriefingFitsTelegramMessagesWithEveryQuoteWhole() {
        BriefRenderer renderer = new BriefRenderer(isnad.briefer());
        for (String topic : List.of("روسيا", "إيران", "كأس العالم", "ترامب", "سوريا")) {
            Briefing b = isnad.briefer().brief(BriefRequest.topic(topic));
            List<String> messages = renderer.messages(b, BriefRenderer.TELEGRAM_LIMIT);
            assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(BriefRenderer.TELEGRAM_LIMIT));
            String all = String.join("\n", messages);
            assertThat(b.points()).allSatisfy(p -> assertThat(messages).anySatisfy(m -> assertThat(m).contains(p.quote())));
            assertThat(b.citations()).allSatisfy(c -> assertThat(all).contains("[" + c.n() + "]"));
            BriefChecks.allQuotesVerbatim(b, isnad.index());
            BriefChecks.noTwoPointsTheSameNews(b);
        }
    }

    @Test
    void briefingOnAnAnswersDocumentsDrawsOnEachOfThem() {
        List<String> ids = List.of("sample/moscow-talks-2024-02-20.ar", "BB-internationalNews-64-20180226");
        Briefing b = isnad.briefer().brief(BriefRequest.documents(ids).inLanguage(org.isnad.text.Language.EN));
        assertThat(b.found()).isTrue();
        assertThat(b.points()).hasSizeBetween(3, 8);
        assertThat(b.points().stream().map(p -> p.lead().docId()).distinct()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(b.headline()).contains("key points from 2 documents");
        BriefChecks.allQuotesVerbatim(b, isnad.index());
        BriefChecks.noTwoPointsTheSameNews(b);
    }

    @Test
    void cliJsonCarriesHeadlinePointsCitationsOutletsFactsAndPeriod() throws Exception {
        isnad.index().commit();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = IsnadCli.run(Map.of(), "--data", dir.resolve("data").toString(), "brief", "--json", "روسيا");
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        JsonNode j = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(j.get("headline").asText()).contains("روسيا");
        assertThat(j.get("points").size()).isGreaterThanOrEqualTo(5);
        JsonNode c = j.get("points").get(0).get("citations").get(0);
        assertThat(c.fieldNames()).toIterable().contains("n", "docId", "title", "outlet", "date", "quote", "start", "end", "speaker");
        assertThat(j.get("points").get(0).get("outlets").size()).isPositive();
        assertThat(j.get("facts").get("who").size()).isPositive();
        assertThat(j.get("period").get("from").asText()).startsWith("2018-");
        String docs = "" + j.get("points").findValues("docId").stream().map(JsonNode::asText).collect(Collectors.toSet()).size();
        assertThat(Integer.parseInt(docs)).isGreaterThanOrEqualTo(3);
    }
}
