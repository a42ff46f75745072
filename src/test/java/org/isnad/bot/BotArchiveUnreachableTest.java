package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.config.ConfigLoader;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot on an OpenSearch archive that cannot be reached (nothing listens on its port): it starts,
 * and each question gets a plain "the archive cannot be reached" in the reader's language, with no
 * quote and no source button, through the real library and the Bot API emulator.
 */
class BotArchiveUnreachableTest {

    @Test
    void aQuestionWhileTheClusterIsDownIsToldPlainlyInItsLanguage(@TempDir Path data) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start()) {
            IsnadConfig config = new ConfigLoader(Map.of("ISNAD_DATA_DIR", data.toString(),
                    "ISNAD_TELEGRAM_API_URL", emulator.url(),
                    "ISNAD_STORE_BACKEND", "opensearch",
                    "ISNAD_OPENSEARCH_HOSTS", "http://127.0.0.1:1")).load();
            try (Isnad isnad = Isnad.open(config);
                 BotServer bot = BotServer.start(new IsnadBotCore(isnad), new AuditRecorder(isnad.audit()), config,
                         BotFixture.TOKEN, BotFixture.fastOptions())) {
                say(emulator, 301, "Who did Russia invite to Moscow?", "en");
                JsonNode en = replies(emulator, 301).path("message");
                assertThat(en.path("text").asText()).contains("archive cannot be reached").doesNotContain("<blockquote>");
                assertThat(en.path("reply_markup").toString()).doesNotContain("src:");

                say(emulator, 302, "من دعت روسيا إلى موسكو؟", "ar");
                JsonNode ar = replies(emulator, 302).path("message");
                assertThat(ar.path("text").asText()).contains("لا يمكن الوصول إلى الأرشيف").doesNotContain("<blockquote>");
                assertThat(bot.bot().handled()).isEqualTo(2);
            }
        }
    }

    private static void say(EmulatorProcess emulator, long chatId, String text, String lang) throws Exception {
        emulator.post("/sendMessage", Map.of("botToken", BotFixture.TOKEN,
                "from", Map.of("id", chatId, "first_name", "U" + chatId, "is_bot", false, "language_code", lang),
                "chat", Map.of("id", chatId, "type", "private"), "date", 1_700_000_000, "text", text));
    }

    /** The bot's first message to the chat, waiting up to 10 s. */
    private static JsonNode replies(EmulatorProcess emulator, long chatId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (out.isEmpty() && System.currentTimeMillis() < deadline) {
            for (JsonNode m : emulator.post("/getUpdates", Map.of("token", BotFixture.TOKEN, "chatId", chatId)).path("result")) {
                out.add(m);
            }
            Thread.sleep(50);
        }
        assertThat(out).as("a reply in chat " + chatId).isNotEmpty();
        return out.get(0);
    }
}
