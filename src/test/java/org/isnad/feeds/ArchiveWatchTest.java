package org.isnad.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.isnad.index.IsnadIndex;
import org.isnad.ingest.Ingester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch keeps a folder's new, changed and deleted files in the index, round after round, on its own thread. */
class ArchiveWatchTest {

    @TempDir
    Path dir;

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void newChangedAndDeletedFilesAreFollowedWithinARound() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("drop"));
        Files.writeString(folder.resolve("a.txt"), "First title\nThe first body.");
        try (IsnadIndex index = IsnadIndex.open(dir.resolve("index"))) {
            Ingester ingester = new Ingester(index, 1_000_000);
            FeedPoller feeds = new FeedPoller(FeedList.open(dir), new Fetcher(Duration.ofSeconds(2), 1_000_000, Duration.ZERO), ingester);
            AtomicInteger rounds = new AtomicInteger();
            try (ArchiveWatch watch = new ArchiveWatch(ingester, feeds, List.of(folder))) {
                watch.start(Duration.ofMillis(200), r -> rounds.incrementAndGet());
                await(() -> index.document("drop/a").isPresent());
                Files.writeString(folder.resolve("b.txt"), "Second title\nThe second body.");
                await(() -> index.document("drop/b").isPresent());
                Files.writeString(folder.resolve("a.txt"), "First title\nThe first body, corrected.");
                await(() -> index.document("drop/a").map(d -> d.text().contains("corrected")).orElse(false));
                Files.delete(folder.resolve("b.txt"));
                await(() -> index.document("drop/b").isEmpty());
            }
            assertThat(rounds.get()).isGreaterThanOrEqualTo(4);
        }
    }
}
