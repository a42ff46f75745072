package org.isnad.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.isnad.Json;
import org.isnad.answer.Answer;
import org.isnad.answer.Candidate;
import org.isnad.answer.Citation;
import org.isnad.answer.Conflict;
import org.isnad.config.IsnadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer log: every answer and briefing Isnad gives, appended to an SQLite database
 * ({@code <dataDir>/audit.db}, WAL), with the readers' feedback and the moderators' verdicts.
 *
 * <p>Doors call {@link #tryRecord} <em>before</em> they send the reply and keep the returned id (the bot
 * puts it in the 👍/👎 buttons and later calls {@link #feedback}). A failing write is logged and
 * never stops the answer. Briefings are logged the same way: an {@link Answer} whose {@code answer} is
 * the rendered briefing and whose citations are the points' quotes, with {@link AnswerEvent#briefing}.
 *
 * <p>Thread-safe. All writes go through one connection under a lock, so concurrent writers in one
 * process queue rather than fail; other processes wait on SQLite's busy timeout. Every write commits
 * with {@code synchronous=FULL}: once {@code record} has returned an id, that entry survives the
 * process being killed (and a power cut).
 */
public final class AuditLog implements AutoCloseable {

    /** The file name inside the data folder. */
    public static final String FILE_NAME = "audit.db";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** The generated key to return from an insert (PostgreSQL returns every column unless told). */
    private static final String[] ID_COLUMN = {"id"};
    private static final int MAX_PAGE_SIZE = 500;
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {};
    private static final TypeReference<List<Conflict>> CONFLICTS = new TypeReference<>() {};
    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String INSERT = """
            INSERT INTO answers (at, door, kind, chat, "user", role, telegram_update_id, question, language, answered,
                                 answer, citations, conflicts, candidates, notes, mode, latency_ms, direct, followup_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final LogDatabase db;
    private final Pseudonymizer pseudonymizer;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean recording = true;

    private AuditLog(LogDatabase db, Pseudonymizer pseudonymizer, Clock clock) {
        this.db = db;
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
    }

    /**
     * Opens the log at {@code file}, creating it or migrating an older schema as needed.
     *
     * @throws AuditException when the database cannot be opened or migrated
     */
    public static AuditLog open(Path file, Pseudonymizer pseudonymizer, Clock clock) {
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        Objects.requireNonNull(clock, "clock");
        try {
            return new AuditLog(SqliteLogDatabase.open(file), pseudonymizer, clock);
        } catch (SQLException | IOException | RuntimeException e) {
            throw new AuditException("cannot open the answer log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the log in a PostgreSQL database that several instances share, creating or migrating its
     * schema; the user and password come from {@code env} ({@code ISNAD_AUDIT_DB_USER},
     * {@code ISNAD_AUDIT_DB_PASSWORD}) or the URL.
     *
     * @throws AuditException when the database cannot be reached or migrated
     */
    public static AuditLog openPostgres(String jdbcUrl, int poolSize, java.util.Map<String, String> env,
                                        Pseudonymizer pseudonymizer, Clock clock) {
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        try {
            return new AuditLog(PostgresLogDatabase.open(jdbcUrl, poolSize, env), pseudonymizer, clock);
        } catch (SQLException | RuntimeException e) {
            throw new AuditException("cannot open the answer log at " + PostgresLogDatabase.redact(String.valueOf(jdbcUrl))
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code <dataDir>/audit.db} as the configuration says: pseudonymized ids (key file
     * {@code audit.pseudonymKeyFile}, default {@code <dataDir>/audit.key}) unless
     * {@code audit.pseudonymize: false}. Entries older than {@code audit.retentionDays} (when > 0) are purged.
     */
    public static AuditLog open(IsnadConfig config) {
        IsnadConfig.Audit audit = config.audit();
        AuditLog log;
        if (audit != null && audit.postgres()) {
            LogDatabase pg = openPostgresDatabase(audit, audit.poolSize() > 0 ? audit.poolSize() : 10);
            log = new AuditLog(pg, Pseudonymizer.of(config, SharedKeys.in(pg.dataSource())), Clock.systemUTC());
        } else {
            log = open(config.dataPath().resolve(FILE_NAME), Pseudonymizer.of(config), Clock.systemUTC());
        }
        log.recording = audit == null || audit.enabled();
        if (audit != null && audit.retentionDays() > 0) {
            try {
                log.purge(Duration.ofDays(audit.retentionDays()));
            } catch (AuditException e) {
                LOG.warn("answer log retention purge failed: {}", e.getMessage());
            }
        }
        return log;
    }

    private static LogDatabase openPostgresDatabase(IsnadConfig.Audit audit, int poolSize) {
        try {
            return PostgresLogDatabase.open(audit.jdbcUrl(), poolSize, System.getenv());
        } catch (SQLException | RuntimeException e) {
            throw new AuditException("cannot open the answer log at " + PostgresLogDatabase.redact(String.valueOf(audit.jdbcUrl()))
                    + ": " + e.getMessage(), e);
        }
    }

    /** The database file (SQLite), or null for a shared PostgreSQL database. */
    public Path file() {
        return db instanceof SqliteLogDatabase s ? s.file() : null;
    }

    /** Where the log lives, the database the shared bot state uses too. */
    public LogDatabase database() {
        return db;
    }

    /** The pseudonymizer the log stores chats and users with (the bot's state uses the same). */
    public Pseudonymizer pseudonymizer() {
        return pseudonymizer;
    }

    /** The schema version of the open database (after migration: the newest). */
    public int schemaVersion() {
        try {
            return db.schemaVersion();
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Appends one entry and returns its id. Call it before sending the reply.
     *
     * @throws AuditException when the write fails (doors should prefer {@link #tryRecord})
     */
    public long record(Answer answer, AnswerEvent event) {
        return recordAt(clock.instant(), answer, event);
    }

    /**
     * Like {@link #record} but never throws: a failed write is logged (without the question's text)
     * and counted in {@link #failedWrites()}, and the result is empty. The door goes on answering.
     */
    public OptionalLong tryRecord(Answer answer, AnswerEvent event) {
        if (!recording) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(record(answer, event));
        } catch (RuntimeException e) {
            failedWrites.incrementAndGet();
            LOG.warn("answer log write failed (the answer is still sent): {}", e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** An entry with an explicit time, for {@link #recordAll} (imports, benchmarks, tests). */
    public record Backdated(Instant at, Answer answer, AnswerEvent event) {}

    /** Appends many entries in one transaction (all or none); returns their ids in order. */
    public long[] recordAll(List<Backdated> entries) {
        long[] ids = new long[entries.size()];
        ensureOpen();
        try {
            db.write(writer -> {
                writer.setAutoCommit(false);
                try (PreparedStatement ps = writer.prepareStatement(INSERT, ID_COLUMN)) {
                    for (int i = 0; i < ids.length; i++) {
                        Backdated b = entries.get(i);
                        ids[i] = insert(ps, b.at(), b.answer(), b.event());
                    }
                    writer.commit();
                } catch (SQLException | RuntimeException e) {
                    writer.rollback();
                    throw e;
                } finally {
                    writer.setAutoCommit(true);
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("record " + ids.length + " entries", e);
        }
        recorded.addAndGet(ids.length);
        return ids;
    }

    /** False when {@code audit.enabled: false}: {@link #tryRecord} then records nothing. */
    public boolean isRecording() {
        return recording;
    }

    private long recordAt(Instant at, Answer answer, AnswerEvent event) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(event, "event");
        if (!recording) {
            throw new AuditException("the answer log is disabled (audit.enabled: false)", null);
        }
        long id;
        ensureOpen();
        try {
            id = db.write(writer -> {
                try (PreparedStatement ps = writer.prepareStatement(INSERT, ID_COLUMN)) {
                    return insert(ps, at, answer, event);
                }
            });
        } catch (SQLException e) {
            throw failure("record an answer", e);
        }
        recorded.incrementAndGet();
        return id;
    }

    private long insert(PreparedStatement ps, Instant at, Answer a, AnswerEvent e) throws SQLException {
        int i = 0;
        ps.setLong(++i, at.toEpochMilli());
        ps.setString(++i, e.door().code());
        ps.setString(++i, e.kind().code());
        ps.setString(++i, pseudonymizer.apply(e.chatId()));
        ps.setString(++i, pseudonymizer.apply(e.userId()));
        ps.setString(++i, e.role());
        setLong(ps, ++i, e.telegramUpdateId());
        ps.setString(++i, a.question() == null ? "" : a.question());
        ps.setString(++i, a.language());
        ps.setInt(++i, a.answered() ? 1 : 0);
        ps.setString(++i, a.answer());
        ps.setString(++i, toJson(a.citations()));
        ps.setString(++i, toJson(a.conflicts()));
        ps.setString(++i, toJson(a.candidates()));
        ps.setString(++i, toJson(a.notes()));
        ps.setString(++i, a.mode());
        ps.setLong(++i, a.latencyMs());
        ps.setString(++i, a.direct() == null ? null : toJson(a.direct()));
        ps.setString(++i, e.followUpMessage() == null ? null : org.isnad.text.FieldLimits.bound(e.followUpMessage(), 4000));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no id returned for the new entry");
            }
            return keys.getLong(1);
        }
    }

    /**
     * Records a reader's 👍/👎 on entry {@code id} (a later vote replaces an earlier one).
     *
     * @return false when there is no such entry
     */
    public boolean feedback(long id, Feedback feedback) {
        Objects.requireNonNull(feedback, "feedback");
        // a changed mind clears the reason given for an earlier 👎
        return update("UPDATE answers SET feedback = ?, feedback_at = ?, feedback_reason = CASE WHEN ? = 'down' THEN feedback_reason END WHERE id = ?",
                feedback.code(), clock.millis(), feedback.code(), id) == 1;
    }

    /** Records why entry {@code id} got 👎 ("quote", "article", "unanswered", "other"); false when there is no such entry. */
    public boolean feedbackReason(long id, String reason) {
        Objects.requireNonNull(reason, "reason");
        return update("UPDATE answers SET feedback_reason = ? WHERE id = ?", reason, id) == 1;
    }

    /**
     * Sets a moderator's verdict on entry {@code id}. A null {@code note} keeps the existing note.
     *
     * @return false when there is no such entry
     */
    public boolean flag(long id, ModerationState state, String moderator, String note) {
        Objects.requireNonNull(state, "state");
        return update("UPDATE answers SET state = ?, moderator = ?, note = coalesce(?, note), reviewed_at = ? WHERE id = ?",
                state.code(), moderator, note, clock.millis(), id) == 1;
    }

    /** Deletes entries older than {@code olderThan}; returns how many. */
    public int purge(Duration olderThan) {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative");
        }
        return update("DELETE FROM answers WHERE at < ?", clock.instant().minus(olderThan).toEpochMilli());
    }

    private int update(String sql, Object... args) {
        ensureOpen();
        try {
            return db.write(writer -> {
                try (PreparedStatement ps = writer.prepareStatement(sql)) {
                    bind(ps, args);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("update the answer log", e);
        }
    }

    // ---------------------------------------------------------------- reading

    /** The entry with this id, if any. */
    public Optional<LogEntry> get(long id) {
        ensureOpen();
        try {
            return db.read(reader -> {
                try (PreparedStatement ps = reader.prepareStatement("SELECT * FROM answers WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(entry(rs)) : Optional.<LogEntry>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("read entry " + id, e);
        }
    }

    /**
     * One page (1-based) of the entries matching {@code filter}, newest first.
     *
     * @param pageSize 1..500
     */
    public LogPage list(LogFilter filter, int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 1 and pageSize 1.." + MAX_PAGE_SIZE);
        }
        Where where = Where.of(filter, db);
        String select = "SELECT id, at, door, kind, language, substr(question, 1, 300) AS q, answered, substr(answer, 1, 240) AS a, "
                + db.citationCount() + " AS nc, mode, latency_ms, feedback, state, moderator, substr(" + db.firstQuote()
                + ", 1, 200) AS fq, substr(" + db.directText() + ", 1, 200) AS dl FROM answers"
                + where.sql + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?";
        ensureOpen();
        try {
            return db.read(reader -> {
                long total;
                try (PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM answers" + where.sql)) {
                    bind(ps, where.args.toArray());
                    try (ResultSet rs = ps.executeQuery()) {
                        total = rs.next() ? rs.getLong(1) : 0;
                    }
                }
                List<LogSummary> rows = new ArrayList<>();
                try (PreparedStatement ps = reader.prepareStatement(select)) {
                    List<Object> args = new ArrayList<>(where.args);
                    args.add(pageSize);
                    args.add((long) (page - 1) * pageSize);
                    bind(ps, args.toArray());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(summary(rs));
                        }
                    }
                }
                return new LogPage(rows, total, page, pageSize);
            });
        } catch (SQLException e) {
            throw failure("list the answer log", e);
        }
    }

    /** The review page's counters; "today" is the current UTC day of this log's clock. */
    public LogCounters counters() {
        long midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        ensureOpen();
        try {
            return db.read(reader -> {
            // Each count is answered from an index (no table rows are read), so the counters stay cheap
            // as the log grows.
            try (PreparedStatement ps = reader.prepareStatement("""
                    SELECT (SELECT count(*) FROM answers),
                           (SELECT count(*) FROM answers WHERE answered = 0),
                           (SELECT count(*) FROM answers WHERE feedback = 'down'),
                           (SELECT count(*) FROM answers WHERE feedback IS NOT NULL),
                           (SELECT count(*) FROM answers WHERE state = 'unreviewed'),
                           (SELECT count(*) FROM answers WHERE at >= ?)""")) {
                ps.setLong(1, midnight);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new LogCounters(rs.getLong(6), rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                }
            }
            });
        } catch (SQLException e) {
            throw failure("count the answer log", e);
        }
    }

    /** Entries recorded through this instance, and writes that failed (see {@link #tryRecord}). */
    public long recordedCount() {
        return recorded.get();
    }

    public long failedWrites() {
        return failedWrites.get();
    }

    /**
     * Writes every entry matching {@code filter}, oldest first, as CSV (one header row, RFC 4180
     * quoting; citations and conflicts as JSON in their cells) or JSON Lines (one {@link LogEntry} per line).
     *
     * @return the number of entries written
     */
    public long export(ExportFormat format, LogFilter filter, Writer out) throws IOException {
        Where where = Where.of(filter, db);
        LogExport export = new LogExport(format, out, json);
        long n = 0;
        long lastId = 0;
        // Pages by id so a long export does not hold one read transaction open throughout.
        while (true) {
            List<LogEntry> batch = new ArrayList<>();
            ensureOpen();
            String sql = "SELECT * FROM answers" + where.and("id > ?") + " ORDER BY id LIMIT 1000";
            long after = lastId;
            try {
                db.read(reader -> {
                    try (PreparedStatement ps = reader.prepareStatement(sql)) {
                        List<Object> args = new ArrayList<>(where.args);
                        args.add(after);
                        bind(ps, args.toArray());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                batch.add(entry(rs));
                            }
                        }
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw failure("export the answer log", e);
            }
            if (batch.isEmpty()) {
                break;
            }
            for (LogEntry e : batch) {
                export.write(e);
                n++;
            }
            lastId = batch.get(batch.size() - 1).id();
        }
        out.flush();
        return n;
    }

    // ---------------------------------------------------------------- plumbing

    /** A WHERE clause built from a filter, with its arguments in order. */
    private record Where(String sql, List<Object> args) {
        static Where of(LogFilter f, LogDatabase db) {
            List<String> terms = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            if (f.since() != null) {
                terms.add("at >= ?");
                args.add(f.since().toEpochMilli());
            }
            if (f.until() != null) {
                terms.add("at < ?");
                args.add(f.until().toEpochMilli());
            }
            if (f.language() != null) {
                terms.add("language = ?");
                args.add(f.language());
            }
            if (f.feedback() != null) {
                terms.add("feedback = ?");
                args.add(f.feedback().code());
            }
            if (f.state() != null) {
                terms.add("state = ?");
                args.add(f.state().code());
            }
            if (f.answered() != null) {
                terms.add("answered = ?");
                args.add(f.answered() ? 1 : 0);
            }
            if (f.text() != null) {
                LogDatabase.Term t = db.textMatch(f.text());
                terms.add(t.sql());
                args.addAll(t.args());
            }
            return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), args);
        }

        String and(String term) {
            return sql.isEmpty() ? " WHERE " + term : sql + " AND " + term;
        }
    }

    private LogSummary summary(ResultSet rs) throws SQLException {
        return new LogSummary(
                rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("at")),
                Door.fromCode(rs.getString("door")),
                EntryKind.fromCode(rs.getString("kind")),
                rs.getString("language"),
                rs.getString("q"),
                rs.getInt("answered") != 0,
                rs.getString("a"),
                rs.getInt("nc"),
                rs.getString("mode"),
                rs.getLong("latency_ms"),
                feedbackOf(rs.getString("feedback")),
                ModerationState.fromCode(rs.getString("state")),
                rs.getString("moderator"),
                rs.getString("fq"),
                rs.getString("dl"));
    }

    private LogEntry entry(ResultSet rs) throws SQLException {
        long updateId = rs.getLong("telegram_update_id");
        Long telegramUpdateId = rs.wasNull() ? null : updateId;
        return new LogEntry(
                rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("at")),
                Door.fromCode(rs.getString("door")),
                EntryKind.fromCode(rs.getString("kind")),
                rs.getString("chat"),
                rs.getString("user"),
                rs.getString("role"),
                telegramUpdateId,
                rs.getString("question"),
                rs.getString("language"),
                rs.getInt("answered") != 0,
                rs.getString("answer"),
                fromJson(rs.getString("citations"), CITATIONS),
                fromJson(rs.getString("conflicts"), CONFLICTS),
                fromJson(rs.getString("candidates"), CANDIDATES),
                fromJson(rs.getString("notes"), STRINGS),
                rs.getString("mode"),
                rs.getLong("latency_ms"),
                feedbackOf(rs.getString("feedback")),
                instantOrNull(rs, "feedback_at"),
                ModerationState.fromCode(rs.getString("state")),
                rs.getString("moderator"),
                rs.getString("note"),
                instantOrNull(rs, "reviewed_at"),
                directOf(rs.getString("direct")),
                rs.getString("feedback_reason"),
                rs.getString("followup_message"));
    }

    /** The stored direct line; an unreadable one is left out rather than failing the entry. */
    private org.isnad.answer.direct.DirectAnswer directOf(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return json.readValue(stored, org.isnad.answer.direct.DirectAnswer.class);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static Feedback feedbackOf(String code) {
        return code == null ? null : Feedback.fromCode(code);
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> fromJson(String text, TypeReference<List<T>> type) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            // A damaged cell must not hide the rest of the entry from the moderators.
            LOG.warn("unreadable JSON in the answer log: {}", e.getOriginalMessage());
            return List.of();
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new AuditException("the answer log " + db.describe() + " is closed", null);
        }
    }

    private AuditException failure(String what, SQLException e) {
        return new AuditException("cannot " + what + " (" + db.describe() + "): " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        db.close();
    }
}
