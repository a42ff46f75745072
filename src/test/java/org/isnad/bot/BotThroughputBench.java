package org.isnad.bot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.isnad.Isnad;
import org.isnad.config.IsnadConfig;

/**
 * The bot's throughput benchmark (run by hand, not a unit test): 50 simulated chats each send
 * {@code perChat} questions to the strict fake Bot API; the real bot (library, HTTP, the real answer
 * service over the bundled sample, every answer written to the answer log first) answers them. Reports answers per second from the first question to the last answer,
 * and heap used. Per-chat pacing is off; the global limit is off too unless given.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.isnad.bot.BotThroughputBench [perChat] [globalPerSecond]</pre>
 */
public final class BotThroughputBench {

    private BotThroughputBench() {}

    public static void main(String[] args) throws Exception {
        int chats = 50;
        int perChat = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int global = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path data = Files.createTempDirectory("isnad-bot-bench");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (FakeBotApi api = new FakeBotApi()) {
            IsnadConfig config = BotFixture.withTelegram(BotFixture.config(data, api.url()), 0, java.util.List.of(), java.util.List.of());
            try (Isnad isnad = Isnad.open(config)) {
                isnad.ensureSampleIndexed();
                IsnadBotCore core = new IsnadBotCore(isnad);
                core.ask("warm-up موسكو", null);
                BotServer.Options options = BotFixture.fastOptions().withPacing(0, global <= 0 ? 0 : global);
                try (BotServer bot = BotServer.start(core, new AuditRecorder(isnad.audit()), config, BotFixture.TOKEN, options)) {
                    // warm-up round, not measured
                    for (int c = 0; c < chats; c++) {
                        api.userSends(1000 + c, 1000 + c, "من دعت روسيا إلى موسكو؟", "ar");
                    }
                    api.awaitSent(chats, 60_000);
                    bot.bot().awaitIdle(60_000);
                    int before = api.sent().size();
                    System.gc();
                    long heapBefore = memory.getHeapMemoryUsage().getUsed();
                    AtomicLong peak = new AtomicLong();
                    Thread sampler = new Thread(() -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                    sampler.setDaemon(true);
                    sampler.start();
                    String[] questions = {"من دعت روسيا إلى موسكو؟", "Who did Russia invite to Moscow?", "متى تجتمع الفصائل في موسكو؟",
                            "لماذا تحاول موسكو القيام بذلك؟"};
                    long t0 = System.nanoTime();
                    for (int i = 0; i < perChat; i++) {
                        for (int c = 0; c < chats; c++) {
                            api.userSends(1000 + c, 1000 + c, questions[(i + c) % questions.length], "ar");
                        }
                    }
                    int total = chats * perChat;
                    api.awaitSent(before + total, 600_000);
                    long t1 = System.nanoTime();
                    sampler.interrupt();
                    System.gc();
                    long heapAfter = memory.getHeapMemoryUsage().getUsed();
                    double seconds = (t1 - t0) / 1e9;
                    int answered = api.sent().size() - before;
                    System.out.printf("chats=%d questions=%d answered=%d in %.2f s -> %.1f answers/s (global limit %s, per-chat pacing off)%n",
                            chats, total, answered, seconds, answered / seconds, global <= 0 ? "off" : global + "/s");
                    System.out.printf("heap used: %.1f MB before, peak %.1f MB, %.1f MB after GC; max heap %.0f MB; rejected by the fake: %d; failed sends: %d%n",
                            heapBefore / 1e6, peak.get() / 1e6, heapAfter / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6,
                            api.rejections().size(), bot.bot().context().sender().failed());
                }
            }
        }
    }
}
