package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.isnad.Isnad;
import org.isnad.audit.EntryKind;
import org.isnad.audit.LogEntry;
import org.isnad.audit.LogFilter;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /brief TOPIC from staff gets a real briefing over the bundled sample, logged as a briefing. */
class BotBriefingTest {

    @TempDir
    Path data;

    @Test
    void staffBriefingIsSentWithItsQuotesAndLoggedAsABriefing() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.withTelegram(BotFixture.config(data, api.url()), 20, List.of(10L), List.of());
            try (Isnad isnad = Isnad.open(config)) {
                isnad.ensureSampleIndexed();
                try (BotServer bot = BotServer.start(new IsnadBotCore(isnad), new AuditRecorder(isnad.audit()), config,
                        BotFixture.TOKEN, BotFixture.fastOptions())) {
                    api.userSends(10, 10, "/brief الفصائل الفلسطينية موسكو", "ar");
                    api.userSends(30, 30, "/brief موسكو", "ar");
                    api.awaitSent(2, 20_000);
                }
                List<FakeBotApi.Sent> toStaff = api.sentTo(10);
                String all = String.join("\n", toStaff.stream().map(FakeBotApi.Sent::text).toList());
                assertThat(toStaff).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(4096));
                assertThat(all).contains("الفصائل الفلسطينية موسكو:", "«", "حقائق أساسية");
                assertThat(api.sentTo(30).getLast().text()).doesNotContain("«");
                var page = isnad.audit().list(LogFilter.all(), 1, 10);
                assertThat(page.entries()).hasSize(1);
                LogEntry e = isnad.audit().get(page.entries().getFirst().id()).orElseThrow();
                assertThat(e.kind()).isEqualTo(EntryKind.BRIEFING);
                assertThat(e.citations()).isNotEmpty();
                String text = isnad.index().document(e.citations().getFirst().docId()).orElseThrow().text();
                assertThat(e.citations()).allSatisfy(c -> assertThat(text.substring(c.start(), c.end())).isEqualTo(c.quote()));
                // the briefing's last message carries the answer's buttons: Source [n] per cited quote, 👍 / 👎
                String buttons = toStaff.getLast().replyMarkup().toString();
                assertThat(buttons).contains("src:" + e.id() + ":1:", "fb:" + e.id() + ":up:", "fb:" + e.id() + ":down:");
                assertThat(buttons.split("\"src:", -1).length - 1).isEqualTo(e.citations().size());
            }
        }
    }
}
