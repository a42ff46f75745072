package org.isnad.feeds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.IngestReport;
import org.isnad.ingest.Ingester;
import org.isnad.ingest.Skip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the archive alive: every interval, the watched folders are ingested again (new and changed
 * files are read, files gone are removed, unchanged ones cost a hash) and the followed feeds polled.
 * Runs on its own thread, so the bot never waits for ingest; what it adds is searchable after the
 * round's commit. A failing round is logged and the next one goes on.
 */
public final class ArchiveWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWatch.class);

    /** What one round did, for whoever prints it. */
    public record Round(IngestReport folders, List<FeedPoller.FeedResult> feeds) {}

    private final Ingester ingester;
    private final FeedPoller feeds;
    private final List<Path> folders;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "isnad-watch");
        t.setDaemon(true);
        return t;
    });

    public ArchiveWatch(Ingester ingester, FeedPoller feeds, List<Path> folders) {
        this.ingester = ingester;
        this.feeds = feeds;
        this.folders = List.copyOf(folders);
    }

    /** One round now, on the caller's thread. */
    public Round once() {
        IngestReport report = null;
        if (!folders.isEmpty()) {
            report = ingester.ingest(folders, true, new IngestListener() {
                @Override
                public void skipped(Skip skip) {
                    LOG.info("watch: {}", skip);
                }
            });
        }
        return new Round(report, feeds.pollAll(false));
    }

    /** Rounds every {@code interval}, the first at once; {@code onRound} hears each (on the watch's thread). */
    public void start(Duration interval, Consumer<Round> onRound) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                onRound.accept(once());
            } catch (RuntimeException | Error e) {
                LOG.error("watch round failed: {}", e.toString(), e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
