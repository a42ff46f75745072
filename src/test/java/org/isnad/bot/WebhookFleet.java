package org.isnad.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code isnad serve} processes in webhook mode for the fleet test and benchmark: each in a data
 * folder of its own, all on one PostgreSQL, against one Bot API stand-in, output in
 * {@code target/webhook-fleet/<name>.log}.
 */
final class WebhookFleet {

    static final String SECRET = "fleet-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One instance: the process, its webhook port, and the requests a balancer has open to it. */
    record Instance(String name, Process process, int port, AtomicInteger inFlight) {
        boolean alive() {
            return process.isAlive();
        }
    }

    private WebhookFleet() {}

    /** Starts {@code isnad serve} in webhook mode; {@code extraEnv} adds or overrides settings. */
    static Instance start(String name, Path dataDir, String apiUrl, String jdbcUrl, Map<String, String> extraEnv) throws IOException {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dataDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.isnad.cli.IsnadCli", "serve")
                .redirectErrorStream(true).redirectOutput(logOf(name).toFile());
        Map<String, String> env = pb.environment();
        env.remove("ISNAD_CONFIG");
        env.put("ISNAD_DATA_DIR", dataDir.toString());
        env.put("ISNAD_TELEGRAM_API_URL", apiUrl);
        env.put("TELEGRAM_BOT_TOKEN", BotFixture.TOKEN);
        env.put("ISNAD_TELEGRAM_MODE", "webhook");
        env.put("ISNAD_TELEGRAM_WEBHOOK_PORT", String.valueOf(port));
        env.put("ISNAD_TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("ISNAD_AUDIT_BACKEND", "postgres");
        env.put("ISNAD_AUDIT_JDBC_URL", jdbcUrl);
        env.put("ISNAD_TELEGRAM_PER_CHAT_INTERVAL_MS", "0");
        env.put("ISNAD_TELEGRAM_FLOOD_PER_MINUTE", "0");
        env.put("ISNAD_LOG_LEVEL", "INFO");
        env.putAll(extraEnv);
        return new Instance(name, pb.start(), port, new AtomicInteger());
    }

    /** Each instance's output, kept in target/ after the run for a failure to be read. */
    static Path logOf(String name) throws IOException {
        Path logs = Path.of("target", "webhook-fleet");
        Files.createDirectories(logs);
        return logs.resolve(name + ".log");
    }

    /** Waits until {@code /ready} answers 200. */
    static void awaitReady(Instance i) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!i.alive()) {
                throw new AssertionError("instance " + i.name() + " stopped: " + Files.readString(logOf(i.name())));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("instance " + i.name() + " never ready: " + Files.readString(logOf(i.name())));
    }

    /** One POST of an update; the status, or -1 when the connection failed. */
    static int post(Instance to, String update) {
        to.inFlight().incrementAndGet();
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/telegram"))
                            .header(WebhookServer.SECRET_HEADER, SECRET).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            to.inFlight().decrementAndGet();
        }
    }
}
