package org.isnad.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.isnad.Isnad;
import org.isnad.bot.AuditRecorder;
import org.isnad.bot.BotServer;
import org.isnad.bot.BotToken;
import org.isnad.bot.IsnadBotCore;
import org.isnad.config.IsnadConfig;
import org.isnad.review.ReviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Telegram bot (long polling) until stopped with Ctrl-C.",
                "Token: TELEGRAM_BOT_TOKEN or telegram.tokenFile. Bot API: telegram.apiUrl / ISNAD_TELEGRAM_API_URL."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Override
    public Integer call() throws Exception {
        IsnadConfig config = root.config();
        String token = BotToken.resolve(root.env(), config.telegram());
        try (Isnad isnad = Isnad.open(config)) {
            isnad.ensureSampleIndexed();
            IsnadBotCore core = new IsnadBotCore(isnad);
            warmUp(core);
            CountDownLatch stop = new CountDownLatch(1);
            ReviewServer review = startReviewPage(isnad, config);
            org.isnad.feeds.ArchiveWatch watch = startWatch(isnad, config);
            // /review gives the address the page really runs on (the port may differ from the configured one)
            IsnadConfig botConfig = review == null || hasPublicUrl(config) ? config : config.withReview(new IsnadConfig.Review(
                    review.port(), config.review().bind(), config.review().token(), review.url().toString(),
                    config.review().trustedProxies()));
            try (BotServer server = startBot(isnad, core, botConfig, token)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (watch != null) {
                        watch.close();
                    }
                    server.close();
                    if (review != null) {
                        review.stop();
                    }
                    stop.countDown();
                }, "isnad-serve-stop"));
                System.err.println("isnad: bot @" + server.bot().context().botUsername() + " is running against "
                        + BotServer.telegramUrl(config.telegram().apiUrl()).getHost()
                        + (server.webhookPort() > 0 ? ", webhook on port " + server.webhookPort() : ", long polling")
                        + "; Ctrl-C stops it");
                stop.await();
            }
        }
        return 0;
    }

    /** Long polling (one process), or one of several instances behind a load balancer (telegram.mode: webhook). */
    private BotServer startBot(Isnad isnad, IsnadBotCore core, IsnadConfig config, String token) {
        if (config.telegram().webhookMode()) {
            return BotServer.startWebhook(core, isnad.audit(), config, token, root.env().get("ISNAD_TELEGRAM_WEBHOOK_SECRET"),
                    BotServer.Options.defaults().withThreads(8, 8));
        }
        // the bot's files name chats and users as the answer log does: by its pseudonyms
        return BotServer.start(core, new AuditRecorder(isnad.audit()), config, token, BotServer.Options.defaults(),
                isnad.audit().pseudonymizer());
    }

    /**
     * The archive kept up to date beside the bot (its own thread: answering never waits for it) when
     * {@code ingest.watch.folders} names folders or feeds are followed; null otherwise.
     */
    static org.isnad.feeds.ArchiveWatch startWatch(Isnad isnad, IsnadConfig config) {
        var watching = config.ingest().watching();
        if (watching.folders().isEmpty() && isnad.feeds().list().all().isEmpty()) {
            return null;
        }
        var watch = new org.isnad.feeds.ArchiveWatch(isnad.ingester(), isnad.feeds(),
                watching.folders().stream().map(java.nio.file.Path::of).toList());
        watch.start(java.time.Duration.ofSeconds(watching.intervalSeconds()), WatchCommand::print);
        System.err.println("isnad: keeping " + watching.folders().size() + " folder(s) and "
                + isnad.feeds().list().all().size() + " feed(s) up to date every " + watching.intervalSeconds() + " s");
        return watch;
    }

    private static boolean hasPublicUrl(IsnadConfig config) {
        return config.review() != null && config.review().publicUrl() != null && !config.review().publicUrl().isBlank();
    }

    /** The moderators' review page beside the bot, when a moderator token is configured; null otherwise. */
    private static ReviewServer startReviewPage(Isnad isnad, IsnadConfig config) {
        ReviewServer.Options options = ReviewServer.Options.from(config.review());
        if (options.token() == null || options.token().isBlank()) {
            System.err.println("isnad: review page off (set ISNAD_REVIEW_TOKEN to serve it beside the bot)");
            return null;
        }
        ReviewServer review = ReviewServer.start(options, isnad.audit(),
                docId -> isnad.index().document(docId).map(org.isnad.archive.Document::text));
        System.err.println("isnad: review page at " + review.url());
        return review;
    }

    /** One question through the core before the first subscriber's, so theirs does not pay for loading. */
    private static void warmUp(IsnadBotCore core) {
        try {
            org.isnad.index.IndexStats stats = core.stats();
            // Both languages' paths (cross-lingual matching loads its dictionaries on first use).
            core.ask("Who was invited, when and why?", null);
            String title = stats.latest().isEmpty() ? "من قال ماذا ومتى؟" : stats.latest().get(0).title();
            core.ask(title, null);
        } catch (RuntimeException e) {
            // The bot still starts; the first real question will show the problem to the log.
        }
    }
}
