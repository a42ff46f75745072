package org.isnad.bot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook's HTTP side: Telegram (or the load balancer in front of several instances) POSTs each
 * update to {@code path}; a request without the configured {@code X-Telegram-Bot-Api-Secret-Token} is
 * refused before its body is read. {@code GET /health} says the process is alive; {@code GET /ready}
 * says whether it can answer (archive, database and Bot API reachable), for the load balancer.
 *
 * <p>Why not the library's {@code TelegramBotsWebhookApplication}: telegrambots-webhook is published
 * only up to 9.5.0 (the other modules here are 10.2.0), and its server hands the bot the update
 * alone, so the secret header cannot be checked; it listens on every address, offers no place for
 * health endpoints, and deletes the webhook when any instance stops, which would cut off the
 * others. The updates are still the library's own {@link Update} objects, read as it reads them.
 */
final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /** A named check for {@code /ready}. */
    record Check(String name, BooleanSupplier ok) {}

    private final Javalin app;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WebhookServer(String path, byte[] secret, WebhookDoor door, java.util.List<Check> checks) {
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        app.post(path, ctx -> update(ctx, secret, door));
        app.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        app.get("/ready", ctx -> ready(ctx, checks));
    }

    /** Listens on {@code bind:port} (0: any free port) and returns once it is bound. */
    static WebhookServer start(String bind, int port, String path, String secret, WebhookDoor door, java.util.List<Check> checks) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("webhook mode needs a secret token: set ISNAD_TELEGRAM_WEBHOOK_SECRET "
                    + "(1-256 characters A-Z, a-z, 0-9, _ and -)");
        }
        if (!secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalStateException("ISNAD_TELEGRAM_WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - (1-256 characters)");
        }
        WebhookServer s = new WebhookServer(path, secret.getBytes(StandardCharsets.UTF_8), door, checks);
        s.app.start(bind, port);
        LOG.info("webhook listening on {}:{}{}", bind, s.port(), path);
        return s;
    }

    int port() {
        return app.port();
    }

    private void update(Context ctx, byte[] secret, WebhookDoor door) {
        String given = ctx.header(SECRET_HEADER);
        if (given == null) {
            ctx.status(401).result("missing " + SECRET_HEADER);
            return;
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret)) {
            ctx.status(403).result("wrong " + SECRET_HEADER);
            return;
        }
        Update u;
        try {
            u = json.readValue(ctx.bodyAsBytes(), Update.class);
        } catch (java.io.IOException | RuntimeException e) {
            ctx.status(400).result("not a Telegram update");
            return;
        }
        ctx.status(door.take(u));
    }

    private static void ready(Context ctx, java.util.List<Check> checks) {
        Map<String, Boolean> result = new LinkedHashMap<>();
        boolean all = true;
        for (Check c : checks) {
            boolean ok;
            try {
                ok = c.ok().getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            result.put(c.name(), ok);
            all &= ok;
        }
        StringBuilder body = new StringBuilder("{\"ready\":").append(all);
        result.forEach((k, v) -> body.append(",\"").append(k).append("\":").append(v));
        ctx.status(all ? 200 : 503).contentType("application/json").result(body.append('}').toString());
    }

    @Override
    public void close() {
        app.stop();
    }
}
