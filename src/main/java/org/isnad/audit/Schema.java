package org.isnad.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The answer log's schema as an ordered list of migrations. The database records how many have run in
 * {@code PRAGMA user_version}; opening a log runs the missing ones in order, each in its own
 * transaction, so a newer Isnad opens a database written by an older one. Never edit a step that has
 * shipped: add a new one.
 */
final class Schema {

    /** Step {@code i} takes the database from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(
            // v1: the first answer log (answers only, from the bot and the CLI).
            List.of("""
                    CREATE TABLE IF NOT EXISTS answers (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      at INTEGER NOT NULL,
                      door TEXT NOT NULL,
                      chat TEXT,
                      user TEXT,
                      role TEXT,
                      telegram_update_id INTEGER,
                      question TEXT NOT NULL,
                      language TEXT,
                      answered INTEGER NOT NULL,
                      answer TEXT,
                      citations TEXT NOT NULL DEFAULT '[]',
                      conflicts TEXT NOT NULL DEFAULT '[]',
                      candidates TEXT NOT NULL DEFAULT '[]',
                      mode TEXT,
                      latency_ms INTEGER NOT NULL DEFAULT 0,
                      feedback TEXT,
                      feedback_at INTEGER,
                      state TEXT NOT NULL DEFAULT 'unreviewed',
                      moderator TEXT,
                      note TEXT)""",
                    "CREATE INDEX IF NOT EXISTS answers_at ON answers(at)"),
            // v2: briefings share the log (kind), answerer notes, review time, and indexes for the review page's filters.
            List.of(
                    "ALTER TABLE answers ADD COLUMN kind TEXT NOT NULL DEFAULT 'answer'",
                    "ALTER TABLE answers ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'",
                    "ALTER TABLE answers ADD COLUMN reviewed_at INTEGER",
                    "CREATE INDEX IF NOT EXISTS answers_state_at ON answers(state, at)",
                    "CREATE INDEX IF NOT EXISTS answers_feedback_at ON answers(feedback, at)",
                    "CREATE INDEX IF NOT EXISTS answers_language_at ON answers(language, at)",
                    "CREATE INDEX IF NOT EXISTS answers_answered_at ON answers(answered, at)"),
            // v3: free-text search over questions and answers (trigram: substrings, any script, no case),
            // kept in step with the table by triggers; existing entries are indexed by the rebuild. Two
            // composite indexes answer the review page's common pairs (language or feedback with a state).
            List.of(
                    "CREATE INDEX IF NOT EXISTS answers_language_state_at ON answers(language, state, at)",
                    "CREATE INDEX IF NOT EXISTS answers_feedback_state_at ON answers(feedback, state, at)",
                    """
                    CREATE VIRTUAL TABLE IF NOT EXISTS answers_fts USING fts5(
                      question, answer, content='answers', content_rowid='id', tokenize='trigram')""",
                    """
                    CREATE TRIGGER IF NOT EXISTS answers_fts_insert AFTER INSERT ON answers BEGIN
                      INSERT INTO answers_fts(rowid, question, answer) VALUES (new.id, new.question, new.answer);
                    END""",
                    """
                    CREATE TRIGGER IF NOT EXISTS answers_fts_delete AFTER DELETE ON answers BEGIN
                      INSERT INTO answers_fts(answers_fts, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
                    END""",
                    """
                    CREATE TRIGGER IF NOT EXISTS answers_fts_update AFTER UPDATE OF question, answer ON answers BEGIN
                      INSERT INTO answers_fts(answers_fts, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
                      INSERT INTO answers_fts(rowid, question, answer) VALUES (new.id, new.question, new.answer);
                    END""",
                    "INSERT INTO answers_fts(answers_fts) VALUES ('rebuild')"),
            // v4: the direct answer line (JSON: its text and parts with their source spans); null before it existed.
            List.of("ALTER TABLE answers ADD COLUMN direct TEXT"),
            // v5: why a reader gave 👎 (wrong quote, wrong article, not answered, other), one tap after it.
            List.of("ALTER TABLE answers ADD COLUMN feedback_reason TEXT"),
            // v6: a follow-up's message as the reader wrote it ("ومتى؟"), the question column holding how it was read.
            List.of("ALTER TABLE answers ADD COLUMN followup_message TEXT"));

    /** The version a fully migrated database has. */
    static final int CURRENT = MIGRATIONS.size();

    private Schema() {}

    /**
     * Runs the missing migrations; returns the version before. Refuses a database newer than this code.
     * The connection must begin its transactions IMMEDIATE, so two processes opening the same old
     * database at once migrate it once: the version is re-read under the write lock.
     */
    static int migrate(Connection c) throws SQLException {
        int before = version(c);
        if (before > CURRENT) {
            throw new SQLException("the answer log has schema version " + before
                    + " but this Isnad knows only up to " + CURRENT + "; upgrade Isnad");
        }
        if (before == CURRENT) {
            return before;
        }
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (int v = version(c); v < CURRENT; v = version(c)) {
                for (String sql : MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return before;
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
