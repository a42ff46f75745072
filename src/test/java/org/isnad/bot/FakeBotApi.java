package org.isnad.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict in-JVM Bot API for what the npm emulator does not check. It honours {@code offset} (updates
 * below it are confirmed and gone) and long-polls up to {@code timeout}; it rejects messages over 4096
 * characters after entity parsing and malformed HTML with Telegram's own
 * {@code 400 Bad Request: can't parse entities}, and callback_data over 64 bytes; and it can be told to
 * answer the next sendMessage calls with 429 + retry_after, 500, or to stall. A message is stored only
 * when it is accepted, as on the real server.
 */
final class FakeBotApi implements AutoCloseable {

    static final long BOT_ID = 4242;
    static final String BOT_USERNAME = "IsnadFakeBot";

    /** A fault for one coming sendMessage call. */
    record Fault(int status, int retryAfter, long stallMs, boolean delivered) {
        static Fault tooMany(int retryAfterSeconds) {
            return new Fault(429, retryAfterSeconds, 0, false);
        }

        static Fault serverError() {
            return new Fault(500, 0, 0, false);
        }

        static Fault stall(long ms) {
            return new Fault(0, 0, ms, false);
        }

        /** The message is delivered at once, but the answer to the request comes {@code ms} later. */
        static Fault lateDelivery(long ms) {
            return new Fault(200, 0, ms, true);
        }
    }

    /** An accepted message. */
    record Sent(int messageId, long chatId, String text, String parseMode, JsonNode replyMarkup, long atMs) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Object lock = new Object();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    private final List<Long> offsetsSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextUpdateId;
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private volatile boolean ignoreOffset;
    /** What setWebhook registered (null: none). */
    private volatile JsonNode webhook;
    /** Runs on each sendChatAction before it is answered (null: none). */
    private volatile java.util.function.Consumer<JsonNode> onChatAction;
    private volatile long maxPollWaitMs = 1000;

    FakeBotApi() throws IOException {
        this(1);
    }

    FakeBotApi(int firstUpdateId) throws IOException {
        this.nextUpdateId = new AtomicInteger(firstUpdateId);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Behave like a lax server that re-sends every stored update whatever the offset. */
    void ignoreOffset(boolean ignore) {
        this.ignoreOffset = ignore;
    }

    void maxPollWait(long ms) {
        this.maxPollWaitMs = ms;
    }

    private volatile long outageUntil;

    /**
     * Starts update ids again at {@code id}, as Telegram does after a week without updates; like
     * Telegram it then returns the new, lower ids even to a poll whose offset is above them.
     */
    void restartUpdateIdsAt(int id) {
        synchronized (lock) {
            nextUpdateId.set(id);
        }
    }

    /** Every sendMessage fails with 500 for the next {@code ms} (an outage of the Bot API). */
    void outageFor(long ms) {
        outageUntil = System.currentTimeMillis() + ms;
    }

    void failNext(Fault... next) {
        synchronized (lock) {
            faults.addAll(List.of(next));
        }
    }

    /** What setWebhook registered, or null. */
    JsonNode webhook() {
        return webhook;
    }

    /** Runs {@code hook} on each sendChatAction request before it is answered: it may hold the request. */
    void onChatAction(java.util.function.Consumer<JsonNode> hook) {
        this.onChatAction = hook;
    }

    /**
     * A user's text message as Telegram would POST it to a webhook: a fresh update id, not queued for
     * getUpdates.
     */
    ObjectNode webhookUpdate(long chatId, long userId, String text, String languageCode) {
        ObjectNode m = textMessage(chatId, userId, text, languageCode);
        ObjectNode u = json.createObjectNode().put("update_id", nextUpdateId.getAndIncrement());
        u.set("message", m);
        return u;
    }

    // ------------------------------------------------------------------ acting as users

    int userSends(long chatId, long userId, String text, String languageCode) {
        return addUpdate("message", textMessage(chatId, userId, text, languageCode));
    }

    /** A private chat's text message, a leading /command marked as Telegram marks it. */
    private ObjectNode textMessage(long chatId, long userId, String text, String languageCode) {
        ObjectNode m = baseMessage(chatId, "private", userId, languageCode);
        m.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        return m;
    }

    /** A private message replying to the bot's message {@code replyToMessageId} (Telegram nests that message, from the bot). */
    int userReplies(long chatId, long userId, String text, String languageCode, int replyToMessageId) {
        ObjectNode m = baseMessage(chatId, "private", userId, languageCode);
        m.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        ObjectNode replied = m.putObject("reply_to_message");
        replied.put("message_id", replyToMessageId);
        replied.put("date", nowSeconds());
        replied.putObject("chat").put("id", chatId).put("type", "private");
        replied.set("from", botUser());
        sent.stream().filter(x -> x.messageId() == replyToMessageId).findFirst()
                .ifPresent(x -> replied.put("text", Html.parsedText(x.text())));
        return addUpdate("message", m);
    }

    int userSendsInGroup(long groupId, long userId, String text) {
        ObjectNode m = baseMessage(groupId, "group", userId, "en");
        m.put("text", text);
        return addUpdate("message", m);
    }

    /** A group member replies to one of the bot's messages there. */
    int userRepliesInGroup(long groupId, long userId, String text, int replyToMessageId) {
        ObjectNode m = baseMessage(groupId, "group", userId, "en");
        m.put("text", text);
        ObjectNode replied = m.putObject("reply_to_message");
        replied.put("message_id", replyToMessageId);
        replied.put("date", nowSeconds());
        replied.putObject("chat").put("id", groupId).put("type", "group");
        replied.set("from", botUser());
        return addUpdate("message", m);
    }

    int userSendsSticker(long chatId, long userId, String languageCode) {
        ObjectNode m = baseMessage(chatId, "private", userId, languageCode);
        m.putObject("sticker").put("file_id", "CAAD").put("file_unique_id", "u1").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        return addUpdate("message", m);
    }

    int userPresses(long chatId, long userId, int messageId, String data) {
        ObjectNode q = json.createObjectNode();
        q.put("id", "cb" + nextUpdateId.get());
        q.set("from", user(userId, "en"));
        q.put("chat_instance", "ci");
        q.put("data", data);
        ObjectNode msg = q.putObject("message");
        msg.put("message_id", messageId);
        msg.put("date", nowSeconds());
        msg.putObject("chat").put("id", chatId).put("type", "private");
        msg.set("from", botUser());
        msg.put("text", "answer");
        return addUpdate("callback_query", q);
    }

    private ObjectNode baseMessage(long chatId, String type, long userId, String languageCode) {
        ObjectNode m = json.createObjectNode();
        m.put("message_id", nextMessageId.incrementAndGet());
        m.put("date", nowSeconds());
        ObjectNode chat = m.putObject("chat").put("id", chatId).put("type", type);
        if (!type.equals("private")) {
            chat.put("title", "A group");
        }
        m.set("from", user(userId, languageCode));
        return m;
    }

    private ObjectNode user(long id, String languageCode) {
        ObjectNode u = json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "User" + id);
        if (languageCode != null) {
            u.put("language_code", languageCode);
        }
        return u;
    }

    private ObjectNode botUser() {
        return json.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Isnad")
                .put("username", BOT_USERNAME);
    }

    private int addUpdate(String field, ObjectNode body) {
        synchronized (lock) {
            int id = nextUpdateId.getAndIncrement();
            ObjectNode u = json.createObjectNode().put("update_id", id);
            u.set(field, body);
            updates.add(u);
            lock.notifyAll();
            return id;
        }
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    // ------------------------------------------------------------------ what the bot did

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    List<String> rejections() {
        return List.copyOf(rejections);
    }

    List<JsonNode> calls(String method) {
        return calls.stream().filter(c -> c.path("method").asText().equals(method)).toList();
    }

    List<Long> offsetsSeen() {
        return List.copyOf(offsetsSeen);
    }

    /** Waits until at least {@code n} messages were accepted; returns them. */
    List<Sent> awaitSent(int n, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (sent.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return sent();
    }

    // ------------------------------------------------------------------ the Bot API

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            int slash = path.lastIndexOf('/');
            String method = path.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            if (!path.startsWith("/bot") || slash <= 4) {
                reply(ex, 404, error(404, "Not Found"));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            JsonNode req = body.length == 0 ? json.createObjectNode()
                    : type != null && type.startsWith("multipart/form-data") ? formFields(body, type) : json.readTree(body);
            ObjectNode call = json.createObjectNode().put("method", method);
            call.set("body", req);
            switch (method) {
                case "getme" -> reply(ex, 200, ok(botUser().put("can_join_groups", true)
                        .put("can_read_all_group_messages", false).put("supports_inline_queries", false)));
                case "deletewebhook" -> {
                    calls.add(call);
                    webhook = null;
                    reply(ex, 200, ok(json.getNodeFactory().booleanNode(true)));
                }
                case "getupdates" -> getUpdates(ex, req);
                case "sendmessage" -> sendMessage(ex, req, call);
                case "setwebhook" -> {
                    calls.add(call);
                    webhook = req;
                    reply(ex, 200, ok(json.getNodeFactory().booleanNode(true)));
                }
                case "getwebhookinfo" -> {
                    ObjectNode info = json.createObjectNode().put("url", webhook == null ? "" : webhook.path("url").asText(""))
                            .put("has_custom_certificate", false).put("pending_update_count", 0);
                    if (webhook != null) {
                        info.put("max_connections", webhook.path("max_connections").asInt(40));
                        info.set("allowed_updates", webhook.path("allowed_updates"));
                    }
                    reply(ex, 200, ok(info));
                }
                case "sendchataction" -> {
                    calls.add(call);
                    java.util.function.Consumer<JsonNode> hook = onChatAction;
                    if (hook != null) {
                        hook.accept(req); // may hold the request (a test kills the instance meanwhile)
                    }
                    reply(ex, 200, ok(json.getNodeFactory().booleanNode(true)));
                }
                case "answercallbackquery", "setmycommands", "editmessagereplymarkup" -> {
                    calls.add(call);
                    reply(ex, 200, ok(json.getNodeFactory().booleanNode(true)));
                }
                default -> reply(ex, 404, error(404, "Not Found: method not found"));
            }
        } catch (RuntimeException e) {
            reply(ex, 500, error(500, "Internal Server Error: " + e));
        }
    }

    private void getUpdates(HttpExchange ex, JsonNode req) throws IOException {
        long offset = req.path("offset").asLong(0);
        int limit = req.path("limit").asInt(100);
        long waitMs = Math.min(maxPollWaitMs, req.path("timeout").asLong(0) * 1000);
        offsetsSeen.add(offset);
        ArrayNode result = json.createArrayNode();
        long deadline = System.currentTimeMillis() + waitMs;
        synchronized (lock) {
            while (true) {
                // an offset above every id issued confirms nothing (the ids were started again)
                long effective = offset > nextUpdateId.get() ? 0 : offset;
                if (!ignoreOffset && effective > 0) {
                    updates.removeIf(u -> u.path("update_id").asLong() < effective); // confirmed
                }
                for (ObjectNode u : updates) {
                    if ((ignoreOffset || u.path("update_id").asLong() >= effective) && result.size() < limit) {
                        result.add(u);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (!result.isEmpty() || left <= 0) {
                    break;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        reply(ex, 200, ok(result));
    }

    private void sendMessage(HttpExchange ex, JsonNode req, ObjectNode call) throws IOException {
        Fault fault;
        synchronized (lock) {
            fault = faults.poll();
        }
        if (fault == null && System.currentTimeMillis() < outageUntil) {
            reply(ex, 500, error(500, "Internal Server Error"));
            return;
        }
        long lateMs = fault != null && fault.delivered() ? fault.stallMs() : 0;
        if (lateMs > 0) {
            fault = null;
        }
        if (fault != null) {
            if (fault.stallMs() > 0) {
                try {
                    Thread.sleep(fault.stallMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(ex, 502, "<html>Bad Gateway</html>");
                return;
            }
            if (fault.status() == 429) {
                ObjectNode e = error(429, "Too Many Requests: retry after " + fault.retryAfter());
                e.putObject("parameters").put("retry_after", fault.retryAfter());
                reply(ex, 429, e);
                return;
            }
            reply(ex, fault.status(), error(fault.status(), "Internal Server Error"));
            return;
        }
        calls.add(call);
        String text = req.path("text").asText("");
        String parseMode = req.path("parse_mode").isMissingNode() || req.path("parse_mode").isNull() ? null : req.path("parse_mode").asText();
        long chatId = req.path("chat_id").asLong();
        String parsed = text;
        if ("HTML".equals(parseMode)) {
            String problem = TelegramHtml.problem(text);
            if (problem != null) {
                rejections.add(problem);
                reply(ex, 400, error(400, "Bad Request: can't parse entities: " + problem));
                return;
            }
            parsed = Html.parsedText(text);
        }
        if (parsed.isEmpty()) {
            rejections.add("empty");
            reply(ex, 400, error(400, "Bad Request: message text is empty"));
            return;
        }
        if (parsed.length() > 4096) {
            rejections.add("too long: " + parsed.length());
            reply(ex, 400, error(400, "Bad Request: message is too long"));
            return;
        }
        for (JsonNode row : req.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                String data = button.path("callback_data").asText("");
                int bytes = data.getBytes(StandardCharsets.UTF_8).length;
                if (button.has("callback_data") && (bytes < 1 || bytes > 64)) {
                    rejections.add("callback_data " + bytes + " bytes");
                    reply(ex, 400, error(400, "Bad Request: BUTTON_DATA_INVALID"));
                    return;
                }
            }
        }
        int id = nextMessageId.incrementAndGet();
        sent.add(new Sent(id, chatId, text, parseMode, req.path("reply_markup").isMissingNode() ? null : req.path("reply_markup"),
                System.currentTimeMillis()));
        ObjectNode msg = json.createObjectNode().put("message_id", id).put("date", nowSeconds()).put("text", parsed);
        msg.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "group" : "private");
        msg.set("from", botUser());
        if (lateMs > 0) {
            try {
                Thread.sleep(lateMs); // delivered already; the answer to the request is late
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply(ex, 200, ok(msg));
    }

    /** A multipart form's fields (setWebhook is sent so, for its optional certificate), JSON values parsed. */
    private ObjectNode formFields(byte[] body, String contentType) throws IOException {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        ObjectNode out = json.createObjectNode();
        for (String part : new String(body, StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(boundary))) {
            int name = part.indexOf("name=\"");
            int blank = part.indexOf("\r\n\r\n");
            if (name < 0 || blank < 0) {
                continue;
            }
            String field = part.substring(name + 6, part.indexOf('"', name + 6));
            String value = part.substring(blank + 4).replaceAll("\r\n$", "");
            if (value.startsWith("[") || value.startsWith("{")) {
                out.set(field, json.readTree(value));
            } else {
                out.put(field, value);
            }
        }
        return out;
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode o = json.createObjectNode().put("ok", true);
        o.set("result", result);
        return o;
    }

    private ObjectNode error(int code, String description) {
        return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", body instanceof String ? "text/html" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            lock.notifyAll();
        }
        server.stop(0);
    }
}
