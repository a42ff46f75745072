package org.isnad.bot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code isnad serve} process in webhook mode on 127.0.0.1, on a free port, its answer log and
 * state in the PostgreSQL at {@code jdbcUrl}, for {@code isnad bench webhook} and the fleet test: it
 * is started from this process's own class path, waited for until {@code /ready}, and given updates
 * as Telegram (or a load balancer) would post them.
 */
public final class WebhookInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final String secret;
    private final Path log;
    private final AtomicInteger inFlight = new AtomicInteger();

    private WebhookInstance(String name, Process process, int port, String secret, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.secret = secret;
        this.log = log;
    }

    /**
     * Starts the process: its own data folder, the Bot API at {@code apiUrl}, per-chat pacing and the
     * flood limit off; {@code env} adds or overrides settings. Its output goes to {@code log}.
     */
    public static WebhookInstance start(String name, Path dataDir, Path log, String apiUrl, String token, String jdbcUrl,
                                        String secret, Map<String, String> env) throws IOException {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dataDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.isnad.cli.IsnadCli", "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        e.remove("ISNAD_CONFIG");
        e.remove("ISNAD_REVIEW_TOKEN");
        e.put("ISNAD_DATA_DIR", dataDir.toString());
        e.put("ISNAD_TELEGRAM_API_URL", apiUrl);
        e.put("TELEGRAM_BOT_TOKEN", token);
        e.put("ISNAD_TELEGRAM_MODE", "webhook");
        e.put("ISNAD_TELEGRAM_WEBHOOK_PORT", String.valueOf(port));
        e.put("ISNAD_TELEGRAM_WEBHOOK_SECRET", secret);
        e.put("ISNAD_AUDIT_BACKEND", "postgres");
        e.put("ISNAD_AUDIT_JDBC_URL", jdbcUrl);
        e.put("ISNAD_TELEGRAM_PER_CHAT_INTERVAL_MS", "0");
        e.put("ISNAD_TELEGRAM_FLOOD_PER_MINUTE", "0");
        e.putAll(env);
        return new WebhookInstance(name, pb.start(), port, secret, log);
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Requests posted to this instance and not yet answered. */
    public AtomicInteger inFlight() {
        return inFlight;
    }

    /** Waits until {@code /ready} answers 200; fails with the process's output when it stops or never is. */
    public void awaitReady(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException("instance " + name + " stopped: " + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("instance " + name + " never became ready: " + Files.readString(log));
    }

    /** Posts one update with the secret header; the status, or -1 when the connection failed. */
    public int post(String update) {
        inFlight.incrementAndGet();
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                            .header(WebhookServer.SECRET_HEADER, secret).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
