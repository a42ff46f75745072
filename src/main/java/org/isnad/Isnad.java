package org.isnad;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.isnad.audit.AuditLog;
import org.isnad.config.IsnadConfig;

/**
 * The composition root: builds every feature from one {@link IsnadConfig} and hands the doors
 * (CLI, bot, review page) the same core objects. Features are created on first use so a command
 * pays only for what it touches. Not thread-safe to construct parts concurrently; doors obtain
 * what they need up front.
 */
public final class Isnad implements AutoCloseable {

    private final IsnadConfig config;
    private AuditLog audit;

    private Isnad(IsnadConfig config) {
        this.config = config;
    }

    /** Opens (creating if needed) the data folder named by the configuration. */
    public static Isnad open(IsnadConfig config) {
        try {
            Files.createDirectories(config.dataPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + config.dataPath(), e);
        }
        return new Isnad(config);
    }

    public IsnadConfig config() {
        return config;
    }

    /**
     * The answer log ({@code <dataDir>/audit.db}), opened on first use. Doors record every answer with
     * {@link AuditLog#tryRecord} before replying; see {@code audit.*} in the configuration.
     */
    public synchronized AuditLog audit() {
        if (audit == null) {
            audit = AuditLog.open(config);
        }
        return audit;
    }

    @Override
    public void close() {
        // Parts are closed in reverse order of creation as features are added.
        synchronized (this) {
            if (audit != null) {
                audit.close();
                audit = null;
            }
        }
    }
}
