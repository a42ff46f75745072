package org.isnad.ingest;

import java.util.List;

/** What one ingest run did. {@code read} counts documents read successfully (whatever their fate). */
public record IngestReport(int added, int updated, int unchanged, int deleted, List<Skip> skipped, long bytes, long millis) {
    public IngestReport {
        skipped = List.copyOf(skipped);
    }

    public int read() {
        return added + updated + unchanged;
    }

    /** One line: "5000 documents: 5000 added, 0 updated, 0 unchanged, 0 skipped, 0 deleted (12.3 s)". */
    public String summary() {
        return "%d documents: %d added, %d updated, %d unchanged, %d skipped, %d deleted (%.1f s)"
                .formatted(read(), added, updated, unchanged, skipped.size(), deleted, millis / 1000.0);
    }
}
