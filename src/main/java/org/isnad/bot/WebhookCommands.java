package org.isnad.bot;

import org.isnad.config.IsnadConfig;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Registering, removing and reading the bot's webhook with the Bot API ({@code isnad webhook set|delete|info}). */
public final class WebhookCommands {

    private WebhookCommands() {}

    /** setWebhook with the public URL, the secret token, the kinds of update taken and the connection limit. */
    public static void set(TelegramClient client, IsnadConfig.Webhook w, String secret) {
        if (w.url() == null || w.url().isBlank()) {
            throw new IllegalStateException("telegram.webhook.url (ISNAD_TELEGRAM_WEBHOOK_URL) is not set: "
                    + "the public https address Telegram posts updates to");
        }
        try {
            client.execute(SetWebhook.builder()
                    .url(w.url())
                    .secretToken(secret)
                    .allowedUpdates(BotServer.ALLOWED_UPDATES)
                    .maxConnections(w.maxConnectionsOrDefault())
                    .build());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("setWebhook failed: " + e.getMessage(), e);
        }
    }

    /** deleteWebhook (back to long polling); pending updates stay with Telegram unless {@code dropPending}. */
    public static void delete(TelegramClient client, boolean dropPending) {
        try {
            client.execute(DeleteWebhook.builder().dropPendingUpdates(dropPending).build());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("deleteWebhook failed: " + e.getMessage(), e);
        }
    }

    public static WebhookInfo info(TelegramClient client) {
        try {
            return client.execute(new GetWebhookInfo());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("getWebhookInfo failed: " + e.getMessage(), e);
        }
    }
}
