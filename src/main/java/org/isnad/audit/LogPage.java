package org.isnad.audit;

import java.util.List;

/** One page of a filtered list, newest first; {@code total} counts every entry matching the filter. */
public record LogPage(List<LogSummary> entries, long total, int page, int pageSize) {
    public LogPage {
        entries = List.copyOf(entries);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
