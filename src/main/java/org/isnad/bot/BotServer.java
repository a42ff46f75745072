package org.isnad.bot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.isnad.config.IsnadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Connects an {@link IsnadBot} to a Bot API server with Telegram Bots 10.2.0: an
 * {@link OkHttpTelegramClient} for sending and a {@link TelegramBotsLongPollingApplication} for
 * receiving, both pointed at {@code telegram.apiUrl} (Telegram's own, a local Bot API server or an
 * emulator). getUpdates asks from the update after the last one taken on, so a restart does not see
 * answered updates again.
 */
public final class BotServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);

    /** Tunables the tests and the benchmark change; {@link #defaults()} is what {@code isnad serve} uses. */
    public record Options(int pollTimeoutSeconds, int workerThreads, int senderThreads, Duration requestTimeout,
                          Long perChatIntervalMs, Integer globalPerSecond, boolean registerCommands, Duration retryFor) {
        public static Options defaults() {
            // 60 s: a reply Telegram delivers late is waited for, not sent again; async requests hold no thread meanwhile
            return new Options(50, 2, 4, Duration.ofSeconds(60), null, null, true, null);
        }

        public Options withPollTimeout(int seconds) {
            return new Options(seconds, workerThreads, senderThreads, requestTimeout, perChatIntervalMs, globalPerSecond, registerCommands, retryFor);
        }

        public Options withRequestTimeout(Duration d) {
            return new Options(pollTimeoutSeconds, workerThreads, senderThreads, d, perChatIntervalMs, globalPerSecond, registerCommands, retryFor);
        }

        public Options withPacing(long perChatMs, int globalPerSecond) {
            return new Options(pollTimeoutSeconds, workerThreads, senderThreads, requestTimeout, perChatMs, globalPerSecond, registerCommands, retryFor);
        }

        public Options withThreads(int workers, int senders) {
            return new Options(pollTimeoutSeconds, workers, senders, requestTimeout, perChatIntervalMs, globalPerSecond, registerCommands, retryFor);
        }

        /** How long a reply is retried through an outage (null: {@code telegram.deliveryRetryMinutes}). */
        public Options withRetryFor(Duration d) {
            return new Options(pollTimeoutSeconds, workerThreads, senderThreads, requestTimeout, perChatIntervalMs, globalPerSecond, registerCommands, d);
        }
    }

    private final IsnadBot bot;
    private final OkHttpClient sendHttp;
    /** Stops taking updates (long polling, or the webhook's server). */
    private final Runnable stopReceiving;
    private final int webhookPort;
    private final WebhookDoor door;

    /** Closed after the bot (webhook mode: the chat holds' pool); null when polling. */
    private final AutoCloseable afterBot;

    private BotServer(IsnadBot bot, OkHttpClient sendHttp, Runnable stopReceiving, int webhookPort, WebhookDoor door,
                      AutoCloseable afterBot) {
        this.afterBot = afterBot;
        this.bot = bot;
        this.sendHttp = sendHttp;
        this.stopReceiving = stopReceiving;
        this.webhookPort = webhookPort;
        this.door = door;
    }

    /** The port the webhook listens on (webhook mode), 0 when polling. */
    public int webhookPort() {
        return webhookPort;
    }

    /** Updates answered through the webhook here, answered after another instance stopped, and redeliveries ignored. */
    public long[] webhookCounts() {
        return door == null ? new long[3] : new long[] {door.answered(), door.answeredAgain(), door.duplicates()};
    }

    /** {@code telegram.apiUrl} ("http://127.0.0.1:8081", "https://api.telegram.org") as the library's TelegramUrl. */
    public static TelegramUrl telegramUrl(String apiUrl) {
        if (apiUrl == null || apiUrl.isBlank()) {
            return TelegramUrl.DEFAULT_URL;
        }
        URI uri = URI.create(apiUrl.strip());
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("telegram.apiUrl is not a URL: " + apiUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    /** What both doors share: the client, the sender and the bot, built once. */
    private record Parts(IsnadBot bot, BotContext ctx, TelegramClient client, OkHttpClient sendHttp) {}

    /** The bot's key in its files and tables: bot id and Bot API endpoint (update ids are per bot and endpoint). */
    static String key(String token, TelegramUrl url) {
        return BotToken.botId(token) + "@" + url.getHost() + ":" + url.getPort();
    }

    private static Parts assemble(BotCore core, AnswerRecorder recorder, IsnadConfig config, String token, Options options,
                                  java.util.function.BiFunction<String, Sender, Memory> memory) {
        IsnadConfig.Telegram t = config.telegram();
        TelegramUrl url = telegramUrl(t.apiUrl());
        // Requests are asynchronous: many may be in flight (a stall in one chat must not queue the others)
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        OkHttpClient sendHttp = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new okhttp3.ConnectionPool(64, 5, java.util.concurrent.TimeUnit.MINUTES))
                .connectTimeout(options.requestTimeout())
                .readTimeout(options.requestTimeout())
                .writeTimeout(options.requestTimeout())
                .build();
        TelegramClient client = new OkHttpTelegramClient(sendHttp, token, url);
        User me = getMe(client, token);
        BotTexts texts = BotTexts.load();
        long perChat = options.perChatIntervalMs() != null ? options.perChatIntervalMs() : t.perChatIntervalMs();
        int global = options.globalPerSecond() != null ? options.globalPerSecond() : t.globalPerSecond();
        java.util.concurrent.atomic.AtomicReference<Sender> senderRef = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<BotState> stateRef = new java.util.concurrent.atomic.AtomicReference<>();
        Sender sender = new Sender(client, perChat, global, options.senderThreads(),
                options.retryFor() != null ? options.retryFor() : t.deliveryRetry(), chat -> {
            // told once, when Telegram answers again, in the reader's language (a private chat's id is its user's)
            org.isnad.text.Language l = stateRef.get().language(chat).orElse(org.isnad.text.Language.EN);
            senderRef.get().send(chat, org.telegram.telegrambots.meta.api.methods.send.SendMessage.builder()
                    .chatId(String.valueOf(chat)).text(texts.html(l, "notice.undelivered", java.util.Map.of()))
                    .parseMode("HTML").build());
        });
        senderRef.set(sender);
        Memory m = memory.apply(key(token, url), sender);
        stateRef.set(m.state());
        BotContext ctx = new BotContext(core, texts, new ReplyRenderer(texts, new MessageSplitter()), sender, recorder,
                new AnswerRefs(10_000), m.sentAnswers(), new Access(t), m.state(), config, me.getUserName() == null ? "" : me.getUserName(),
                m.signer());
        WarmUp.run(ctx.renderer());
        IsnadBot bot = new IsnadBot(ctx, me.getId(), options.workerThreads(), m.inbox());
        if (options.registerCommands()) {
            bot.registerCommands();
        }
        return new Parts(bot, ctx, client, sendHttp);
    }

    /** Where the bot keeps what it must remember: its data folder (one process) or the shared database. */
    private record Memory(BotState state, SentAnswers sentAnswers, ButtonSigner signer, UpdateInbox inbox) {}

    /**
     * Starts the bot: getMe (to learn its @username), the command menu, then long polling.
     *
     * @throws IllegalStateException when the Bot API server cannot be reached or refuses the token
     */
    public static BotServer start(BotCore core, AnswerRecorder recorder, IsnadConfig config, String token, Options options) {
        return start(core, recorder, config, token, options, org.isnad.audit.Pseudonymizer.of(config));
    }

    /**
     * As {@link #start(BotCore, AnswerRecorder, IsnadConfig, String, Options)}, the bot's files naming
     * chats and users with {@code pseudonyms}: the answer log's own (its key may live in a shared database).
     */
    public static BotServer start(BotCore core, AnswerRecorder recorder, IsnadConfig config, String token, Options options,
                                  org.isnad.audit.Pseudonymizer pseudonyms) {
        Parts parts = assemble(core, recorder, config, token, options, (key, sender) -> new Memory(
                BotState.open(config.dataPath(), key, pseudonyms::apply),
                SentAnswers.open(config.dataPath(), key, 10_000, pseudonyms::apply),
                ButtonSigner.open(config.dataPath()),
                UpdateInbox.open(config.dataPath(), key)));
        IsnadBot bot = parts.bot();
        BotState state = parts.ctx().state();
        TelegramUrl url = telegramUrl(config.telegram().apiUrl());
        ScheduledExecutorService pollExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "isnad-bot-poll");
            th.setDaemon(true);
            return th;
        });
        int pollTimeout = options.pollTimeoutSeconds();
        java.util.concurrent.atomic.AtomicReference<org.telegram.telegrambots.longpolling.BotSession> session =
                new java.util.concurrent.atomic.AtomicReference<>();
        UpdateIdResetWatch resetWatch = new UpdateIdResetWatch(state, session);
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
                com.fasterxml.jackson.databind.ObjectMapper::new,
                () -> new OkHttpClient.Builder()
                        .addInterceptor(resetWatch)
                        .connectTimeout(Duration.ofSeconds(30))
                        .readTimeout(Duration.ofSeconds(pollTimeout + 30L))
                        .writeTimeout(Duration.ofSeconds(30))
                        .build(),
                () -> pollExecutor);
        bot.replayPending(); // what a kill left taken on but unanswered, before anything new
        try {
            session.set(polling.registerBot(token, () -> url, lastReceived -> GetUpdates.builder()
                    .offset((int) Math.max(lastReceived, state.lastUpdateId()) + 1)
                    .limit(100)
                    .timeout(pollTimeout)
                    .allowedUpdates(ALLOWED_UPDATES)
                    .build(), bot));
        } catch (TelegramApiException e) {
            bot.close();
            throw new IllegalStateException("cannot start long polling: " + BotToken.mask(e.getMessage(), token), e);
        }
        LOG.info("bot @{} polling {}://{}:{}", parts.ctx().botUsername(), url.getSchema(), url.getHost(), url.getPort());
        return new BotServer(bot, parts.sendHttp(), () -> {
            try {
                polling.close();
            } catch (Exception e) {
                LOG.warn("stopping long polling: {}", e.toString());
            }
            pollExecutor.shutdownNow();
            try {
                pollExecutor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0, null, null);
    }

    /** The kinds of update the bot takes, by polling or webhook. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    /**
     * Starts one of several instances in webhook mode ({@code telegram.mode: webhook}): its state in
     * the answer log's shared PostgreSQL database, each update answered exactly once across the
     * instances ({@link WebhookDoor}), the global message rate shared between the instances alive,
     * and {@code /health} and {@code /ready} beside the webhook's path. With
     * {@code telegram.webhook.setOnStart} it registers the webhook; it never deletes it.
     *
     * @param secret the webhook's secret token ({@code ISNAD_TELEGRAM_WEBHOOK_SECRET})
     * @throws IllegalStateException when the log is not on PostgreSQL, or the Bot API cannot be reached
     */
    public static BotServer startWebhook(BotCore core, org.isnad.audit.AuditLog audit, IsnadConfig config, String token,
                                         String secret, Options options) {
        if (!(audit.database() instanceof org.isnad.audit.PostgresLogDatabase)) {
            throw new IllegalStateException("webhook mode shares its state between instances in PostgreSQL: "
                    + "set audit.backend: postgres (ISNAD_AUDIT_BACKEND) and audit.jdbcUrl");
        }
        IsnadConfig.Webhook w = config.telegram().webhook() == null
                ? new IsnadConfig.Webhook("", "127.0.0.1", 8443, "/telegram", 40, false) : config.telegram().webhook();
        javax.sql.DataSource ds = audit.database().dataSource();
        // one connection per update being answered (Telegram opens at most maxConnections requests at once)
        com.zaxxer.hikari.HikariDataSource holds = org.isnad.audit.PostgresLogDatabase.pool(config.audit().jdbcUrl(),
                w.maxConnectionsOrDefault() + 4, System.getenv(), "isnad-chat-holds", SharedBotState.holdsInitSql(WebhookDoor.CHAT_WAIT));
        String instance = instanceName();
        org.isnad.audit.Pseudonymizer pseudonyms = audit.pseudonymizer();
        SharedBotState[] shared = new SharedBotState[1];
        Parts parts = null;
        FleetShare fleet = null;
        WebhookServer server = null;
        try {
            parts = assemble(core, new AuditRecorder(audit), config, token, options, (key, sender) -> {
                shared[0] = new SharedBotState(ds, holds, key, instance);
                return new Memory(BotState.shared(shared[0], pseudonyms::apply),
                        SentAnswers.shared(shared[0], 10_000, pseudonyms::apply),
                        ButtonSigner.of(org.isnad.audit.SharedKeys.in(ds).key("buttons")),
                        null);
            });
            int global = options.globalPerSecond() != null ? options.globalPerSecond() : config.telegram().globalPerSecond();
            fleet = new FleetShare(shared[0], parts.ctx().sender(), global);
            fleet.start();
            WebhookDoor door = new WebhookDoor(parts.bot(), shared[0]);
            TelegramClient client = parts.client();
            ReadyCheck botApi = new ReadyCheck(() -> {
                try {
                    client.execute(new GetMe());
                    return true;
                } catch (TelegramApiException e) {
                    return false;
                }
            });
            server = WebhookServer.start(w.bindOrDefault(), w.port(), w.pathOrDefault(), secret, door, List.of(
                    new WebhookServer.Check("archive", () -> {
                        core.stats();
                        return true;
                    }),
                    new WebhookServer.Check("database", shared[0]::reachable),
                    new WebhookServer.Check("botApi", botApi)));
            if (w.setOnStart()) {
                WebhookCommands.set(client, w, secret);
            }
            LOG.info("bot @{} instance {} taking updates on {}:{}{}", parts.ctx().botUsername(), instance,
                    w.bindOrDefault(), server.port(), w.pathOrDefault());
            WebhookServer listening = server;
            FleetShare share = fleet;
            return new BotServer(parts.bot(), parts.sendHttp(), () -> {
                listening.close(); // the webhook itself stays registered: the other instances go on taking updates
                share.close();
            }, server.port(), door, holds);
        } catch (RuntimeException e) {
            // a start that fails half-way leaves nothing running: no listener, no heartbeat, no pool
            if (server != null) {
                server.close();
            }
            if (fleet != null) {
                fleet.close();
            }
            if (parts != null) {
                parts.bot().close();
                parts.sendHttp().dispatcher().executorService().shutdown();
            }
            holds.close();
            throw e;
        }
    }

    /** This process among the instances: host and pid. */
    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    private static User getMe(TelegramClient client, String token) {
        TelegramApiException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return client.execute(new GetMe());
            } catch (TelegramApiException e) {
                last = e;
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("the Bot API server did not answer getMe: "
                + BotToken.mask(last == null ? "interrupted" : String.valueOf(last.getMessage()), token));
    }

    public IsnadBot bot() {
        return bot;
    }

    @Override
    public void close() {
        stopReceiving.run();
        bot.close();
        if (afterBot != null) {
            try {
                afterBot.close();
            } catch (Exception e) {
                LOG.warn("closing: {}", e.toString());
            }
        }
        sendHttp.dispatcher().executorService().shutdown();
        sendHttp.connectionPool().evictAll();
    }
}
