package org.isnad.ingest;

/** Hears about an ingest's progress (for a progress bar) and its skips (printed as they happen). */
public interface IngestListener {

    /** Called once with the number of input bytes to read. */
    default void started(long totalBytes) {}

    /** Called as input is consumed. */
    default void progressed(long bytes) {}

    default void skipped(Skip skip) {}

    IngestListener NONE = new IngestListener() {};
}
