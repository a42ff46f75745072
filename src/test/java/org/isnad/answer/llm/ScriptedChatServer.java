package org.isnad.answer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local chat server speaking both the OpenAI-compatible {@code /v1/chat/completions} and
 * Ollama's {@code /api/chat}, bound to 127.0.0.1 on a free port. Each test scripts the replies
 * (status, body, stall) as a function of the request, and can read back every request received.
 */
final class ScriptedChatServer implements AutoCloseable {

    /** One request as received: which endpoint, the system and last user message, the raw JSON. */
    record Received(String path, String model, String system, String user, String body) {

        boolean isQueryTranslation() {
            return system.contains("Translate the user's question") || system.contains("ترجم سؤال المستخدم");
        }

        boolean isQuoteTranslation() {
            return system.contains("Translate each numbered Arabic quotation");
        }

        /** The number of the {@code <passage>} in the user message whose text contains {@code s}; -1 if none. */
        int passageContaining(String s) {
            Matcher m = Pattern.compile("<passage n=\"(\\d+)\"[^>]*>\\n(.*?)\\n</passage>", Pattern.DOTALL).matcher(user);
            while (m.find()) {
                if (m.group(2).contains(s)) {
                    return Integer.parseInt(m.group(1));
                }
            }
            return -1;
        }

        int passageCount() {
            return user.split("<passage n=", -1).length - 1;
        }
    }

    /** What to send back; {@code content} is the assistant text wrapped in the endpoint's JSON shape unless raw. */
    record Reply(int status, String content, boolean raw, long stallMs) {
        static Reply say(String content) {
            return new Reply(200, content, false, 0);
        }

        static Reply status(int status) {
            return new Reply(status, "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}", true, 0);
        }

        static Reply rawBody(String body) {
            return new Reply(200, body, true, 0);
        }

        static Reply stall(long ms, String content) {
            return new Reply(200, content, false, ms);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Function<Received, Reply> script;

    ScriptedChatServer(Function<Received, Reply> script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", ex -> handle(ex, true));
        server.createContext("/api/chat", ex -> handle(ex, false));
        server.setExecutor(pool);
        server.start();
    }

    String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex, boolean openAi) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode req = JSON.readTree(body);
            String system = "";
            String user = "";
            for (JsonNode m : req.path("messages")) {
                if ("system".equals(m.path("role").asText())) {
                    system = m.path("content").asText();
                } else if ("user".equals(m.path("role").asText())) {
                    user = m.path("content").asText();
                }
            }
            Received r = new Received(ex.getRequestURI().getPath(), req.path("model").asText(), system, user, body);
            received.add(r);
            Reply reply = script.apply(r);
            if (reply.stallMs() > 0) {
                try {
                    Thread.sleep(reply.stallMs());
                } catch (InterruptedException e) {
                    return;
                }
            }
            String out = reply.raw() ? reply.content() : (openAi ? openAi(r.model(), reply.content()) : ollama(r.model(), reply.content()));
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    private static String openAi(String model, String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return root.toString();
    }

    private static String ollama(String model, String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model).put("created_at", "2026-01-01T00:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 10);
        return root.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
