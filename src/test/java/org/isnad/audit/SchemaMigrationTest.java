package org.isnad.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by the first release (schema v1) opens in this one and is upgraded in place. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    /** The v1 schema exactly as the first release created it, written here by hand on purpose. */
    private static void createVersion1(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE answers (
                      id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, door TEXT NOT NULL, chat TEXT, user TEXT,
                      role TEXT, telegram_update_id INTEGER, question TEXT NOT NULL, language TEXT, answered INTEGER NOT NULL,
                      answer TEXT, citations TEXT NOT NULL DEFAULT '[]', conflicts TEXT NOT NULL DEFAULT '[]',
                      candidates TEXT NOT NULL DEFAULT '[]', mode TEXT, latency_ms INTEGER NOT NULL DEFAULT 0,
                      feedback TEXT, feedback_at INTEGER, state TEXT NOT NULL DEFAULT 'unreviewed', moderator TEXT, note TEXT)""");
            st.execute("CREATE INDEX answers_at ON answers(at)");
            st.execute("""
                    INSERT INTO answers (at, door, chat, user, role, telegram_update_id, question, language, answered, answer,
                                         citations, mode, latency_ms, feedback, feedback_at)
                    VALUES (1700000000000, 'telegram', 'p:abc', 'p:def', 'subscriber', 55, 'من دعت روسيا؟', 'ar', 1,
                            'دعت روسيا الفصائل [1]',
                            '[{"n":1,"docId":"d1","title":"T","outlet":"O","date":"2024-02-20","quote":"دعت روسيا","start":0,"end":9,"speaker":null}]',
                            'extractive', 14, 'down', 1700000100000)""");
            st.execute("PRAGMA user_version = 1");
        }
    }

    @Test
    void aVersion1DatabaseIsMigratedAndKeepsItsEntries() throws Exception {
        // a log from before Flyway: its version is in user_version only; it is taken as baselined there
        Path db = dir.resolve("audit.db");
        createVersion1(db);

        try (AuditLog log = AuditLog.open(db, Pseudonymizer.raw(), Clock.systemUTC())) {
            assertThat(log.schemaVersion()).isEqualTo(latest()).isGreaterThan(1);
            LogEntry old = log.get(1).orElseThrow();
            assertThat(old.at()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
            assertThat(old.kind()).isEqualTo(EntryKind.ANSWER); // the new column's default
            assertThat(old.notes()).isEmpty();
            assertThat(old.question()).isEqualTo("من دعت روسيا؟");
            assertThat(old.citations()).singleElement().satisfies(c -> assertThat(c.quote()).isEqualTo("دعت روسيا"));
            assertThat(old.feedback()).isEqualTo(Feedback.DOWN);

            long id = log.record(Answers.english("Who?"), AnswerEvent.briefing(Door.CLI, null, null, "cli", null));
            assertThat(id).isEqualTo(2);
            assertThat(log.get(id).orElseThrow().kind()).isEqualTo(EntryKind.BRIEFING);
            assertThat(log.list(LogFilter.all().withFeedback(Feedback.DOWN), 1, 10).entries())
                    .extracting(LogSummary::id).containsExactly(1L);
            assertThat(log.flag(1, ModerationState.OK, "mona", "checked")).isTrue();
            // Entries from before the text index existed are found by free text too.
            assertThat(log.list(LogFilter.all().withText("دعت روسيا"), 1, 10).entries())
                    .extracting(LogSummary::id).containsExactly(1L);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'answers'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            assertThat(indexes).contains("answers_at", "answers_state_at", "answers_feedback_at", "answers_language_at");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'answers_fts'")) {
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        // Opening again is a no-op: nothing left to migrate, nothing lost.
        try (AuditLog log = AuditLog.open(db, Pseudonymizer.raw(), Clock.systemUTC())) {
            assertThat(log.list(LogFilter.all(), 1, 10).total()).isEqualTo(2);
        }
    }

    @Test
    void severalOpeningOneOldDatabaseAtOnceMigrateItOnce() throws Exception {
        Path db = dir.resolve("shared.db");
        createVersion1(db);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> {
                    try (AuditLog log = AuditLog.open(db, Pseudonymizer.raw(), Clock.systemUTC())) {
                        return log.schemaVersion();
                    }
                }));
            }
            for (var f : opened) {
                assertThat(f.get()).isEqualTo(latest());
            }
        } finally {
            pool.shutdown();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            assertThat(rs.getInt(1)).as("each version applied once").isEqualTo(rs.getInt(2)).isEqualTo(latest());
        }
    }

    @Test
    void aDatabaseFromANewerIsnadIsRefusedWithAClearMessage() throws Exception {
        Path db = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> AuditLog.open(db, Pseudonymizer.raw(), Clock.systemUTC()))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("upgrade Isnad");
    }

    /** The newest migration shipped for SQLite: the number of files in db/audit/sqlite (V1, V2, …). */
    private static int latest() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/audit/sqlite"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V[0-9]+__.*\\.sql")).count();
        }
    }

    @Test
    void aDatabaseThatANewerIsnadMigratedWithFlywayIsRefusedAndLeftAsItIs() throws Exception {
        Path db = dir.resolve("newer.db");
        try (AuditLog log = AuditLog.open(db, Pseudonymizer.raw(), Clock.systemUTC())) {
            log.record(Answers.english("Who?"), AnswerEvent.briefing(Door.CLI, null, null, "cli", null));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                       installed_by, installed_on, execution_time, success)
                    VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 1, 'isnad', '2030-01-01 00:00:00', 1, 1)""");
        }
        assertThatThrownBy(() -> AuditLog.open(db, Pseudonymizer.raw(), Clock.systemUTC()))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("knows only up to " + latest());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM answers")) {
            assertThat(rs.getInt(1)).isEqualTo(1); // refused, not touched
        }
    }

    @Test
    void aPostgresDatabaseMigratedByANewerIsnadIsRefusedWithAClearMessage() throws Exception {
        String url = PostgresServer.shared().createDatabase();
        try (AuditLog log = AuditLog.openPostgres(url, 2, java.util.Map.of(), Pseudonymizer.raw(), Clock.systemUTC())) {
            assertThat(log.schemaVersion()).isEqualTo(7); // the answer log's six, then the bot's shared state
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                       installed_by, installed_on, execution_time, success)
                    VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 1, 'isnad', now(), 1, true)""");
        }
        assertThatThrownBy(() -> AuditLog.openPostgres(url, 2, java.util.Map.of(), Pseudonymizer.raw(), Clock.systemUTC()))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("knows only up to 7").hasMessageContaining("upgrade Isnad")
                .hasMessageNotContaining("password");
    }

    @Test
    void aNewDatabaseStartsAtTheCurrentVersion() throws Exception {
        try (AuditLog log = AuditLog.open(dir.resolve("new.db"), Pseudonymizer.raw(), Clock.systemUTC())) {
            assertThat(log.schemaVersion()).isEqualTo(latest());
        }
    }
}
