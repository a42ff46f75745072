package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.isnad.Isnad;
import org.isnad.answer.Citation;
import org.isnad.audit.EntryKind;
import org.isnad.audit.LogEntry;
import org.isnad.audit.LogFilter;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "/brief" sent as a reply to one of the bot's answers briefs on that answer's documents — for staff,
 * also after a restart — against the strict fake Bot API and the real core over the bundled sample.
 */
class BotAnswerBriefingTest {

    private static final long STAFF = 10;
    private static final long READER = 30;

    @TempDir
    Path data;

    @Test
    void briefInReplyToAnAnswerBriefsOnTheDocumentsItCitedEvenAfterARestart() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.withTelegram(BotFixture.config(data, api.url()), 30, List.of(STAFF), List.of());
            try (Isnad isnad = Isnad.open(config)) {
                isnad.ensureSampleIndexed();
                int answerMessage;
                try (BotServer bot = start(isnad, config)) {
                    api.userSends(STAFF, STAFF, "من دعت روسيا إلى موسكو؟", "ar");
                    api.awaitSent(1, 20_000);
                    assertThat(bot.bot().awaitIdle(10_000)).isTrue();
                    answerMessage = api.sentTo(STAFF).getLast().messageId();

                    api.userReplies(STAFF, STAFF, "/brief", "ar", answerMessage);
                    api.awaitSent(api.sent().size() + 1, 20_000);
                    assertThat(bot.bot().awaitIdle(20_000)).isTrue();
                }
                LogEntry answer = entry(isnad, EntryKind.ANSWER, 0);
                Set<String> answerDocs = answer.citations().stream().map(Citation::docId).collect(Collectors.toSet());
                assertThat(answerDocs).isNotEmpty();

                String briefing = textAfter(api, STAFF, answerMessage);
                assertThat(briefing).contains("«", "حقائق أساسية");
                LogEntry logged = entry(isnad, EntryKind.BRIEFING, 0);
                assertThat(logged.question()).isEqualTo("doc:" + String.join(",", answer.citations().stream()
                        .map(Citation::docId).distinct().toList()));
                assertThat(logged.citations()).isNotEmpty()
                        .allSatisfy(c -> assertThat(answerDocs).contains(c.docId()))
                        .allSatisfy(c -> assertThat(isnad.index().document(c.docId()).orElseThrow().text()
                                .substring(c.start(), c.end())).isEqualTo(c.quote()));

                // A new process: the bot's memory of which message carried which answer is read back.
                int lastBefore = api.sentTo(STAFF).getLast().messageId();
                try (BotServer bot = start(isnad, config)) {
                    api.userReplies(STAFF, STAFF, "/brief", "ar", answerMessage);
                    api.awaitSent(api.sent().size() + 1, 20_000);
                    assertThat(bot.bot().awaitIdle(20_000)).isTrue();
                }
                assertThat(textAfter(api, STAFF, lastBefore)).contains("«", "حقائق أساسية");
                assertThat(entry(isnad, EntryKind.BRIEFING, 1).question()).isEqualTo(logged.question());
                assertThat(api.rejections()).isEmpty();
            }
        }
    }

    @Test
    void briefInReplyIsForStaffAndOnlyOnAnswers() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.withTelegram(BotFixture.config(data, api.url()), 30, List.of(STAFF), List.of());
            try (Isnad isnad = Isnad.open(config)) {
                isnad.ensureSampleIndexed();
                try (BotServer bot = start(isnad, config)) {
                    api.userSends(READER, READER, "Who did Russia invite to Moscow?", "en");
                    api.userSends(STAFF, STAFF, "/about", "en");
                    api.awaitSent(2, 20_000);
                    assertThat(bot.bot().awaitIdle(10_000)).isTrue();
                    int sentBefore = api.sent().size();
                    api.userReplies(READER, READER, "/brief", "en", api.sentTo(READER).getLast().messageId());
                    api.userReplies(STAFF, STAFF, "/brief", "en", api.sentTo(STAFF).getLast().messageId());
                    api.awaitSent(sentBefore + 2, 20_000);
                    assertThat(bot.bot().awaitIdle(10_000)).isTrue();
                }
                assertThat(api.sentTo(READER).getLast().text()).contains("Briefings are for newsroom staff").doesNotContain("«");
                assertThat(api.sentTo(STAFF).getLast().text()).contains("replied to").doesNotContain("«");
                assertThat(isnad.audit().list(LogFilter.all(), 1, 10).entries())
                        .noneMatch(e -> isnad.audit().get(e.id()).orElseThrow().kind() == EntryKind.BRIEFING);
            }
        }
    }

    private static BotServer start(Isnad isnad, IsnadConfig config) {
        return BotServer.start(new IsnadBotCore(isnad), new AuditRecorder(isnad.audit()), config, BotFixture.TOKEN,
                BotFixture.fastOptions());
    }

    /** The {@code i}-th oldest log entry of a kind. */
    private static LogEntry entry(Isnad isnad, EntryKind kind, int i) {
        List<LogEntry> all = isnad.audit().list(LogFilter.all(), 1, 50).entries().stream()
                .map(e -> isnad.audit().get(e.id()).orElseThrow())
                .filter(e -> e.kind() == kind)
                .sorted(java.util.Comparator.comparingLong(LogEntry::id))
                .toList();
        return all.get(i);
    }

    /** Everything sent to the chat after message {@code messageId}, as one text. */
    private static String textAfter(FakeBotApi api, long chat, int messageId) {
        return api.sentTo(chat).stream().filter(s -> s.messageId() > messageId).map(FakeBotApi.Sent::text)
                .collect(Collectors.joining("\n"));
    }
}
