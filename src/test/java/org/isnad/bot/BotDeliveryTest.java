package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the strict fake Bot API: offsets, limits, retries, restarts — nothing lost, nothing sent twice. */
class BotDeliveryTest {

    @TempDir
    Path data;

    private static Map<String, Integer> answersPerQuestion(List<FakeBotApi.Sent> sent) {
        Map<String, Integer> counts = new HashMap<>();
        for (FakeBotApi.Sent s : sent) {
            int i = s.text().indexOf("Echo: ");
            if (i >= 0) {
                String q = s.text().substring(i + 6, s.text().indexOf(" [1]", i));
                counts.merge(q, 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void everyQuestionIsAnsweredExactlyOnceThrough429s500sAndStalls() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.failNext(FakeBotApi.Fault.tooMany(1), FakeBotApi.Fault.serverError(), FakeBotApi.Fault.stall(1500),
                    FakeBotApi.Fault.serverError());
            IsnadConfig config = BotFixture.config(data, api.url());
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                for (int i = 0; i < 20; i++) {
                    api.userSends(100 + i % 5, 100 + i % 5, "question " + i, "en");
                }
                api.awaitSent(20, 20_000);
                assertThat(bot.bot().awaitIdle(20_000)).isTrue();
                Map<String, Integer> counts = answersPerQuestion(api.sent());
                assertThat(counts).hasSize(20);
                assertThat(counts.values()).containsOnly(1);
                assertThat(api.rejections()).isEmpty();
                assertThat(bot.bot().context().sender().retries()).isGreaterThanOrEqualTo(4);
                assertThat(bot.bot().context().sender().failed()).isZero();
            }
        }
    }

    @Test
    void repliesInAChatKeepTheOrderOfItsQuestionsEvenAfterA429() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.failNext(FakeBotApi.Fault.tooMany(1));
            try (BotServer bot = BotFixture.start(new StubCore(), BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
                for (int i = 0; i < 5; i++) {
                    api.userSends(7, 7, "q" + i, "en");
                }
                api.awaitSent(5, 15_000);
                assertThat(bot.bot().awaitIdle(10_000)).isTrue();
                List<String> order = api.sentTo(7).stream().map(s -> s.text().substring(s.text().indexOf("Echo: ") + 6, s.text().indexOf(" [1]"))).toList();
                assertThat(order).containsExactly("q0", "q1", "q2", "q3", "q4");
            }
        }
    }

