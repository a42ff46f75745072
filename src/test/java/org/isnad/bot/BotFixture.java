package org.isnad.bot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.isnad.config.ConfigLoader;
import org.isnad.config.IsnadConfig;

/** Starts the real bot (library, HTTP) against a Bot API URL with a data folder, for tests. */
final class BotFixture {

    static final String TOKEN = "123:abc";

    private BotFixture() {}

    static IsnadConfig config(Path dataDir, String apiUrl) {
        return new ConfigLoader(Map.of("ISNAD_DATA_DIR", dataDir.toString(), "ISNAD_TELEGRAM_API_URL", apiUrl)).load();
    }

    static IsnadConfig withTelegram(IsnadConfig c, int floodPerMinute, List<Long> staff, List<Long> moderators) {
        IsnadConfig.Telegram t = c.telegram();
        return c.withTelegram(new IsnadConfig.Telegram(t.apiUrl(), t.tokenFile(), staff, moderators, t.allowlistOnly(),
                t.allowlist(), floodPerMinute, t.maxQuestionChars(), t.perChatIntervalMs(), t.globalPerSecond()));
    }

    /** Short polls and timeouts so tests stop quickly; per-chat pacing as configured unless given. */
    static BotServer.Options fastOptions() {
        return BotServer.Options.defaults().withPollTimeout(1).withRequestTimeout(Duration.ofSeconds(1)).withPacing(0, 1000);
    }

    static BotServer start(BotCore core, IsnadConfig config, BotServer.Options options) {
        return BotServer.start(core, new MemoryRecorder(), config, TOKEN, options);
    }
}
