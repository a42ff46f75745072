package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.isnad.config.ConfigLoader;
import org.isnad.config.IsnadConfig;
import org.isnad.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotPartsTest {

    @Test
    void callbackDataRoundTripsAndStaysWithin64Bytes() {
        CallbackData src = CallbackData.source(Long.MAX_VALUE, 99);
        assertThat(src.encode().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(CallbackData.decode(src.encode())).contains(src);
        assertThat(CallbackData.decode("fb:12:down")).contains(CallbackData.feedback(12, false));
        assertThat(CallbackData.decode("fb:12:maybe")).isEmpty();
        assertThat(CallbackData.decode("something else")).isEmpty();
        assertThat(CallbackData.decode(null)).isEmpty();
    }

    @Test
    void theFloodGuardNotifiesOnceThenDropsUntilTheMinuteFreesUp() {
        FloodGuard g = new FloodGuard(3);
        long t = 1_000_000;
        assertThat(List.of(g.check(1, t), g.check(1, t + 1), g.check(1, t + 2), g.check(1, t + 3), g.check(1, t + 4)))
                .containsExactly(FloodGuard.Verdict.ALLOW, FloodGuard.Verdict.ALLOW, FloodGuard.Verdict.ALLOW,
                        FloodGuard.Verdict.NOTIFY, FloodGuard.Verdict.DROP);
        assertThat(g.check(2, t + 5)).isEqualTo(FloodGuard.Verdict.ALLOW);
        assertThat(g.check(1, t + 60_001)).isEqualTo(FloodGuard.Verdict.ALLOW);
    }

    @Test
    void rolesAndTheAllowlistComeFromTheConfiguration() {
        IsnadConfig.Telegram t = new ConfigLoader(java.util.Map.of()).load().telegram();
        Access open = new Access(new IsnadConfig.Telegram(t.apiUrl(), "", List.of(10L), List.of(20L), false, List.of(), 20, 1000, 1000, 30));
        assertThat(open.role(10)).isEqualTo(Role.STAFF);
        assertThat(open.role(20)).isEqualTo(Role.MODERATOR);
        assertThat(open.role(30)).isEqualTo(Role.SUBSCRIBER);
        assertThat(open.allowed(30)).isTrue();
        Access closed = new Access(new IsnadConfig.Telegram(t.apiUrl(), "", List.of(10L), List.of(), true, List.of(40L), 20, 1000, 1000, 30));
        assertThat(closed.allowed(30)).isFalse();
        assertThat(closed.allowed(40)).isTrue();
        assertThat(closed.allowed(10)).isTrue();
    }

    @Test
    void theTokenIsMaskedAndTheApiUrlBecomesATelegramUrl() {
        assertThat(BotToken.mask("POST http://h/bot123:secret/getMe", "123:secret")).isEqualTo("POST http://h/bot123:***/getMe");
        assertThat(BotServer.telegramUrl("http://127.0.0.1:8081").getPort()).isEqualTo(8081);
        assertThat(BotServer.telegramUrl("http://127.0.0.1:8081").getSchema()).isEqualTo("http");
        assertThat(BotServer.telegramUrl("https://api.telegram.org").getPort()).isEqualTo(443);
    }

    @Test
    void stateSurvivesARestartAndIsKeptPerBotAndEndpoint(@TempDir Path dir) {
        BotState a = BotState.open(dir, "1@h:1");
        a.advanceTo(41);
        a.advanceTo(40); // never backwards
        a.setLanguage(7, Language.AR);
        BotState again = BotState.open(dir, "1@h:1");
        assertThat(again.lastUpdateId()).isEqualTo(41);
        assertThat(again.language(7)).contains(Language.AR);
        assertThat(BotState.open(dir, "1@h:2").lastUpdateId()).isZero();
    }

    @Test
    void sentAnswersAreBoundedSurviveARestartAndSkipDamagedLines(@TempDir Path dir) throws Exception {
        SentAnswers a = SentAnswers.open(dir, "1@h:1", 3);
        for (int m = 1; m <= 10; m++) {
            a.remember(5, m, 100 + m);
        }
        SentAnswers.open(dir, "1@h:2", 3).remember(5, 1, 999);
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.ref(5, 1)).isEmpty();
        assertThat(a.ref(5, 10)).contains(110L);
        assertThat(a.ref(6, 10)).isEmpty();
        java.nio.file.Files.writeString(dir.resolve(SentAnswers.FILE_NAME), "1@h:1\t5\tbroken\n",
                java.nio.file.StandardOpenOption.APPEND);
        SentAnswers again = SentAnswers.open(dir, "1@h:1", 3);
        assertThat(again.ref(5, 10)).contains(110L);
        assertThat(again.ref(5, 8)).contains(108L);
        assertThat(again.ref(5, 7)).isEmpty();
        assertThat(SentAnswers.open(dir, "1@h:2", 3).ref(5, 1)).contains(999L);
        // the file is compacted, not grown without end
        assertThat(java.nio.file.Files.readAllLines(dir.resolve(SentAnswers.FILE_NAME)).size()).isLessThanOrEqualTo(2 * 3 + 2);
    }

    @Test
    void cutPointsPreferParagraphsThenSentencesThenWords() {
        String s = "a".repeat(60) + "\n\n" + "b".repeat(60);
        assertThat(MessageSplitter.cutPoint(s, 100)).isEqualTo(61);
        String sentences = "x".repeat(60) + ". " + "y".repeat(60);
        assertThat(MessageSplitter.cutPoint(sentences, 100)).isEqualTo(61);
        String words = "word ".repeat(30);
        assertThat(MessageSplitter.cutPoint(words, 100) % 5).isZero();
    }
}