    @Test
    void aRestartNeverAnswersTheSameUpdateTwiceEvenIfTheServerResendsIt() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.ignoreOffset(true); // a lax server: every stored update comes back on every poll
            IsnadConfig config = BotFixture.config(data, api.url());
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.userSends(1, 1, "before restart", "en");
                api.awaitSent(1, 10_000);
                assertThat(bot.bot().awaitIdle(10_000)).isTrue();
            }
            StubCore second = new StubCore();
            try (BotServer bot = BotFixture.start(second, config, BotFixture.fastOptions())) {
                api.userSends(1, 1, "after restart", "en");
                api.awaitSent(2, 10_000);
                Thread.sleep(1500); // a few more polls that re-send both updates
                assertThat(bot.bot().awaitIdle(10_000)).isTrue();
            }
            assertThat(answersPerQuestion(api.sent())).containsExactlyInAnyOrderEntriesOf(Map.of("before restart", 1, "after restart", 1));
            assertThat(second.asked.get()).isEqualTo(1);
        }
    }

    @Test
    void updateIdsStartedAgainLowerByTelegramAreAnsweredWhileRunningAndAfterARestart() throws Exception {
        try (FakeBotApi api = new FakeBotApi(5_000)) {
            IsnadConfig config = BotFixture.config(data, api.url());
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.userSends(1, 1, "before the reset", "en");
                api.awaitSent(1, 10_000);
                Thread.sleep(1_100); // message dates are in seconds: the next ones are newer
                api.restartUpdateIdsAt(17); // a week without updates: Telegram picks a new, lower start
                api.userSends(1, 1, "after the reset", "en");
                api.userSends(2, 2, "and another", "en");
                api.awaitSent(3, 10_000);
                assertThat(bot.bot().awaitIdle(10_000)).isTrue();
            }
            Thread.sleep(1_100);
            api.restartUpdateIdsAt(3); // and again, this time while the bot is down
            api.userSends(3, 3, "reset while stopped", "en");
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.awaitSent(4, 10_000);
                assertThat(bot.bot().awaitIdle(10_000)).isTrue();
                Thread.sleep(500);
            }
            assertThat(answersPerQuestion(api.sent())).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "before the reset", 1, "after the reset", 1, "and another", 1, "reset while stopped", 1));
        }
    }

    @Test
    void afterARestartPollingStartsAfterTheLastUpdateTakenOn() throws Exception {
        try (FakeBotApi api = new FakeBotApi(500)) {
            IsnadConfig config = BotFixture.config(data, api.url());
            int id;
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                id = api.userSends(1, 1, "one", "en");
                api.awaitSent(1, 10_000);
                assertThat(bot.bot().awaitIdle(10_000)).isTrue();
            }
            int before = api.offsetsSeen().size();
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                Thread.sleep(300);
            }
            assertThat(api.offsetsSeen().subList(before, api.offsetsSeen().size())).isNotEmpty().allMatch(o -> o == id + 1);
        }
    }

    @Test
    void longAnswersAreSplitIntoValidMessagesWithinTheLimitAndButtonsGoUnderTheLast() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            try (BotServer bot = BotFixture.start(new StubCore(8, 1500), BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
                api.userSends(9, 9, "a long one", "en");
                api.awaitSent(3, 10_000);
                assertThat(bot.bot().awaitIdle(10_000)).isTrue();
                List<FakeBotApi.Sent> sent = api.sentTo(9);
                assertThat(api.rejections()).isEmpty();
                assertThat(sent.size()).isGreaterThan(1);
                assertThat(sent).allMatch(s -> Html.parsedLength(s.text()) <= 4096);
                assertThat(sent.subList(0, sent.size() - 1)).allMatch(s -> s.replyMarkup() == null);
                assertThat(sent.get(sent.size() - 1).replyMarkup().path("inline_keyboard").toString()).contains("src:", "fb:");
                String all = String.join("\n", sent.stream().map(FakeBotApi.Sent::text).toList());
                for (int n = 1; n <= 8; n++) {
                    assertThat(all).contains("&lt;q" + n + "&gt;");
                }
            }
        }
    }

    @Test
    void sendingIsPacedPerChatAndOverallWithoutDroppingAnything() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            var client = new org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient(BotFixture.TOKEN, BotServer.telegramUrl(api.url()));
            client.execute(new org.telegram.telegrambots.meta.api.methods.GetMe()); // a warm connection: arrival times follow send times
            Sender sender = new Sender(client, 300, 5, 4);
            try {
                for (int i = 0; i < 15; i++) {
                    sender.send(1000 + i, message(1000 + i, "m" + i));
                }
                for (int i = 0; i < 3; i++) {
                    sender.send(7, message(7, "same chat " + i));
                }
                assertThat(sender.awaitIdle(15_000)).isTrue();
            } finally {
                sender.close();
            }
            List<FakeBotApi.Sent> sent = api.sent();
            assertThat(sent).hasSize(18);
            // 18 messages at 5 a second: the last goes out at least 3 windows after the first.
            long span = sent.get(sent.size() - 1).atMs() - sent.get(0).atMs();
            assertThat(span).isGreaterThanOrEqualTo(2_800);
            long firstHalfSecond = sent.stream().filter(o -> o.atMs() < sent.get(0).atMs() + 500).count();
            assertThat(firstHalfSecond).isLessThanOrEqualTo(5);
            List<FakeBotApi.Sent> same = api.sentTo(7);
            assertThat(same).extracting(FakeBotApi.Sent::text).containsExactly("same chat 0", "same chat 1", "same chat 2");
            assertThat(same.get(1).atMs() - same.get(0).atMs()).isGreaterThanOrEqualTo(250);
            assertThat(same.get(2).atMs() - same.get(1).atMs()).isGreaterThanOrEqualTo(250);
        }
    }

    private static org.telegram.telegrambots.meta.api.methods.send.SendMessage message(long chat, String text) {
        return org.telegram.telegrambots.meta.api.methods.send.SendMessage.builder().chatId(String.valueOf(chat)).text(text).build();
    }

    @Test
    void htmlTelegramCannotParseIsResentAsPlainTextRatherThanLost() throws Exception {
        // The renderer never writes bad HTML, so exercise the sender directly with a broken message.
        try (FakeBotApi api = new FakeBotApi()) {
            try (BotServer bot = BotFixture.start(new StubCore(), BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
                bot.bot().context().sender().send(5, org.telegram.telegrambots.meta.api.methods.send.SendMessage.builder()
                        .chatId("5").text("<b>unclosed & broken").parseMode("HTML").build());
                api.awaitSent(1, 10_000);
                assertThat(api.rejections()).hasSize(1).first().asString().contains("unescaped");
                assertThat(api.sentTo(5)).singleElement().satisfies(s -> {
                    assertThat(s.parseMode()).isNull();
                    assertThat(s.text()).isEqualTo("unclosed & broken");
                });
            }
        }
    }
}
