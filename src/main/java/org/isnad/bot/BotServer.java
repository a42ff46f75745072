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
    private final TelegramBotsLongPollingApplication polling;
    private final ScheduledExecutorService pollExecutor;
    private final OkHttpClient sendHttp;

    private BotServer(IsnadBot bot, TelegramBotsLongPollingApplication polling, ScheduledExecutorService pollExecutor, OkHttpClient sendHttp) {
        this.bot = bot;
        this.polling = polling;
        this.pollExecutor = pollExecutor;
        this.sendHttp = sendHttp;
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

    /**
     * Starts the bot: getMe (to learn its @username), the command menu, then long polling.
     *
     * @throws IllegalStateException when the Bot API server cannot be reached or refuses the token
     */
    public static BotServer start(BotCore core, AnswerRecorder recorder, IsnadConfig config, String token, Options options) {
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
        String key = BotToken.botId(token) + "@" + url.getHost() + ":" + url.getPort();
        // the bot's files name chats and users as the answer log does: by keyed pseudonym
        org.isnad.audit.Pseudonymizer pseudonyms = org.isnad.audit.Pseudonymizer.of(config);
        BotState state = BotState.open(config.dataPath(), key, pseudonyms::apply);
        BotTexts texts = BotTexts.load();
        long perChat = options.perChatIntervalMs() != null ? options.perChatIntervalMs() : t.perChatIntervalMs();
        int global = options.globalPerSecond() != null ? options.globalPerSecond() : t.globalPerSecond();
        BotTexts undeliveredTexts = texts;
        java.util.concurrent.atomic.AtomicReference<Sender> senderRef = new java.util.concurrent.atomic.AtomicReference<>();
        Sender sender = new Sender(client, perChat, global, options.senderThreads(),
                options.retryFor() != null ? options.retryFor() : t.deliveryRetry(), chat -> {
            // told once, when Telegram answers again, in the reader's language (a private chat's id is its user's)
            org.isnad.text.Language l = state.language(chat).orElse(org.isnad.text.Language.EN);
            senderRef.get().send(chat, org.telegram.telegrambots.meta.api.methods.send.SendMessage.builder()
                    .chatId(String.valueOf(chat)).text(undeliveredTexts.html(l, "notice.undelivered", java.util.Map.of()))
                    .parseMode("HTML").build());
        });
        senderRef.set(sender);
        BotContext ctx = new BotContext(core, texts, new ReplyRenderer(texts, new MessageSplitter()), sender, recorder,
                new AnswerRefs(10_000), SentAnswers.open(config.dataPath(), key, 10_000, pseudonyms::apply), new Access(t), state, config, me.getUserName() == null ? "" : me.getUserName(),
                ButtonSigner.open(config.dataPath()));
        WarmUp.run(ctx.renderer());
        IsnadBot bot = new IsnadBot(ctx, me.getId(), options.workerThreads(), UpdateInbox.open(config.dataPath(), key));
        if (options.registerCommands()) {
            bot.registerCommands();
        }
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
                    .allowedUpdates(List.of("message", "callback_query"))
                    .build(), bot));
        } catch (TelegramApiException e) {
            bot.close();
            throw new IllegalStateException("cannot start long polling: " + BotToken.mask(e.getMessage(), token), e);
        }
        LOG.info("bot @{} polling {}://{}:{}", ctx.botUsername(), url.getSchema(), url.getHost(), url.getPort());
        return new BotServer(bot, polling, pollExecutor, sendHttp);
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
        bot.close();
        sendHttp.dispatcher().executorService().shutdown();
        sendHttp.connectionPool().evictAll();
    }
}
