package org.isnad.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code isnad bench webhook}: answers per second through {@code isnad serve} processes in webhook
 * mode on one PostgreSQL (a schema of its own, dropped afterwards), a stand-in for the Bot API on
 * 127.0.0.1 behind them (it takes every message at once), 50 chats in front, each update to a random
 * instance and a chat's next update once the previous is answered, as Telegram delivers a chat. The
 * global rate limit is off: the figure is what the instances can answer on this machine, each over
 * the bundled sample in its own data folder.
 */
public final class WebhookBench {

    private static final String SECRET = "bench-secret";
    private static final List<String> QUESTIONS = List.of("من دعت روسيا إلى موسكو؟", "Who did Russia invite to Moscow?",
            "متى دعت روسيا الفصائل الفلسطينية؟", "When did Russia invite the Palestinian factions to Moscow?");

    public record Options(List<Integer> instances, int chats, int perChat) {}

    /** Per fleet size: answers a second from the first update to the last answer. */
    public record Result(Options options, Map<Integer, Double> answersPerSecond) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chats", options.chats());
            m.put("updatesPerRun", options.chats() * options.perChat());
            Map<String, Object> by = new LinkedHashMap<>();
            answersPerSecond.forEach((n, a) -> by.put(n + " instance(s)", Math.round(a * 10) / 10.0));
            m.put("answersPerSecond", by);
            return m;
        }

        public String toTable() {
            StringBuilder b = new StringBuilder(String.format("webhook answers: %d updates over %d chats a run, global rate off%n",
                    options.chats() * options.perChat(), options.chats()));
            answersPerSecond.forEach((n, a) -> b.append(String.format("%d instance(s)  %8.1f answers/s%n", n, a)));
            return b.toString();
        }
    }

    private WebhookBench() {}

    public static Result run(String jdbcUrl, Map<String, String> env, Options o) throws Exception {
        Map<Integer, Double> out = new LinkedHashMap<>();
        String schema = "isnad_webhook_bench_" + ProcessHandle.current().pid();
        try (StandIn api = new StandIn()) {
            for (int n : o.instances()) {
                String runSchema = schema + "_" + n;
                try (Connection c = DriverManager.getConnection(jdbcUrl, credentials(env)); Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + runSchema);
                }
                try {
                    out.put(n, fleet(n, jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + runSchema + ",public", env, api, o));
                } finally {
                    try (Connection c = DriverManager.getConnection(jdbcUrl, credentials(env)); Statement st = c.createStatement()) {
                        st.execute("DROP SCHEMA " + runSchema + " CASCADE");
                    }
                }
            }
        }
        return new Result(o, out);
    }

    private static java.util.Properties credentials(Map<String, String> env) {
        java.util.Properties p = new java.util.Properties();
        if (env.get("ISNAD_AUDIT_DB_USER") != null) {
            p.setProperty("user", env.get("ISNAD_AUDIT_DB_USER"));
        }
        if (env.get("ISNAD_AUDIT_DB_PASSWORD") != null) {
            p.setProperty("password", env.get("ISNAD_AUDIT_DB_PASSWORD"));
        }
        return p;
    }

    private static double fleet(int n, String jdbcUrl, Map<String, String> env, StandIn api, Options o) throws Exception {
        Path dir = Files.createTempDirectory("isnad-webhook-bench");
        List<Process> processes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            for (int i = 0; i < n; i++) {
                int port;
                try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
                String java = ProcessHandle.current().info().command().orElse("java");
                ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.isnad.cli.IsnadCli", "serve")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("serve-" + i + ".log").toFile());
                Map<String, String> e = pb.environment();
                e.remove("ISNAD_CONFIG");
                e.putAll(env);
                e.put("ISNAD_DATA_DIR", dir.resolve("data-" + i).toString());
                e.put("ISNAD_TELEGRAM_API_URL", api.url());
                e.put("TELEGRAM_BOT_TOKEN", "4242:bench");
                e.put("ISNAD_TELEGRAM_MODE", "webhook");
                e.put("ISNAD_TELEGRAM_WEBHOOK_PORT", String.valueOf(port));
                e.put("ISNAD_TELEGRAM_WEBHOOK_SECRET", SECRET);
                e.put("ISNAD_AUDIT_BACKEND", "postgres");
                e.put("ISNAD_AUDIT_JDBC_URL", jdbcUrl);
                e.put("ISNAD_TELEGRAM_GLOBAL_PER_SECOND", "0");
                e.put("ISNAD_TELEGRAM_PER_CHAT_INTERVAL_MS", "0");
                e.put("ISNAD_TELEGRAM_FLOOD_PER_MINUTE", "0");
                e.remove("ISNAD_REVIEW_TOKEN");
                processes.add(pb.start());
                ports.add(port);
            }
            for (int i = 0; i < n; i++) {
                awaitReady(http, processes.get(i), ports.get(i), dir.resolve("serve-" + i + ".log"));
            }
            int before = api.sent.get();
            AtomicInteger updateIds = new AtomicInteger(1 + before * 10);
            long t0 = System.nanoTime();
            List<Thread> chats = new ArrayList<>();
            for (int c = 0; c < o.chats(); c++) {
                int chat = 9000 + c;
                Random random = new Random(c);
                chats.add(Thread.ofVirtual().start(() -> {
                    for (int k = 0; k < o.perChat(); k++) {
                        String update = update(updateIds.getAndIncrement(), chat, QUESTIONS.get((chat + k) % QUESTIONS.size()));
                        while (post(http, ports.get(random.nextInt(ports.size())), update) != 200) {
                            Thread.onSpinWait();
                        }
                    }
                }));
            }
            for (Thread t : chats) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return (api.sent.get() - before) / seconds;
        } finally {
            for (Process p : processes) {
                p.destroy();
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String update(int id, long chat, String text) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode u = json.createObjectNode().put("update_id", id);
        ObjectNode m = u.putObject("message").put("message_id", id).put("date", System.currentTimeMillis() / 1000).put("text", text);
        m.putObject("chat").put("id", chat).put("type", "private");
        m.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Reader").put("language_code", "en");
        return u.toString();
    }

    private static int post(HttpClient http, int port, String update) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                            .header(WebhookServer.SECRET_HEADER, SECRET).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitReady(HttpClient http, Process p, int port, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("an instance stopped: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("an instance never became ready: " + Files.readString(log));
    }

    /** The Bot API as far as answering needs it: every message taken at once, counted. */
    private static final class StandIn implements AutoCloseable {
        private final HttpServer server;
        private final ObjectMapper json = new ObjectMapper();
        final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger messageIds = new AtomicInteger(1);

        StandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bench-bot-api");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
                byte[] body = ex.getRequestBody().readAllBytes();
                ObjectNode reply = json.createObjectNode().put("ok", true);
                switch (method) {
                    case "getme" -> reply.putObject("result").put("id", 4242).put("is_bot", true).put("first_name", "Isnad")
                            .put("username", "IsnadBenchBot");
                    case "sendmessage" -> {
                        JsonNode req = json.readTree(body);
                        int id = messageIds.incrementAndGet();
                        ObjectNode m = reply.putObject("result").put("message_id", id).put("date", System.currentTimeMillis() / 1000)
                                .put("text", "ok");
                        m.putObject("chat").put("id", req.path("chat_id").asLong()).put("type", "private");
                        sent.incrementAndGet();
                    }
                    default -> reply.put("result", true);
                }
                byte[] out = reply.toString().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
