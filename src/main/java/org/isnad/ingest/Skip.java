package org.isnad.ingest;

/** An input that was not ingested: where ("file" or "file:line") and why, in one line. */
public record Skip(String where, String reason) {
    @Override
    public String toString() {
        return "skipped " + where + ": " + reason;
    }
}
