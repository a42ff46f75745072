package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.isnad.answer.Answer;
import org.isnad.config.IsnadConfig;
import org.isnad.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the bot treats people and odd input, against the strict fake Bot API. */
class BotConversationTest {

    @TempDir
    Path data;

    private static void awaitCalls(FakeBotApi api, String method, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (api.calls(method).size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(api.calls(method)).hasSize(n);
    }

    private static String last(FakeBotApi api, long chat) {
        List<FakeBotApi.Sent> s = api.sentTo(chat);
        return s.get(s.size() - 1).text();
    }

    @Test
    void stickersGetAPoliteTextOnlyNoticeInTheUsersLanguage() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
                BotServer bot = BotFixture.start(new StubCore(), BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
            api.userSendsSticker(1, 1, "ar");
            api.userSendsSticker(2, 2, "en-GB");
            api.awaitSent(2, 10_000);
            assertThat(last(api, 1)).contains("يُرجى إرسال سؤالك نصًّا");
            assertThat(last(api, 2)).contains("Please send your question as text");
        }
    }

    @Test
    void inAPrivateChatEveryCommandLikeMessageGetsAReply() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
                BotServer bot = BotFixture.start(new StubCore(), BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
            List<String> odd = List.of("/", "/@", "/help@", "/cmd@other_bot", "/@" + FakeBotApi.BOT_USERNAME);
            for (int i = 0; i < odd.size(); i++) {
                api.userSends(60 + i, 60 + i, odd.get(i), "en");
            }
            api.awaitSent(odd.size(), 10_000);
            assertThat(last(api, 60)).contains("I do not know that command");
            assertThat(last(api, 61)).contains("I do not know that command");
            assertThat(last(api, 62)).doesNotContain("I do not know that command"); // /help@ is /help
            assertThat(last(api, 63)).contains("I do not know that command");
            assertThat(last(api, 64)).contains("I do not know that command");
        }
    }

    @Test
    void overLongQuestionsAreRefusedPolitely() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
                BotServer bot = BotFixture.start(new StubCore(), BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
            api.userSends(3, 3, "why ".repeat(400), "en");
            api.awaitSent(1, 10_000);
            assertThat(last(api, 3)).contains("shorter question", "1000");
        }
    }

    @Test
    void aFloodGetsOneNoticeAndNoMoreAnswers() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.withTelegram(BotFixture.config(data, api.url()), 3, List.of(), List.of());
            StubCore core = new StubCore();
            try (BotServer bot = BotFixture.start(core, config, BotFixture.fastOptions())) {
                for (int i = 0; i < 6; i++) {
                    api.userSends(4, 4, "q" + i, "en");
                }
                api.awaitSent(4, 10_000);
                assertThat(bot.bot().awaitIdle(5_000)).isTrue();
                assertThat(core.asked.get()).isEqualTo(3);
                assertThat(api.sentTo(4)).hasSize(4);
                assertThat(last(api, 4)).contains("faster than I can answer");
            }
        }
    }

    @Test
    void inGroupsOnlyMentionsRepliesAndCommandsAreAnswered() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            StubCore core = new StubCore();
            try (BotServer bot = BotFixture.start(core, BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
                api.userSendsInGroup(-50, 5, "chatting among ourselves");
                api.userSendsInGroup(-50, 5, "/sources@SomeOtherBot");
                api.userSendsInGroup(-50, 5, "@" + FakeBotApi.BOT_USERNAME + " who was invited?");
                api.userSendsInGroup(-50, 5, "/about@" + FakeBotApi.BOT_USERNAME);
                api.awaitSent(2, 10_000);
                Thread.sleep(500);
                assertThat(bot.bot().awaitIdle(5_000)).isTrue();
                assertThat(core.asked.get()).isEqualTo(1);
                assertThat(api.sentTo(-50)).hasSize(2);
                assertThat(api.sentTo(-50).get(0).text()).contains("Echo: who was invited?");
                assertThat(api.sentTo(-50).get(1).text()).contains("Isnad");
            }
        }
    }

    @Test
    void briefIsForStaffAndReviewForModerators() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.withTelegram(BotFixture.config(data, api.url()), 20, List.of(10L), List.of(20L));
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.userSends(30, 30, "/brief Moscow talks", "en");
                api.userSends(10, 10, "/brief Moscow talks", "en");
                api.userSends(31, 31, "/review", "en");
                api.userSends(20, 20, "/review", "en");
                api.awaitSent(4, 10_000);
                api.userSends(10, 10, "/brief", "en");
                api.awaitSent(5, 10_000);
                assertThat(last(api, 10)).contains("/brief Moscow talks", "as a reply").doesNotContain("isnad brief");
                api.userSends(10, 10, "/brief Moscow talks", "en");
                api.awaitSent(6, 10_000);
                assertThat(last(api, 30)).contains("for newsroom staff");
                assertThat(last(api, 10)).contains("not available yet");
                assertThat(last(api, 31)).contains("for moderators");
                assertThat(last(api, 20)).contains("not configured");
            }
        }
    }

    @Test
    void reviewGivesTheLinkOfThePageServeHostsWhenAModeratorTokenIsSet() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig base = BotFixture.withTelegram(BotFixture.config(data, api.url()), 20, List.of(), List.of(20L));
            IsnadConfig.Review r = base.review();
            IsnadConfig config = base.withReview(new IsnadConfig.Review(8099, "127.0.0.1", "secret", "", List.of()));
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.userSends(20, 20, "/review", "en");
                api.awaitSent(1, 10_000);
                assertThat(last(api, 20)).contains("http://127.0.0.1:8099/review").doesNotContain("not configured");
                // a loopback address is no button Telegram accepts: the link is in the text alone
                var sent = api.sentTo(20);
                assertThat(sent.get(sent.size() - 1).replyMarkup() == null || sent.get(sent.size() - 1).replyMarkup().isNull()
                        || sent.get(sent.size() - 1).replyMarkup().isMissingNode()).isTrue();
            }
            assertThat(r.served()).isFalse();
        }
    }

    @Test
    void reviewGivesThePublicAddressAsAButton() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig base = BotFixture.withTelegram(BotFixture.config(data, api.url()), 20, List.of(), List.of(20L));
            IsnadConfig config = base.withReview(new IsnadConfig.Review(8099, "127.0.0.1", "secret",
                    "https://review.newsroom.example/review", List.of()));
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.userSends(20, 20, "/review", "en");
                api.awaitSent(1, 10_000);
                var sent = api.sentTo(20);
                var reply = sent.get(sent.size() - 1);
                assertThat(reply.text()).contains("https://review.newsroom.example/review");
                assertThat(reply.replyMarkup().toString()).contains("\"url\":\"https://review.newsroom.example/review\"",
                        "Open the review page");
            }
        }
    }

    @Test
    void langSwitchesTheReplyLanguageAndIsRememberedAcrossRestarts() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.config(data, api.url());
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.userSends(6, 6, "/lang ar", "en");
                api.awaitSent(1, 10_000);
                assertThat(last(api, 6)).contains("بالعربية");
            }
            try (BotServer bot = BotFixture.start(new StubCore(), config, BotFixture.fastOptions())) {
                api.userSends(6, 6, "/help", "en");
                api.awaitSent(2, 10_000);
                assertThat(last(api, 6)).contains("اكتب سؤالك");
                api.userSends(6, 6, "/lang auto", "en");
                api.userSends(6, 6, "/help", "en");
                api.awaitSent(4, 10_000);
                assertThat(last(api, 6)).contains("Ask a question");
            }
        }
    }

    @Test
    void inAllowlistModeOthersGetAPoliteRefusal() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig base = BotFixture.config(data, api.url());
            IsnadConfig.Telegram t = base.telegram();
            IsnadConfig config = base.withTelegram(new IsnadConfig.Telegram(t.apiUrl(), t.tokenFile(), List.of(), List.of(), true,
                    List.of(8L), t.floodPerMinute(), t.maxQuestionChars(), t.perChatIntervalMs(), t.globalPerSecond()));
            StubCore core = new StubCore();
            try (BotServer bot = BotFixture.start(core, config, BotFixture.fastOptions())) {
                api.userSends(9, 9, "who?", "en");
                api.userSends(8, 8, "who?", "en");
                api.awaitSent(2, 10_000);
                assertThat(last(api, 9)).contains("private deployment");
                assertThat(last(api, 8)).contains("Echo: who?");
                assertThat(core.asked.get()).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailingCoreGivesTheUserAnApologyNeverAnException() throws Exception {
        BotCore broken = new StubCore() {
            @Override
            public Answer ask(String question, Language forced) {
                throw new IllegalStateException("index on fire: /secret/path");
            }
        };
        try (FakeBotApi api = new FakeBotApi();
                BotServer bot = BotFixture.start(broken, BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
            api.userSends(11, 11, "who?", "ar");
            api.awaitSent(1, 10_000);
            assertThat(last(api, 11)).contains("عذرًا").doesNotContain("fire", "secret", "Exception");
        }
    }

    @Test
    void aSourceButtonStillWorksAfterARestartBecauseTheAnswerLogHoldsTheAnswer() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.config(data, api.url());
            String src;
            int messageId;
            try (org.isnad.Isnad isnad = org.isnad.Isnad.open(config);
                    BotServer bot = BotServer.start(new StubCore(), new AuditRecorder(isnad.audit()), config, BotFixture.TOKEN,
                            BotFixture.fastOptions())) {
                api.userSends(13, 13, "who?", "en");
                FakeBotApi.Sent answer = api.awaitSent(1, 10_000).get(0);
                src = answer.replyMarkup().path("inline_keyboard").get(0).get(0).path("callback_data").asText();
                messageId = answer.messageId();
                assertThat(bot.bot().awaitIdle(5_000)).isTrue();
            }
            try (org.isnad.Isnad isnad = org.isnad.Isnad.open(config);
                    BotServer bot = BotServer.start(new StubCore(), new AuditRecorder(isnad.audit()), config, BotFixture.TOKEN,
                            BotFixture.fastOptions())) {
                api.userPresses(13, 13, messageId, src);
                api.awaitSent(2, 10_000);
                assertThat(last(api, 13)).contains("Source [1]", "<b>");
            }
        }
    }

    @Test
    void theTypingIndicatorIsShownAndKeptUpWhileASlowAnswerIsPrepared() throws Exception {
        BotCore slow = new StubCore() {
            @Override
            public Answer ask(String question, Language forced) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.ask(question, forced);
            }
        };
        try (FakeBotApi api = new FakeBotApi();
                BotServer bot = BotFixture.start(slow, BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
            api.userSends(14, 14, "slow?", "en");
            api.awaitSent(1, 15_000);
            assertThat(api.calls("sendchataction")).hasSize(2)
                    .allSatisfy(c -> assertThat(c.path("body").path("action").asText()).isEqualTo("typing"));
            assertThat(last(api, 14)).contains("Echo: slow?");
        }
    }

    @Test
    void everyCallbackIsAnsweredAndFeedbackIsRecorded() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            MemoryRecorder recorder = new MemoryRecorder();
            try (BotServer bot = BotServer.start(new StubCore(), recorder, BotFixture.config(data, api.url()), BotFixture.TOKEN,
                    BotFixture.fastOptions())) {
                api.userSends(12, 12, "who?", "en");
                FakeBotApi.Sent answer = api.awaitSent(1, 10_000).get(0);
                String up = answer.replyMarkup().path("inline_keyboard").get(1).get(0).path("callback_data").asText();
                String src = answer.replyMarkup().path("inline_keyboard").get(0).get(0).path("callback_data").asText();
                api.userPresses(12, 12, answer.messageId(), up);
                api.userPresses(12, 12, answer.messageId(), src);
                api.userPresses(12, 12, answer.messageId(), "src:999999:1");
                api.userPresses(12, 12, answer.messageId(), "garbage");
                api.awaitSent(2, 10_000);
                assertThat(bot.bot().awaitIdle(5_000)).isTrue();
                assertThat(api.calls("answercallbackquery")).hasSize(4);
                assertThat(recorder.feedbackOn(CallbackData.decode(up).orElseThrow().ref())).isTrue();
                assertThat(api.calls("answercallbackquery").toString()).contains("Thank you", "another chat");
                assertThat(last(api, 12)).contains("<b>", "Source [1]");
            }
        }
    }

    @Test
    void feedbackShowsOnTheKeyboardCanBeChangedAndAThumbsDownAsksWhy() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            MemoryRecorder recorder = new MemoryRecorder();
            try (BotServer bot = BotServer.start(new StubCore(), recorder, BotFixture.config(data, api.url()), BotFixture.TOKEN,
                    BotFixture.fastOptions())) {
                api.userSends(75, 75, "who?", "en");
                FakeBotApi.Sent answer = api.awaitSent(1, 10_000).get(0);
                String down = answer.replyMarkup().path("inline_keyboard").get(1).get(1).path("callback_data").asText();
                String up = answer.replyMarkup().path("inline_keyboard").get(1).get(0).path("callback_data").asText();
                long ref = CallbackData.decode(down).orElseThrow().ref();
                api.userPresses(75, 75, answer.messageId(), down);
                awaitCalls(api, "editmessagereplymarkup", 1);
                com.fasterxml.jackson.databind.JsonNode edited = api.calls("editmessagereplymarkup").get(0).path("body");
                assertThat(edited.path("message_id").asInt()).isEqualTo(answer.messageId());
                com.fasterxml.jackson.databind.JsonNode rows = edited.path("reply_markup").path("inline_keyboard");
                assertThat(rows.get(1).get(1).path("text").asText()).isEqualTo("👎 ✓");
                assertThat(rows.get(2)).hasSize(4);
                assertThat(rows.get(2).toString()).contains("Wrong quote", "Wrong article", "Not answered", "Other");
                assertThat(api.calls("answercallbackquery").toString()).contains("What was wrong");
                String article = rows.get(2).get(1).path("callback_data").asText();
                api.userPresses(75, 75, answer.messageId(), article);
                awaitCalls(api, "editmessagereplymarkup", 2);
                assertThat(recorder.reasonOn(ref)).isEqualTo("article");
                assertThat(api.calls("editmessagereplymarkup").get(1).path("body").path("reply_markup").toString()).contains("Wrong article ✓");
                api.userPresses(75, 75, answer.messageId(), up); // a changed mind
                awaitCalls(api, "editmessagereplymarkup", 3);
                assertThat(recorder.feedbackOn(ref)).isTrue();
                com.fasterxml.jackson.databind.JsonNode after = api.calls("editmessagereplymarkup").get(2).path("body").path("reply_markup").path("inline_keyboard");
                assertThat(after.get(1).get(0).path("text").asText()).isEqualTo("👍 ✓");
                assertThat(after).hasSize(2); // no reasons under a 👍
                api.userPresses(76, 76, answer.messageId(), article); // another chat's press
                awaitCalls(api, "answercallbackquery", 4);
                assertThat(api.calls("editmessagereplymarkup")).hasSize(3);
            }
        }
    }

    @Test
    void aButtonActsOnlyInTheChatAndForTheUserItWasSentTo() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            MemoryRecorder recorder = new MemoryRecorder();
            try (BotServer bot = BotServer.start(new StubCore(), recorder, BotFixture.config(data, api.url()), BotFixture.TOKEN,
                    BotFixture.fastOptions())) {
                api.userSends(70, 70, "who?", "en");
                FakeBotApi.Sent answer = api.awaitSent(1, 10_000).get(0);
                String down = answer.replyMarkup().path("inline_keyboard").get(1).get(1).path("callback_data").asText();
                String src = answer.replyMarkup().path("inline_keyboard").get(0).get(0).path("callback_data").asText();
                long ref = CallbackData.decode(down).orElseThrow().ref();
                // the same data pressed from another chat, its signature stripped, or its ref changed
                api.userPresses(71, 71, answer.messageId(), down);
                api.userPresses(71, 71, answer.messageId(), src);
                api.userPresses(70, 70, answer.messageId(), "fb:" + ref + ":down");
                api.userPresses(70, 70, answer.messageId(), down.replace("fb:" + ref + ":", "fb:" + (ref + 1) + ":"));
                awaitCalls(api, "answercallbackquery", 4);
                assertThat(recorder.feedbackOn(ref)).isNull(); // nothing recorded
                assertThat(recorder.feedbackOn(ref + 1)).isNull();
                assertThat(api.sentTo(71)).isEmpty(); // no Source shown to the other chat
                assertThat(api.calls("answercallbackquery").toString()).contains("another chat");
                // the asker's own press works
                api.userPresses(70, 70, answer.messageId(), down);
                awaitCalls(api, "answercallbackquery", 5);
                assertThat(recorder.feedbackOn(ref)).isFalse(); // 👎 recorded
            }
        }
    }
}
