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

    private static final org.isnad.audit.Pseudonymizer KEYED = org.isnad.audit.Pseudonymizer.keyed(new byte[32]);

    @Test
    void callbackDataRoundTripsAndStaysWithin64Bytes() {
        ButtonSigner signer = ButtonSigner.of(new byte[32]);
        CallbackData src = CallbackData.source(Long.MAX_VALUE, 99);
        String encoded = src.encode(signer, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(encoded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(CallbackData.decode(encoded)).hasValueSatisfying(d -> {
            assertThat(d.payload()).isEqualTo(src.payload());
            assertThat(d.pressedWhereSent(signer, Long.MIN_VALUE, 7)).isTrue(); // a source: anyone in the chat
            assertThat(d.pressedWhereSent(signer, 5, 7)).isFalse();
        });
        String fb = CallbackData.feedback(12, false).encode(signer, 40, 41);
        assertThat(CallbackData.decode(fb)).hasValueSatisfying(d -> {
            assertThat(d.up()).isFalse();
            assertThat(d.pressedWhereSent(signer, 40, 41)).isTrue();
            assertThat(d.pressedWhereSent(signer, 40, 42)).isFalse(); // feedback: only the asker
            assertThat(d.pressedWhereSent(ButtonSigner.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}), 40, 41)).isFalse();
        });
        assertThat(CallbackData.decode("fb:12:down")).hasValueSatisfying(d -> assertThat(d.pressedWhereSent(signer, 40, 41)).isFalse());
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
        BotState a = BotState.open(dir, "1@h:1", KEYED::apply);
        a.advanceTo(41);
        a.advanceTo(40); // never backwards
        a.setLanguage(7, Language.AR);
        BotState again = BotState.open(dir, "1@h:1", KEYED::apply);
        assertThat(again.lastUpdateId()).isEqualTo(41);
        assertThat(again.language(7)).contains(Language.AR);
        assertThat(BotState.open(dir, "1@h:2", KEYED::apply).lastUpdateId()).isZero();
    }

    @Test
    void sentAnswersAreBoundedSurviveARestartAndSkipDamagedLines(@TempDir Path dir) throws Exception {
        SentAnswers a = SentAnswers.open(dir, "1@h:1", 3, KEYED::apply);
        for (int m = 1; m <= 10; m++) {
            a.remember(5, m, 100 + m);
        }
        SentAnswers.open(dir, "1@h:2", 3, KEYED::apply).remember(5, 1, 999);
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.ref(5, 1)).isEmpty();
        assertThat(a.ref(5, 10)).contains(110L);
        assertThat(a.ref(6, 10)).isEmpty();
        java.nio.file.Files.writeString(dir.resolve(SentAnswers.FILE_NAME), "1@h:1\t5\tbroken\n",
                java.nio.file.StandardOpenOption.APPEND);
        SentAnswers again = SentAnswers.open(dir, "1@h:1", 3, KEYED::apply);
        assertThat(again.ref(5, 10)).contains(110L);
        assertThat(again.ref(5, 8)).contains(108L);
        assertThat(again.ref(5, 7)).isEmpty();
        assertThat(SentAnswers.open(dir, "1@h:2", 3, KEYED::apply).ref(5, 1)).contains(999L);
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

    @Test
    void theBotsFilesHoldNoRawIdsAndAreTheOwnersOnly(@TempDir Path dir) throws Exception {
        long chat = 123456789L;
        long user = 987654321L;
        BotState state = BotState.open(dir, "1@h:1", KEYED::apply);
        state.setLanguage(user, Language.AR);
        SentAnswers sent = SentAnswers.open(dir, "1@h:1", 3, KEYED::apply);
        sent.remember(chat, 5, 42);
        for (String f : List.of(BotState.FILE_NAME, SentAnswers.FILE_NAME)) {
            String text = java.nio.file.Files.readString(dir.resolve(f));
            assertThat(text).as(f).doesNotContain(Long.toString(chat)).doesNotContain(Long.toString(user));
            assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve(f))).as(f)
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
        assertThat(BotState.open(dir, "1@h:1", KEYED::apply).language(user)).contains(Language.AR);
        assertThat(SentAnswers.open(dir, "1@h:1", 3, KEYED::apply).ref(chat, 5)).contains(42L);
    }

    @Test
    void filesWrittenWithRawIdsAreConvertedWhenRead(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve(SentAnswers.FILE_NAME), "1@h:1\t555\t7\t77\n");
        java.nio.file.Files.writeString(dir.resolve(BotState.FILE_NAME),
                "{\"bots\": {\"1@h:1\": {\"lastUpdateId\": 9, \"languages\": {\"666\": \"en\"}}}}");
        assertThat(SentAnswers.open(dir, "1@h:1", 3, KEYED::apply).ref(555, 7)).contains(77L);
        assertThat(BotState.open(dir, "1@h:1", KEYED::apply).language(666)).contains(Language.EN);
        assertThat(java.nio.file.Files.readString(dir.resolve(SentAnswers.FILE_NAME))).doesNotContain("\t555\t");
        assertThat(java.nio.file.Files.readString(dir.resolve(BotState.FILE_NAME))).doesNotContain("\"666\"");
    }
}
