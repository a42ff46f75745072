package org.isnad.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.isnad.config.PrivateFiles;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The answer log in one SQLite file (WAL, {@code synchronous=FULL}): all writes through one
 * connection under a lock, so writers in one process queue rather than fail and other processes
 * wait on SQLite's busy timeout; reads through a second, read-only connection.
 */
public final class SqliteLogDatabase implements LogDatabase {

    static final String DIALECT = "sqlite";
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final Object MIGRATING = new Object();

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final SQLiteDataSource dataSource;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();

    private SqliteLogDatabase(Path file, SQLiteDataSource dataSource, Connection writer, Connection reader) {
        this.file = file;
        this.dataSource = dataSource;
        this.writer = writer;
        this.reader = reader;
    }

    /** Opens (creating or migrating) the log in {@code file}; returns it with the migration's versions. */
    static SqliteLogDatabase open(Path file) throws SQLException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config(true));
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Connection writer = ds.getConnection();
        try {
            migrate(file, ds, writer);
            // SQLite creates its files with the process umask (often 0644): the log is the owner's only
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                PrivateFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
            }
            SQLiteConfig readOnly = config(false);
            Connection reader = readOnly.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = reader.createStatement()) {
                st.execute("PRAGMA query_only = true");
            }
            return new SqliteLogDatabase(file, ds, writer, reader);
        } catch (SQLException | IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Runs the missing migrations under an exclusive lock on {@code <file>.lock}: Flyway takes no lock
     * on SQLite, and two processes opening one old log at once ({@code serve} and {@code isnad log})
     * must migrate it once, the second finding it done.
     */
    private static void migrate(Path file, SQLiteDataSource ds, Connection writer) throws SQLException, IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (MIGRATING) { // a file lock is per process: threads of one process queue here first
            migrateLocked(lockFile, ds, writer);
        }
    }

    private static void migrateLocked(Path lockFile, SQLiteDataSource ds, Connection writer) throws SQLException, IOException {
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var lock = channel.lock()) {
            PrivateFiles.restrict(lockFile);
            int legacy;
            try (Statement st = writer.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
                legacy = rs.next() ? rs.getInt(1) : 0;
            }
            LogSchema.Versions v = LogSchema.migrate(ds, DIALECT, legacy);
            if (v.after() != legacy) {
                try (Statement st = writer.createStatement()) {
                    // kept in step for an Isnad from before Flyway, which reads only this
                    st.execute("PRAGMA user_version = " + v.after());
                }
            }
        }
    }

    private static SQLiteConfig config(boolean writer) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        if (writer) {
            // a write transaction takes the write lock at its start: two writers queue instead of deadlocking
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return cfg;
    }

    public Path file() {
        return file;
    }

    @Override
    public <T> T write(Work<T> work) throws SQLException {
        synchronized (writeLock) {
            return work.run(writer);
        }
    }

    @Override
    public <T> T read(Work<T> work) throws SQLException {
        synchronized (readLock) {
            return work.run(reader);
        }
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public int schemaVersion() throws SQLException {
        Integer v = LogSchema.appliedVersion(dataSource);
        return v == null ? 0 : v;
    }

    @Override
    public String citationCount() {
        return "json_array_length(citations)";
    }

    @Override
    public String firstQuote() {
        return "json_extract(citations, '$[0].quote')";
    }

    @Override
    public String directText() {
        return "json_extract(direct, '$.text')";
    }

    @Override
    public Term textMatch(String text) {
        if (text.codePointCount(0, text.length()) >= 3) {
            // the trigram index finds substrings of three characters or more without reading every row
            return new Term("id IN (SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?)",
                    List.of('"' + text.replace("\"", "\"\"") + '"'));
        }
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new Term("(question LIKE ? ESCAPE '\\' OR answer LIKE ? ESCAPE '\\')", List.of(like, like));
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (readLock) {
                for (Connection c : new Connection[] {reader, writer}) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // closing; nothing is pending on these connections
                    }
                }
            }
        }
    }
}
