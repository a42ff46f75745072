package org.isnad.bot;

import org.isnad.audit.ScratchSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (StandIn api = new StandIn()) {
            for (int n : o.instances()) {
                try (ScratchSchema schema = ScratchSchema.create(jdbcUrl, env, "isnad_webhook_bench_" + n)) {
                    out.put(n, fleet(n, schema.url(), env, api, o));
                }
            }
        }
        return new Result(o, out);
    }

    private static double fleet(int n, String jdbcUrl, Map<String, String> env, StandIn api, Options o) throws Exception {
        Path dir = Files.createTempDirectory("isnad-webhook-bench");
        List<WebhookInstance> fleet = new ArrayList<>();
        try {
            Map<String, String> settings = new LinkedHashMap<>(env);
            settings.put("ISNAD_TELEGRAM_GLOBAL_PER_SECOND", "0");
            for (int i = 0; i < n; i++) {
                fleet.add(WebhookInstance.start("bench-" + i, dir.resolve("data-" + i), dir.resolve("serve-" + i + ".log"),
                        api.url(), "4242:bench", jdbcUrl, SECRET, settings));
            }
            for (WebhookInstance i : fleet) {
                i.awaitReady(Duration.ofMinutes(3));
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
                        while (fleet.get(random.nextInt(fleet.size())).post(update) != 200) {
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
            for (WebhookInstance i : fleet) {
                i.close();
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
