package org.isnad.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.answer.Citation;
import org.isnad.config.ConfigLoader;
import org.isnad.ingest.RawDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same news from several outlets is one point; briefings fit Telegram's limit or split between blocks. */
class SameNewsAndLimitsTest {

    @TempDir
    Path dir;
    Isnad isnad;

    @BeforeEach
    void open() {
        isnad = Isnad.open(new ConfigLoader(Map.of("ISNAD_DATA_DIR", dir.toString())).load());
    }

    @AfterEach
    void close() {
        isnad.close();
    }

    private static RawDocument doc(String id, String outlet, String date, String text) {
        return new RawDocument(id, "خبر " + id, date, outlet, null, "ar", text, "test");
    }

    @Test
    void theSameNewsFromThreeOutletsIsOnePointListingThem() {
        String shared = "أعلنت وزارة الخارجية الروسية أن وفدا من حركة حماس سيزور موسكو الأسبوع المقبل لبحث المصالحة الفلسطينية.";
        isnad.ingester().ingestDocuments(List.of(
                doc("a", "BBC", "2018-03-01", shared + "\nوقال المتحدث إن الزيارة تأتي بدعوة رسمية من الكرملين لمناقشة الأوضاع في غزة."),
                doc("b", "CNN", "2018-03-01", "قالت مصادر مطلعة اليوم: " + shared + "\nوأضافت المصادر أن الوفد سيلتقي نائب وزير الخارجية الروسي في العاصمة."),
                doc("c", "SkyNews", "2018-03-02", shared + "\nوتأتي الزيارة بعد أسابيع من التوتر بين الفصائل الفلسطينية في قطاع غزة والضفة."),
                doc("d", "France24", "2018-03-03", "وفي سياق آخر، ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج.\nوقال محللون إن روسيا ستستفيد من ارتفاع الأسعار في موازنتها العامة هذا العام.")));
        Briefing b = isnad.briefer().brief(BriefRequest.topic("روسيا حماس موسكو"));
        assertThat(b.found()).isTrue();
        List<BriefPoint> withVisit = b.points().stream()
                .filter(p -> p.citations().stream().anyMatch(c -> c.quote().contains("سيزور موسكو"))).toList();
        assertThat(withVisit).hasSize(1);
        assertThat(withVisit.getFirst().outlets()).containsExactlyInAnyOrder("BBC", "CNN", "Sky News Arabia"); // SkyNews under its one name (ingest.outlets)
        assertThat(withVisit.getFirst().citations()).hasSize(3);
        BriefChecks.allQuotesVerbatim(b, isnad.index());
        BriefChecks.noTwoPointsTheSameNews(b);
        String text = new BriefRenderer(isnad.briefer()).plainText(b);
        assertThat(text).contains("ونقلته أيضًا");
    }

    @Test
    void aLongBriefingIsSplitBetweenBlocksIntoNumberedMessages() {
        List<BriefPoint> points = new ArrayList<>();
        String quote = "جملة طويلة ".repeat(55).strip();
        for (int i = 1; i <= 8; i++) {
            Citation c = new Citation(i, "d" + i, "عنوان " + i, "BBC", "2018-03-0" + i, quote + " " + i, 0, quote.length() + 2, null);
            points.add(new BriefPoint(i, "2018-03-0" + i, List.of(c), List.of("BBC"), 1));
        }
        Briefing b = new Briefing("t", "ar", true, null, "عنوان الإحاطة", points,
                new KeyFacts(List.of("حماس"), List.of("موسكو"), new Period("2018-03-01", "2018-03-08")),
                new Period("2018-03-01", "2018-03-08"), List.of(), List.of(), "extractive", 1);
        BriefRenderer r = new BriefRenderer(isnad.briefer());
        assertThat(r.plainText(b).length()).isGreaterThan(BriefRenderer.TELEGRAM_LIMIT);
        List<String> messages = r.messages(b, BriefRenderer.TELEGRAM_LIMIT);
        assertThat(messages).hasSizeGreaterThan(1);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(messages.get(i).length()).isLessThanOrEqualTo(BriefRenderer.TELEGRAM_LIMIT);
            assertThat(messages.get(i)).endsWith("(" + (i + 1) + "/" + messages.size() + ")");
        }
        for (BriefPoint p : points) {
            assertThat(messages).as("each quote whole in one message").anySatisfy(m -> assertThat(m).contains(p.quote()));
        }
        assertThat(messages.getFirst()).startsWith("عنوان الإحاطة");
        assertThat(messages.getLast()).contains("حقائق أساسية");
    }

    @Test
    void aShortBriefingIsOneMessage() {
        Citation c = new Citation(1, "d", "t", "BBC", "2018-03-01", "اقتباس قصير من المصدر نفسه هنا", 0, 30, null);
        Briefing b = new Briefing("t", "en", true, null, "Headline", List.of(new BriefPoint(1, "2018-03-01", List.of(c), List.of("BBC"), 1)),
                new KeyFacts(List.of(), List.of(), new Period("2018-03-01", "2018-03-01")), new Period("2018-03-01", "2018-03-01"),
                List.of(), List.of(), "extractive", 1);
        List<String> messages = new BriefRenderer(isnad.briefer()).messages(b, BriefRenderer.TELEGRAM_LIMIT);
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst()).doesNotContain("(1/1)").contains("Period: 1 March 2018");
    }
}
