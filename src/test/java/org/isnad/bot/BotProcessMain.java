package org.isnad.bot;

import java.nio.file.Path;
import java.time.Duration;
import org.isnad.answer.Answer;
import org.isnad.text.Language;

/**
 * The bot in a process of its own, for tests that kill it with SIGKILL: answers with {@link StubCore},
 * {@code delayMs} per question, against the Bot API at {@code apiUrl}, until it is killed.
 * Arguments: apiUrl dataDir delayMs [floodPerMinute].
 */
public final class BotProcessMain {

    private BotProcessMain() {}

    public static void main(String[] args) throws Exception {
        String apiUrl = args[0];
        Path data = Path.of(args[1]);
        long delayMs = Long.parseLong(args[2]);
        StubCore slow = new StubCore() {
            @Override
            public Answer ask(String question, Language forced) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.ask(question, forced);
            }
        };
        var config = BotFixture.config(data, apiUrl);
        if (args.length > 3) {
            config = BotFixture.withTelegram(config, Integer.parseInt(args[3]), java.util.List.of(), java.util.List.of());
        }
        BotServer bot = BotFixture.start(slow, config, BotFixture.fastOptions().withRequestTimeout(Duration.ofSeconds(10)));
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        bot.close();
    }
}
