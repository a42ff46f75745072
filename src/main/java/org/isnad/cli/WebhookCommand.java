package org.isnad.cli;

import java.util.concurrent.Callable;
import org.isnad.bot.BotServer;
import org.isnad.bot.BotToken;
import org.isnad.bot.WebhookCommands;
import org.isnad.config.IsnadConfig;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = {"Registers, removes or shows the bot's webhook with the Bot API (telegram.mode: webhook).",
                "set: the URL in telegram.webhook.url, the secret token from ISNAD_TELEGRAM_WEBHOOK_SECRET, message and "
                        + "button updates, telegram.webhook.maxConnections. delete: back to long polling. info: what Telegram has."})
final class WebhookCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Parameters(index = "0", paramLabel = "set|delete|info")
    String action;

    @Option(names = "--drop-pending", description = "delete: also drop the updates Telegram holds for the bot.")
    boolean dropPending;

    @Override
    public Integer call() {
        IsnadConfig config = root.config();
        String token = BotToken.resolve(root.env(), config.telegram());
        var client = new OkHttpTelegramClient(token, BotServer.telegramUrl(config.telegram().apiUrl()));
        try {
            switch (action) {
                case "set" -> {
                    IsnadConfig.Webhook w = config.telegram().webhook();
                    String secret = root.env().get("ISNAD_TELEGRAM_WEBHOOK_SECRET");
                    if (w == null || secret == null || secret.isBlank()) {
                        System.err.println("isnad: set telegram.webhook.url and ISNAD_TELEGRAM_WEBHOOK_SECRET first");
                        return 2;
                    }
                    WebhookCommands.set(client, w, secret);
                    System.out.println("webhook set: " + w.url());
                }
                case "delete" -> {
                    WebhookCommands.delete(client, dropPending);
                    System.out.println("webhook deleted");
                }
                case "info" -> {
                    WebhookInfo i = WebhookCommands.info(client);
                    System.out.println("url:                  " + (i.getUrl() == null || i.getUrl().isEmpty() ? "(none: long polling)" : i.getUrl()));
                    System.out.println("pending updates:      " + i.getPendingUpdatesCount());
                    System.out.println("max connections:      " + i.getMaxConnections());
                    System.out.println("allowed updates:      " + i.getAllowedUpdates());
                    if (i.getLastErrorMessage() != null) {
                        System.out.println("last error:           " + i.getLastErrorMessage() + " (at " + i.getLastErrorDate() + ")");
                    }
                }
                default -> {
                    System.err.println("isnad: webhook takes set, delete or info, not " + action);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("isnad: " + BotToken.mask(e.getMessage(), token));
            return 1;
        }
    }
}
