package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: 10,000 generated hostile messages over 1,000 chats through the real bot (its own
 * process) against the fault-injecting fake Bot API — 429s with retry_after, 500s, stalls and late
 * deliveries all along — with a kill -9 in the middle and a restart. Every message must be answered,
 * each chat's answers in the order of its questions, and nothing rejected by the API. Exactly once,
 * except replies whose request was in flight at the instant of the kill: Telegram gives no way to
 * know whether those arrived, so they are sent again: about as many as were in flight (at most
 * {@link Sender#MAX_IN_FLIGHT}, the test allows twice that). Prints its figures (the note quotes them).
 */
class BotSoakTest {

    static final int MESSAGES = 10_000;
    static final int CHATS = 1_000;
    private static final Pattern MARKER = Pattern.compile("Echo: (q\\d+) ");

    @TempDir
    Path data;

    /** What subscribers and attackers send: markup, bidi controls, emoji, mixed scripts and digits, mentions. */
    static String hostile(Random r, int i) {
        String[] parts = {"<b>bold</b>", "</blockquote><script>alert(1)</script>", "&amp;&lt;&", "\u202Eevil\u202C",
                "\u200F\u200E\u2066x\u2069", "😀👍🏽", "مين اللي دعا الفصائل؟", "قديش ٢٠٢٤ و۲۰۲۴ و2024", "@SomeBot hi",
                "\"quotes\" 'and' `ticks`", "\\u0000 \\n", "a".repeat(1 + r.nextInt(300)), "Россия", "中文", "\t tabs \t",
                "[1] [2] {json: true}", "http://example.com/?a=<b>", "#hashtag", "ﷺ ﷽", "\u0651\u064B\u064F"};
        StringBuilder b = new StringBuilder("q" + i + " ");
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            b.append(parts[r.nextInt(parts.length)]).append(' ');
        }
        return b.toString().strip();
    }

    private static Map<String, Integer> counts(List<FakeBotApi.Sent> sent) {
        Map<String, Integer> c = new HashMap<>();
        for (FakeBotApi.Sent s : sent) {
            Matcher m = MARKER.matcher(s.text());
            if (m.find()) {
                c.merge(m.group(1), 1, Integer::sum);
            }
        }
        return c;
    }

    @Test
    void tenThousandHostileMessagesThroughFaultsAndAKillAreEachAnsweredOnceInOrder() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.maxPollWait(200);
            Random r = new Random(7);
            AtomicBoolean faulting = new AtomicBoolean(true);
            Thread faults = new Thread(() -> {
                Random fr = new Random(11);
                while (faulting.get()) {
                    switch (fr.nextInt(4)) {
                        case 0 -> api.failNext(FakeBotApi.Fault.tooMany(1));
                        case 1 -> api.failNext(FakeBotApi.Fault.serverError());
                        case 2 -> api.failNext(FakeBotApi.Fault.stall(300));
                        default -> api.failNext(FakeBotApi.Fault.lateDelivery(1_500));
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            faults.setDaemon(true);
            faults.start();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process bot = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    BotProcessMain.class.getName(), api.url(), data.toString(), "0", "1000")
                    .redirectErrorStream(true).redirectOutput(data.resolve("bot.log").toFile()).start();
            long t0 = System.currentTimeMillis();
            Map<Long, List<String>> asked = new HashMap<>();
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!Files.readString(data.resolve("bot.log")).contains("started") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                for (int i = 0; i < MESSAGES; i++) {
                    long chat = 10_000 + i % CHATS;
                    asked.computeIfAbsent(chat, k -> new ArrayList<>()).add("q" + i);
                    api.userSends(chat, chat, hostile(r, i), r.nextBoolean() ? "ar" : "en");
                    if (i == MESSAGES / 2) {
                        // the kill: half the burst is in, some of it answered
                        while (counts(api.sent()).size() < MESSAGES / 10 && System.currentTimeMillis() < deadline + 120_000) {
                            Thread.sleep(20);
                        }
                        bot.destroyForcibly().waitFor();
                    }
                }
            } finally {
                bot.destroyForcibly();
            }
            int beforeRestart = counts(api.sent()).size();
            IsnadConfig config = BotFixture.withTelegram(BotFixture.config(data, api.url()), 1000, List.of(), List.of());
            try (BotServer again = BotFixture.start(new StubCore(), config,
                    BotFixture.fastOptions().withRequestTimeout(Duration.ofSeconds(10)))) {
                long deadline = System.currentTimeMillis() + 240_000;
                while (counts(api.sent()).size() < MESSAGES && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                faulting.set(false);
                assertThat(again.bot().awaitIdle(30_000)).isTrue();
                Thread.sleep(500);
                Map<String, Integer> c = counts(api.sent());
                long twice = c.values().stream().filter(v -> v > 1).count();
                System.out.printf("soak: %d messages over %d chats, %d answered before the kill -9, %d answered in all, "
                                + "%d answered more than once, %d rejected by the API, %d retries after the restart, %.1f s%n",
                        MESSAGES, CHATS, beforeRestart, c.size(), twice, api.rejections().size(),
                        again.bot().context().sender().retries(), (System.currentTimeMillis() - t0) / 1000.0);
                assertThat(c).hasSize(MESSAGES);
                // in flight at the kill (at most MAX_IN_FLIGHT), plus any answered in the instant between
                // Telegram's reply and the inbox forgetting the update: never more than twice the cap
                assertThat(twice).isLessThanOrEqualTo(2L * Sender.MAX_IN_FLIGHT);
                assertThat(api.rejections()).isEmpty();
                assertThat(again.bot().pending()).isZero();
                for (Map.Entry<Long, List<String>> e : asked.entrySet()) {
                    List<String> order = new ArrayList<>();
                    for (FakeBotApi.Sent s : api.sentTo(e.getKey())) {
                        Matcher m = MARKER.matcher(s.text());
                        if (m.find() && !order.contains(m.group(1))) {
                            order.add(m.group(1)); // first arrival of each answer
                        }
                    }
                    assertThat(order).as("chat " + e.getKey()).isEqualTo(e.getValue());
                }
            }
        }
    }
}
