package org.isnad.audit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The answer log's schema, as versioned migrations run by Flyway from {@code db/audit/sqlite} and
 * {@code db/audit/postgres} (one place for both; never edit a migration that has shipped, add one).
 * Opening a log runs the missing ones in order, so a newer Isnad opens a database an older one wrote,
 * and a database newer than this code is refused with a clear message.
 *
 * <p>SQLite logs from before Flyway kept their version in {@code PRAGMA user_version}: such a log is
 * taken as baselined at that version, and the pragma is kept in step after every migration so that
 * an Isnad from before Flyway still refuses a newer log rather than misreading it.
 */
final class LogSchema {

    /** Flyway's bookkeeping table (the default name, stated so that it never changes under us). */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private LogSchema() {}

    /** The versions before and after a migration, and the newest this code knows. */
    record Versions(int before, int after, int known) {}

    /**
     * Brings the database to the newest version this code knows.
     *
     * @param legacyVersion an SQLite log's {@code user_version} (0 when none), for logs from before Flyway
     */
    static Versions migrate(DataSource ds, String dialect, int legacyVersion) throws SQLException {
        Integer applied = appliedVersion(ds);
        try {
            Flyway flyway = flyway(ds, dialect, applied == null && legacyVersion > 0 ? legacyVersion : null);
            int known = 0;
            for (MigrationInfo m : flyway.info().all()) {
                if (m.getVersion() != null && m.getState().isResolved()) {
                    known = Math.max(known, Integer.parseInt(m.getVersion().getVersion()));
                }
            }
            int before = applied != null ? applied : legacyVersion;
            if (before > known) {
                throw new SQLException("the answer log has schema version " + before
                        + " but this Isnad knows only up to " + known + "; upgrade Isnad");
            }
            MigrateResult r = flyway.migrate();
            if (!r.success) {
                throw new SQLException("migrating the answer log failed");
            }
            Integer after = appliedVersion(ds);
            return new Versions(before, after == null ? 0 : after, known);
        } catch (FlywayException e) {
            throw new SQLException("migrating the answer log failed: " + e.getMessage(), e);
        }
    }

    /** The newest version applied by Flyway, or null when the database has no history table yet. */
    static Integer appliedVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            if (!hasTable(c, HISTORY_TABLE)) {
                return null;
            }
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT version FROM " + HISTORY_TABLE + " WHERE success AND version IS NOT NULL")) {
                int newest = 0;
                while (rs.next()) {
                    newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
                }
                return newest;
            }
        }
    }

    /** Whether the connection's own schema (not another application's in the same database) has the table. */
    static boolean hasTable(Connection c, String table) throws SQLException {
        try (var rs = c.getMetaData().getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static Flyway flyway(DataSource ds, String dialect, Integer baseline) {
        var config = Flyway.configure(LogSchema.class.getClassLoader())
                .locations("classpath:db/audit/" + dialect)
                .table(HISTORY_TABLE)
                // a log applied beyond what we know is refused above with a plain message; never "cleaned"
                .cleanDisabled(true)
                .validateOnMigrate(true)
                .loggers("slf4j");
        if (baseline != null) {
            config = config.baselineOnMigrate(true).baselineVersion(String.valueOf(baseline))
                    .baselineDescription("answer log from before Flyway (user_version " + baseline + ")");
        }
        if (ds != null) {
            config = config.dataSource(ds);
        }
        return config.load();
    }
}
