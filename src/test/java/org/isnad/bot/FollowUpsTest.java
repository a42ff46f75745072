package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-ups and small talk: read in their chat's context only, through the real bot and the fake Bot API. */
class FollowUpsTest {

    @TempDir
    Path data;

    private final FollowUps followUps = new FollowUps();

    @Test
    void aFollowUpTakesThePlaceOfThePreviousQuestionWord() {
        assertThat(followUps.combine("Who did Russia invite to Moscow?", "and when?")).isEqualTo("when did Russia invite to Moscow?");
        assertThat(followUps.combine("Who did Russia invite to Moscow?", "Why?")).isEqualTo("Why did Russia invite to Moscow?");
        assertThat(followUps.combine("من دعت روسيا إلى موسكو؟", "ومتى؟")).isEqualTo("متى دعت روسيا إلى موسكو؟");
        assertThat(followUps.combine("من دعت روسيا إلى موسكو؟", "طيب ليش؟")).isEqualTo("ليش دعت روسيا إلى موسكو؟");
        assertThat(followUps.combine("من دعت روسيا إلى موسكو؟", "مين كمان؟")).isEqualTo("مين دعت روسيا إلى موسكو؟");
        // questions of their own are not follow-ups
        assertThat(followUps.combine("Who did Russia invite to Moscow?", "Who is the Kremlin spokesman?")).isNull();
        assertThat(followUps.combine("Who did Russia invite to Moscow?", "Moscow talks")).isNull();
    }

    @Test
    void theContextIsPerChatBoundedInTimeAndTurns() {
        long t = 1_000_000;
        assertThat(followUps.expand(1, "Who did Russia invite to Moscow?", true, null, t)).isEqualTo("Who did Russia invite to Moscow?");
        assertThat(followUps.expand(2, "and when?", true, null, t + 1)).as("another chat's question never reaches this one").isEqualTo("and when?");
        assertThat(followUps.expand(1, "and when?", true, null, t + 2)).isEqualTo("when did Russia invite to Moscow?");
        assertThat(followUps.expand(1, "and why?", true, null, t + 3)).isEqualTo("why did Russia invite to Moscow?");
        assertThat(followUps.expand(1, "and where?", true, null, t + 4)).isEqualTo("where did Russia invite to Moscow?");
        assertThat(followUps.expand(1, "and how many?", true, null, t + 5)).as("three in a row at most").isEqualTo("and how many?");
        followUps.expand(3, "Who did Russia invite to Moscow?", true, null, t);
        assertThat(followUps.expand(3, "and when?", true, null, t + FollowUps.WINDOW_MS + 1)).as("too late").isEqualTo("and when?");
        followUps.expand(-4, "Who did Russia invite to Moscow?", false, null, t);
        assertThat(followUps.expand(-4, "and when?", false, null, t + 1)).as("a group: only replies").isEqualTo("and when?");
        assertThat(followUps.expand(-4, "and when?", false, "Who did Russia invite to Moscow?", t + 2))
                .isEqualTo("when did Russia invite to Moscow?");
    }

    @Test
    void throughTheBotAFollowUpIsReadWithThePreviousQuestionAndSaysSo() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
                BotServer bot = BotFixture.start(new StubCore(), BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
            api.userSends(80, 80, "Who did Russia invite to Moscow?", "en");
            api.awaitSent(1, 10_000);
            api.userSends(80, 80, "and when?", "en");
            api.userSends(81, 81, "and when?", "en"); // another chat: no context
            api.awaitSent(3, 10_000);
            List<FakeBotApi.Sent> chat80 = api.sentTo(80);
            assertThat(chat80.get(1).text()).contains("Read with your previous question", "Echo: when did Russia invite to Moscow?");
            assertThat(api.sentTo(81).get(0).text()).contains("Echo: and when?").doesNotContain("previous question");
            // in a group, a reply to the bot's answer is read with the question it answered
            api.userSendsInGroup(-90, 82, "@" + FakeBotApi.BOT_USERNAME + " Who did Russia invite to Moscow?");
            api.awaitSent(4, 10_000);
            int answer = api.sentTo(-90).get(0).messageId();
            api.userRepliesInGroup(-90, 83, "and when?", answer);
            api.awaitSent(5, 10_000);
            assertThat(api.sentTo(-90).get(1).text()).contains("Echo: when did Russia invite to Moscow?");
        }
    }

    @Test
    void greetingsAndThanksGetAFriendlyReplyNotQuotes() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            StubCore core = new StubCore();
            try (BotServer bot = BotFixture.start(core, BotFixture.config(data, api.url()), BotFixture.fastOptions())) {
                api.userSends(85, 85, "مرحبا!", "ar");
                api.userSends(86, 86, "hello 👋", "en");
                api.userSends(87, 87, "شكرا جزيلا", "ar");
                api.userSends(88, 88, "Thanks!", "en");
                api.awaitSent(4, 10_000);
                assertThat(bot.bot().awaitIdle(5_000)).isTrue();
                assertThat(core.asked.get()).isZero();
                assertThat(api.sentTo(85).get(0).text()).contains("اسألني").doesNotContain("<blockquote>");
                assertThat(api.sentTo(86).get(0).text()).contains("Ask me about the news");
                assertThat(api.sentTo(87).get(0).text()).contains("على الرحب");
                assertThat(api.sentTo(88).get(0).text()).contains("You are welcome");
            }
        }
    }
}
