package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.isnad.audit.AuditLog;
import org.isnad.audit.PostgresServer;
import org.isnad.config.ConfigLoader;
import org.isnad.config.IsnadConfig;
import org.isnad.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook mode in one JVM: two instances (each its own data folder and answer log handle) on one real
 * PostgreSQL, against the strict Bot API stand-in. The multi-process run with a load balancer and a
 * kill is {@link WebhookFleetEndToEndTest}.
 */
class WebhookTest {

    private static final String SECRET = "s3cret-token_1";

    @TempDir
    Path dir;

    private FakeBotApi api;
    private String jdbcUrl;
    private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        jdbcUrl = PostgresServer.shared().createDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        api.close();
    }

    private IsnadConfig config(String name, int floodPerMinute) {
        Map<String, String> env = new HashMap<>();
        env.put("ISNAD_DATA_DIR", dir.resolve(name).toString());
        env.put("ISNAD_TELEGRAM_API_URL", api.url());
        env.put("ISNAD_AUDIT_BACKEND", "postgres");
        env.put("ISNAD_AUDIT_JDBC_URL", jdbcUrl);
        env.put("ISNAD_TELEGRAM_MODE", "webhook");
        env.put("ISNAD_TELEGRAM_WEBHOOK_PORT", "0");
        env.put("ISNAD_TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram");
        env.put("ISNAD_TELEGRAM_FLOOD_PER_MINUTE", String.valueOf(floodPerMinute));
        return new ConfigLoader(env).load();
    }

    /** One instance: its own answer log handle on the shared database, its own webhook port. */
    private BotServer instance(String name, int floodPerMinute) {
        IsnadConfig config = config(name, floodPerMinute);
        AuditLog log = AuditLog.open(config);
        open.add(log);
        BotServer server = BotServer.startWebhook(new StubCore(), log, config, BotFixture.TOKEN, SECRET, BotFixture.fastOptions());
        open.add(server);
        return server;
    }

    private HttpResponse<String> post(BotServer to, String body, String secret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.webhookPort() + "/telegram"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (secret != null) {
            b.header(WebhookServer.SECRET_HEADER, secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(BotServer to, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.webhookPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestWithoutTheSecretIsRefusedAndHealthAndReadinessAnswer() throws Exception {
        BotServer a = instance("a", 20);
        String update = api.webhookUpdate(7, 7, "Who was invited to Moscow?", "en").toString();
        assertThat(post(a, update, null).statusCode()).isEqualTo(401);
        assertThat(post(a, update, "not-the-secret").statusCode()).isEqualTo(403);
        assertThat(post(a, "{not json", SECRET).statusCode()).isEqualTo(400);
        assertThat(api.sent()).isEmpty(); // nothing refused was answered

        assertThat(post(a, update, SECRET).statusCode()).isEqualTo(200);
        assertThat(api.sentTo(7)).hasSize(1); // answered before the 200
        assertThat(api.sentTo(7).get(0).text()).contains("Who was invited to Moscow?");

        assertThat(get(a, "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(a, "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"ready\":true", "\"archive\":true", "\"database\":true", "\"botApi\":true");
    }

    @Test
    void anUpdateSentToBothInstancesAtOnceIsAnsweredOnceAndRepliesInAChatKeepTheirOrder() throws Exception {
        BotServer a = instance("a", 0);
        BotServer b = instance("b", 0);
        for (int round = 0; round < 20; round++) {
            String update = api.webhookUpdate(11, 11, "question " + round, "en").toString();
            CompletableFuture<HttpResponse<String>> toA = CompletableFuture.supplyAsync(() -> call(() -> post(a, update, SECRET)));
            CompletableFuture<HttpResponse<String>> toB = CompletableFuture.supplyAsync(() -> call(() -> post(b, update, SECRET)));
            assertThat(toA.get().statusCode()).isEqualTo(200);
            assertThat(toB.get().statusCode()).isEqualTo(200);
        }
        List<FakeBotApi.Sent> sent = api.sentTo(11);
        assertThat(sent).hasSize(20);
        for (int round = 0; round < 20; round++) {
            assertThat(sent.get(round).text()).startsWith("Echo: question " + round + " [");
        }
        long[] ca = a.webhookCounts();
        long[] cb = b.webhookCounts();
        assertThat(ca[0] + cb[0]).isEqualTo(20); // answered
        assertThat(ca[2] + cb[2]).isEqualTo(20); // the other copy of each found done
    }

    @Test
    void anInstanceStoppedWhileItAnswersFinishesTheAnswerSoTheRedeliveryIsNotAnsweredAgain() throws Exception {
        BotServer a = instance("a", 0);
        BotServer b = instance("b", 0);
        java.util.concurrent.CountDownLatch typing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        api.onChatAction(req -> {
            typing.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS); // A is mid-answer while it is told to stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String update = api.webhookUpdate(41, 41, "Who was invited to Moscow?", "en").toString();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> call(() -> post(a, update, SECRET)));
        assertThat(typing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(a::close);
        Thread.sleep(1_000); // the stop is under way while the answer is still held
        api.onChatAction(null);
        release.countDown();
        stopping.get(30, java.util.concurrent.TimeUnit.SECONDS);
        first.handle((r, e) -> null).get(30, java.util.concurrent.TimeUnit.SECONDS); // its reply may be cut by the stop
        assertThat(api.sentTo(41)).hasSize(1);
        // Telegram sends it again (it never saw the 200): the other instance finds it delivered
        assertThat(post(b, update, SECRET).statusCode()).isEqualTo(200);
        assertThat(api.sentTo(41)).hasSize(1);
        assertThat(b.webhookCounts()[2]).isEqualTo(1);
    }

    @Test
    void aReadersLanguageSentAnswersAndTheFloodLimitAreSharedBetweenInstances() throws Exception {
        BotServer a = instance("a", 3);
        BotServer b = instance("b", 3);
        a.bot().context().state().setLanguage(21, Language.AR);
        assertThat(b.bot().context().state().language(21)).contains(Language.AR);
        a.bot().context().sentAnswers().remember(21, 5001, 77);
        assertThat(b.bot().context().sentAnswers().ref(21, 5001)).contains(77L);

        // 3 a minute: the 4th message gets the flood notice, the 5th nothing, whichever instance takes them
        // (the shared count starts again each minute: not across a minute's turn)
        while (System.currentTimeMillis() % FloodGuard.WINDOW_MS > FloodGuard.WINDOW_MS - 5_000) {
            Thread.sleep(200);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(post(i % 2 == 0 ? a : b, api.webhookUpdate(22, 22, "flood " + i, "en").toString(), SECRET).statusCode())
                    .isEqualTo(200);
        }
        List<FakeBotApi.Sent> sent = api.sentTo(22);
        assertThat(sent).hasSize(4);
        assertThat(sent.subList(0, 3)).allSatisfy(s -> assertThat(s.text()).contains("flood "));
        assertThat(sent.get(3).text()).doesNotContain("flood ");
    }

    @Test
    void aFollowUpIsReadWithThePreviousQuestionWhicheverInstanceTakesIt() throws Exception {
        BotServer a = instance("a", 0);
        BotServer b = instance("b", 0);
        assertThat(post(a, api.webhookUpdate(31, 31, "Who did Russia invite to Moscow?", "en").toString(), SECRET).statusCode()).isEqualTo(200);
        assertThat(post(b, api.webhookUpdate(31, 31, "and when?", "en").toString(), SECRET).statusCode()).isEqualTo(200);
        List<FakeBotApi.Sent> sent = api.sentTo(31);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).text()).contains("Read with your previous question", "Echo: when did Russia invite to Moscow? [1]");
    }

    @Test
    void setWebhookRegistersTheUrlSecretAndUpdatesAndAStoppingInstanceLeavesItInPlace() throws Exception {
        IsnadConfig config = config("a", 20);
        var client = new org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient(BotFixture.TOKEN,
                BotServer.telegramUrl(api.url()));
        WebhookCommands.set(client, config.telegram().webhook(), SECRET);
        JsonNode hook = api.webhook();
        assertThat(hook.path("url").asText()).isEqualTo("https://bot.example.org/telegram");
        assertThat(hook.path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(hook.path("allowed_updates").toString()).contains("message", "callback_query");
        assertThat(WebhookCommands.info(client).getUrl()).isEqualTo("https://bot.example.org/telegram");

        BotServer a = instance("a", 20);
        a.close();
        assertThat(api.calls("deletewebhook")).isEmpty();
    }

    @Test
    void theWebhookCommandsSetShowAndDeleteAndServeRefusesWebhookModeWithoutPostgres() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ISNAD_DATA_DIR", dir.resolve("cli").toString());
        env.put("ISNAD_TELEGRAM_API_URL", api.url());
        env.put("TELEGRAM_BOT_TOKEN", BotFixture.TOKEN);
        env.put("ISNAD_TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram");
        assertThat(org.isnad.cli.IsnadCli.run(env, "webhook", "set")).as("no secret yet").isEqualTo(2);
        env.put("ISNAD_TELEGRAM_WEBHOOK_SECRET", SECRET);
        assertThat(org.isnad.cli.IsnadCli.run(env, "webhook", "set")).isZero();
        assertThat(api.webhook().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(org.isnad.cli.IsnadCli.run(env, "webhook", "info")).isZero();
        assertThat(org.isnad.cli.IsnadCli.run(env, "webhook", "delete")).isZero();
        assertThat(api.calls("deletewebhook")).hasSize(1);
        assertThat(api.webhook()).isNull();
        assertThat(org.isnad.cli.IsnadCli.run(env, "webhook", "sideways")).isEqualTo(2);

        // webhook mode on the default SQLite log: refused with what to set, before anything listens
        IsnadConfig sqlite = new ConfigLoader(Map.of("ISNAD_DATA_DIR", dir.resolve("lite").toString(),
                "ISNAD_TELEGRAM_API_URL", api.url(), "ISNAD_TELEGRAM_MODE", "webhook")).load();
        try (AuditLog log = AuditLog.open(sqlite)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BotServer.startWebhook(new StubCore(), log, sqlite,
                            BotFixture.TOKEN, SECRET, BotFixture.fastOptions()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit.backend: postgres");
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

}
