package org.isnad.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.isnad.archive.Document;

/**
 * Splits and indexes documents on worker threads while the reader goes on parsing the next ones
 * (Lucene's IndexWriter takes documents from several threads at once). At most {@link #IN_FLIGHT}
 * documents wait at a time, so memory stays flat. {@link #drain()} waits for every submitted
 * document and returns the ones that failed, so the caller can count them as skipped before it
 * commits.
 */
final class WritePipeline implements AutoCloseable {

    private static final int IN_FLIGHT = 64;

    /** A document whose writing failed: the caller undoes its count and reports the reason. */
    record Failed(Document doc, String origin, boolean wasNew, String reason) {}

    private final ExecutorService pool;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ConcurrentLinkedQueue<Failed> failures = new ConcurrentLinkedQueue<>();
    private final Consumer<Document> write;

    WritePipeline(int threads, Consumer<Document> write) {
        this.write = write;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "isnad-ingest");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(Document doc, String origin, boolean wasNew) {
        slots.acquireUninterruptibly();
        try {
            pool.execute(() -> {
                try {
                    write.accept(doc);
                } catch (RuntimeException e) {
                    failures.add(new Failed(doc, origin, wasNew, e.getMessage() == null ? e.toString() : e.getMessage()));
                } catch (OutOfMemoryError | StackOverflowError e) {
                    // the last resort (the work per document is bounded before it gets here): this document
                    // is skipped and counted so, the others go on
                    failures.add(new Failed(doc, origin, wasNew, "too large to index (" + e.getClass().getSimpleName() + ")"));
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            failures.add(new Failed(doc, origin, wasNew, e.toString()));
        }
    }

    /** Waits until every submitted document is written; returns (and forgets) the failures so far. */
    List<Failed> drain() {
        slots.acquireUninterruptibly(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        List<Failed> out = new ArrayList<>();
        for (Failed f; (f = failures.poll()) != null; ) {
            out.add(f);
        }
        return out;
    }

    @Override
    public void close() {
        drain();
        pool.shutdown();
    }
}
