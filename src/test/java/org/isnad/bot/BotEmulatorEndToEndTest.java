package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot (Telegram Bots 10.2.0, real HTTP) against telegram-test-api from npm, acting as users.
 * The sample corpus is indexed in a temporary data folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotEmulatorEndToEndTest {

    private EmulatorProcess emulator;
    private Isnad isnad;
    private BotServer bot;
    private int date = 1_700_000_000;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        emulator = EmulatorProcess.start();
        IsnadConfig config = BotFixture.config(data, emulator.url());
        isnad = Isnad.open(config);
        isnad.ensureSampleIndexed();
        bot = BotServer.start(new IsnadBotCore(isnad), new AuditRecorder(isnad.audit()), config,
                BotFixture.TOKEN, BotFixture.fastOptions());
    }

    @AfterAll
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (isnad != null) {
            isnad.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private Map<String, Object> from(long id, String lang) {
        return Map.of("id", id, "first_name", "U" + id, "is_bot", false, "language_code", lang);
    }

    private void say(long chatId, String text, String lang) throws Exception {
        emulator.post("/sendMessage", Map.of("botToken", BotFixture.TOKEN, "from", from(chatId, lang),
                "chat", Map.of("id", chatId, "type", "private"), "date", date++, "text", text));
    }

    private void command(long chatId, String command, String lang) throws Exception {
        emulator.post("/sendCommand", Map.of("botToken", BotFixture.TOKEN, "from", from(chatId, lang),
                "chat", Map.of("id", chatId, "type", "private"), "date", date++, "text", command,
                "entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", command.length()))));
    }

    /** The bot's messages to the chat, waiting up to 10 s for at least {@code n}. */
    private List<JsonNode> replies(long chatId, int n) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (out.size() < n && System.currentTimeMillis() < deadline) {
            for (JsonNode m : emulator.post("/getUpdates", Map.of("token", BotFixture.TOKEN, "chatId", chatId)).path("result")) {
                out.add(m);
            }
            Thread.sleep(50);
        }
        return out;
    }

    @Test
    void anArticleThatAFeedGainsWhileTheBotRunsAnswersWithinOneInterval() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> items = new java.util.concurrent.atomic.AtomicReference<>("");
        com.sun.net.httpserver.HttpServer feed = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        feed.createContext("/rss.xml", ex -> {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Island Wire</title>"
                    + "<link>http://127.0.0.1/</link><description>d</description>" + items.get() + "</channel></rss>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        feed.start();
        String url = "http://127.0.0.1:" + feed.getAddress().getPort() + "/rss.xml";
        isnad.feeds().list().add(url, "Island Wire", "en");
        int interval = 1;
        try (var watch = new org.isnad.feeds.ArchiveWatch(isnad.ingester(), isnad.feeds(), List.of())) {
            watch.start(java.time.Duration.ofSeconds(interval), r -> { }); // as isnad serve runs it beside the bot
            Thread.sleep(1_500);
            String text = ("The Zanzibar spice festival opened on Monday with 340 stalls along the harbour, the organisers said. "
                    + "Traders came from Pemba and Dar es Salaam for the week-long festival. ").repeat(4);
            items.set("<item><title>Zanzibar spice festival opens</title><guid>island-1</guid><link>http://127.0.0.1/island-1</link>"
                    + "<pubDate>Mon, 02 Dec 2024 08:00:00 GMT</pubDate><description>" + text + "</description></item>");
            long published = System.currentTimeMillis();
            long deadline = published + 3_000L * interval + 5_000;
            while (isnad.index().document("island-1").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(isnad.index().document("island-1")).isPresent();
            assertThat(System.currentTimeMillis() - published).isLessThan(2_000L * interval + 3_000);
            say(209, "How many stalls opened at the Zanzibar spice festival?", "en");
            String reply = replies(209, 1).get(0).path("message").path("text").asText();
            assertThat(reply).contains("340 stalls").contains("Island Wire");
        } finally {
            feed.stop(0);
            isnad.feeds().list().remove(url);
        }
    }

    @Test
    void aFollowUpIsReadWithThePreviousQuestionAndAGreetingGetsAGreeting() throws Exception {
        say(210, "من دعت روسيا إلى موسكو؟", "ar");
        replies(210, 1);
        say(210, "ومتى؟", "ar");
        String followUp = replies(210, 1).get(0).path("message").path("text").asText();
        assertThat(followUp).contains("قُرئ مع سؤالك السابق", "متى دعت روسيا إلى موسكو؟", "26");
        assertThat(TelegramHtml.problem(followUp)).isNull();
        // the log keeps how it was read (the question) and what the reader wrote, for the review page
        var newest = isnad.audit().list(org.isnad.audit.LogFilter.all(), 1, 50).entries().stream()
                .filter(e -> e.question().contains("متى دعت روسيا")).findFirst().orElseThrow();
        assertThat(isnad.audit().get(newest.id()).orElseThrow().followUpMessage()).isEqualTo("ومتى؟");
        say(211, "مرحبا", "ar");
        String hello = replies(211, 1).get(0).path("message").path("text").asText();
        assertThat(hello).contains("اسألني").doesNotContain("<blockquote>");
        say(212, "hello!", "en");
        assertThat(replies(212, 1).get(0).path("message").path("text").asText()).contains("Ask me about the news");
    }

    @Test
    void inAGroupAFollowUpIsReadOnlyAsAReplyToTheBotsAnswer() throws Exception {
        Map<String, Object> group = Map.of("id", -902, "type", "group", "title", "G");
        emulator.post("/sendMessage", Map.of("botToken", BotFixture.TOKEN, "from", from(230, "ar"), "chat", group,
                "date", date++, "text", "@IsnadTestBot من دعت روسيا إلى موسكو؟"));
        JsonNode answer = replies(-902, 1).get(0);
        // "ومتى؟" on its own in a group is not for the bot; as a reply to its answer it is a follow-up
        emulator.post("/sendMessage", Map.of("botToken", BotFixture.TOKEN, "from", from(230, "ar"), "chat", group,
                "date", date++, "text", "ومتى؟"));
        emulator.post("/sendMessage", Map.of("botToken", BotFixture.TOKEN, "from", from(230, "ar"), "chat", group,
                "date", date++, "text", "ومتى؟", "reply_to_message", Map.of("message_id", answer.path("messageId").asInt(),
                        "date", date, "chat", group, "from", Map.of("id", 666, "is_bot", true, "first_name", "Isnad Test Bot"),
                        "text", "…")));
        List<JsonNode> r = replies(-902, 1);
        Thread.sleep(1000);
        r.addAll(replies(-902, 0));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).path("message").path("text").asText()).contains("قُرئ مع سؤالك السابق", "متى دعت روسيا إلى موسكو؟");
    }

    @Test
    void anArabicQuestionGetsACitedHtmlAnswerWithSourceAndFeedbackButtons() throws Exception {
        say(201, "من دعت روسيا إلى موسكو؟", "ar");
        JsonNode reply = replies(201, 1).get(0).path("message");
        assertThat(reply.path("parse_mode").asText()).isEqualTo("HTML");
        String text = reply.path("text").asText();
        assertThat(text).contains("<blockquote>", "</blockquote>", "[1]");
        // the direct line comes first, in bold: the answer itself, with its marker
        assertThat(text).startsWith("<b>").contains("حماس");
        assertThat(text.indexOf("</b>")).isLessThan(text.indexOf("<blockquote>"));
        assertThat(TelegramHtml.problem(text)).isNull();
        String keyboard = reply.path("reply_markup").toString();
        assertThat(keyboard).contains("src:", "fb:", "المصدر [1]");
    }

    @Test
    void anEnglishQuestionGetsACitedHtmlAnswerQuotingTheArabicSample() throws Exception {
        say(202, "Who did Russia invite to Moscow?", "en");
        JsonNode reply = replies(202, 1).get(0).path("message");
        assertThat(reply.path("parse_mode").asText()).isEqualTo("HTML");
        String text = reply.path("text").asText();
        assertThat(TelegramHtml.problem(text)).isNull();
        // The direct line first, in bold and in English; then the quotation, the sample's Arabic,
        // isolated inside the English reply, with its citation line.
        assertThat(text).startsWith("<b>").contains("Hamas");
        assertThat(text.indexOf("</b>")).isLessThan(text.indexOf("<blockquote>"));
        assertThat(text).contains("<blockquote>\u2068", "الفصائل الفلسطينية", "</blockquote>", "[1] \u2068يدعو بوتين حماس");
        assertThat(reply.path("reply_markup").toString()).contains("fb:", "Source [1]");
    }

    @Test
    void startHelpAndSourcesAnswer() throws Exception {
        command(203, "/start", "en");
        command(203, "/help", "en");
        command(203, "/sources", "ar");
        List<JsonNode> r = replies(203, 3);
        assertThat(r).hasSize(3);
        assertThat(r.get(0).path("message").path("text").asText()).contains("Welcome to Isnad", "•");
        assertThat(r.get(1).path("message").path("text").asText()).contains("/sources", "/lang");
        assertThat(r.get(2).path("message").path("text").asText()).contains("الأرشيف", "1");
        for (JsonNode m : r) {
            assertThat(TelegramHtml.problem(m.path("message").path("text").asText())).isNull();
        }
        JsonNode calls = emulator.post("/isnad/calls", Map.of("token", BotFixture.TOKEN)).path("result");
        assertThat(calls.toString()).contains("setmycommands", "\"language_code\":\"ar\"", "\"language_code\":\"en\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void everyStartExampleAnswersWhenSentBack(String lang) throws Exception {
        long chat = lang.equals("ar") ? 221 : 222;
        command(chat, "/start", lang);
        String welcome = replies(chat, 1).get(0).path("message").path("text").asText();
        List<String> examples = new ArrayList<>();
        for (String line : welcome.split("\n")) {
            if (line.startsWith("• ")) {
                examples.add(line.substring(2).replaceAll("[\u2066-\u2069]", "").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&").strip());
            }
        }
        assertThat(examples).as("examples in " + welcome).isNotEmpty();
        for (String example : examples) {
            say(chat, example, lang);
            JsonNode reply = replies(chat, 1).get(0).path("message");
            // an answer carries the Source buttons; a refusal has none
            assertThat(reply.path("reply_markup").toString()).as(example + " -> " + reply.path("text").asText()).contains("src:");
        }
    }

    @Test
    void aSourceButtonShowsTheQuoteInItsParagraphAndThumbsUpIsAcknowledged() throws Exception {
        say(204, "من دعت روسيا إلى موسكو؟", "ar");
        JsonNode answer = replies(204, 1).get(0);
        int messageId = answer.path("messageId").asInt();
        String src = answer.path("message").path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        String up = null;
        for (JsonNode row : answer.path("message").path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("callback_data").asText().contains(":up:")) { // fb:<ref>:up:<signature>
                    up = b.path("callback_data").asText();
                }
            }
        }
        assertThat(src).startsWith("src:");
        assertThat(up).isNotNull();
        for (String data : List.of(src, up)) {
            emulator.post("/sendCallback", Map.of("botToken", BotFixture.TOKEN, "from", from(204, "ar"),
                    "message", Map.of("message_id", messageId, "date", date++, "chat", Map.of("id", 204, "type", "private")),
                    "data", data));
        }
        JsonNode source = replies(204, 1).get(0).path("message");
        assertThat(source.path("text").asText()).contains("<b>", "المصدر [1]");
        assertThat(TelegramHtml.problem(source.path("text").asText())).isNull();
        long deadline = System.currentTimeMillis() + 5_000;
        String calls = "";
        while (System.currentTimeMillis() < deadline) {
            calls = emulator.post("/isnad/calls", Map.of("token", BotFixture.TOKEN)).path("result").toString();
            if (calls.contains("سُجّل")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(calls).contains("answercallbackquery", "سُجّل");
        long ref = CallbackData.decode(up).orElseThrow().ref();
        assertThat(ref).isPositive();
        org.isnad.audit.LogEntry entry = isnad.audit().get(ref).orElseThrow();
        assertThat(entry.door()).isEqualTo(org.isnad.audit.Door.TELEGRAM);
        assertThat(entry.question()).isEqualTo("من دعت روسيا إلى موسكو؟");
        assertThat(entry.feedback()).isEqualTo(org.isnad.audit.Feedback.UP);
    }

    @Test
    void theSourceViewMovesBackAndNextThroughTheArticleByEditingItself() throws Exception {
        say(213, "من دعت روسيا إلى موسكو؟", "ar");
        JsonNode answer = replies(213, 1).get(0);
        String src = answer.path("message").path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        press(213, answer.path("messageId").asInt(), src);
        JsonNode source = replies(213, 1).get(0);
        String first = source.path("message").path("text").asText();
        assertThat(first).contains("<b>");
        String next = button(source.path("message"), "التالي");
        assertThat(next).as("a Next button under " + source).startsWith("pg:");
        int viewId = source.path("messageId").asInt();
        press(213, viewId, next);
        JsonNode edited = awaitEdit(viewId, first);
        String moved = edited.path("text").asText();
        assertThat(moved).contains("المصدر [1]");
        assertThat(moved.substring(moved.indexOf("<blockquote>"))).as("the next paragraph, not the quote's").doesNotContain("<b>");
        assertThat(first.substring(first.indexOf("<blockquote>"))).contains("<b>");
        assertThat(TelegramHtml.problem(moved)).isNull();
        // nothing new was sent to the chat: the view was edited in place
        assertThat(replies(213, 0)).isEmpty();
        // and Back returns to the quote's paragraph, bold again
        String back = button(edited, "السابق");
        assertThat(back).startsWith("pg:");
        press(213, viewId, back);
        assertThat(awaitEdit(viewId, moved).path("text").asText()).isEqualTo(first);
    }

    /** The bot's message {@code messageId} once its text is no longer {@code before}, waiting up to 5 s. */
    private JsonNode awaitEdit(int messageId, String before) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode u : emulator.post("/getUpdatesHistory", Map.of("token", BotFixture.TOKEN)).path("result")) {
                if (u.path("messageId").asInt() == messageId && u.has("message")
                        && !u.path("message").path("text").asText().equals(before)) {
                    return u.path("message");
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("message " + messageId + " was not edited");
    }

    private void press(long chat, int messageId, String data) throws Exception {
        emulator.post("/sendCallback", Map.of("botToken", BotFixture.TOKEN, "from", from(chat, "ar"),
                "message", Map.of("message_id", messageId, "date", date++, "chat", Map.of("id", chat, "type", "private")),
                "data", data));
    }

    private static String button(JsonNode message, String label) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("text").asText().equals(label)) {
                    return b.path("callback_data").asText();
                }
            }
        }
        return "";
    }

    @Test
    void aGroupMessageWithoutAMentionIsIgnored() throws Exception {
        emulator.post("/sendMessage", Map.of("botToken", BotFixture.TOKEN, "from", from(205, "en"),
                "chat", Map.of("id", -900, "type", "group", "title", "G"), "date", date++, "text", "Who did Russia invite to Moscow?"));
        emulator.post("/sendMessage", Map.of("botToken", BotFixture.TOKEN, "from", from(205, "en"),
                "chat", Map.of("id", -900, "type", "group", "title", "G"), "date", date++, "text", "@IsnadTestBot من دعت روسيا إلى موسكو؟"));
        List<JsonNode> r = replies(-900, 1);
        Thread.sleep(1500);
        r.addAll(replies(-900, 0));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).path("message").path("text").asText()).contains("<blockquote>");
    }
}
