package org.isnad.bot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Telegram's per-bot message rate ({@code telegram.globalPerSecond}) across instances: every
 * {@link #BEAT} this instance marks itself alive in the shared database and counts the instances
 * seen within {@link #ALIVE}; its sender then sends at most its share, the global rate divided by
 * that count. An instance that stops leaves at once; one that dies is counted for {@link #ALIVE}
 * more, so for a few seconds the others send less than they might, never more than Telegram allows.
 * Once an hour it also forgets delivered updates older than {@link #KEEP_UPDATES} and the like.
 */
final class FleetShare implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetShare.class);
    static final Duration BEAT = Duration.ofSeconds(2);
    static final Duration ALIVE = Duration.ofSeconds(6);

    private final SharedBotState shared;
    private final Sender sender;
    private final int globalPerSecond;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "isnad-fleet-share");
        t.setDaemon(true);
        return t;
    });
    private volatile int instances = 1;
    /** Delivered updates are forgotten after this: Telegram gives up redelivering within a day. */
    static final Duration KEEP_UPDATES = Duration.ofDays(2);
    /** How long "/brief" in reply to an answer finds it: a month (one process remembers its last 10,000). */
    static final Duration KEEP_SENT_ANSWERS = Duration.ofDays(30);
    private long ticks;

    FleetShare(SharedBotState shared, Sender sender, int globalPerSecond) {
        this.shared = shared;
        this.sender = sender;
        this.globalPerSecond = globalPerSecond;
    }

    void start() {
        tick();
        beat.scheduleAtFixedRate(this::tick, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int n = shared.heartbeat(System.currentTimeMillis(), ALIVE);
            if (n != instances) {
                LOG.info("{} instance(s) alive: this one sends up to {} messages a second", n, share(n));
            }
            instances = n;
            sender.setGlobalPerSecond(share(n));
            if (++ticks % (Duration.ofHours(1).toMillis() / BEAT.toMillis()) == 0) { // hourly, never at start-up
                shared.purge(KEEP_UPDATES, KEEP_SENT_ANSWERS, System.currentTimeMillis());
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            // the share in force stays; the database's absence shows in /ready
            LOG.debug("heartbeat failed: {}", e.toString());
        }
    }

    private int share(int n) {
        return globalPerSecond <= 0 ? 0 : Math.max(1, globalPerSecond / Math.max(1, n));
    }

    int instances() {
        return instances;
    }

    @Override
    public void close() {
        beat.shutdownNow();
        shared.leave();
    }
}
