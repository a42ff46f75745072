package org.isnad.bot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.isnad.text.Language;

/**
 * What the instances of one bot share in the answer log's PostgreSQL database (tables in
 * {@code db/audit/postgres/V7__bot_state.sql}): the updates taken on, each reader's /lang choice, which
 * sent message carries which answer, each chat's last question (for follow-ups), the flood counters
 * and the instances alive. Readers and chats are
 * stored as the log's pseudonyms. Every call is one short statement on a pooled connection, but for
 * {@link ChatHold}, which keeps its connection while an update of that chat is answered.
 */
public final class SharedBotState {

    /** How an update stands when an instance claims it. */
    public enum Claim {
        /** Never taken on: answer it. */
        NEW,
        /** Taken on by an instance that stopped (or failed) before it was delivered: answer it now. */
        AGAIN,
        /** Delivered already (Telegram, or the load balancer, sent it again): do nothing. */
        DONE
    }

    private final DataSource ds;
    private final DataSource holds;
    private final String bot;
    private final String instance;

    /**
     * @param ds       connections for the short statements (the answer log's pool)
     * @param holds    connections for {@link ChatHold}s only, one per update being answered: apart from
     *                 {@code ds}, so that updates waiting for their chat never starve the answering
     *                 of the log connections it needs. Each sets its {@code lock_timeout} once, when
     *                 opened ({@link #holdsInitSql}): how long an update waits for its chat.
     * @param bot      the bot and its Bot API endpoint (keys as in {@link BotState})
     * @param instance this process's name among the instances (host and pid)
     */
    public SharedBotState(DataSource ds, DataSource holds, String bot, String instance) {
        this.ds = ds;
        this.holds = holds;
        this.bot = bot;
        this.instance = instance;
    }

    public String instance() {
        return instance;
    }

    // ------------------------------------------------------------------ updates

    /**
     * One chat held by this instance: PostgreSQL's advisory lock on (bot, chat), kept by the
     * connection until {@link #close}. While one instance answers an update of a chat, another given
     * an update of the same chat (a redelivery, or the next message) waits, so replies in one chat
     * keep their order. An instance that dies lets go with its connection, and its update is then
     * claimed {@link Claim#AGAIN}.
     */
    public final class ChatHold implements AutoCloseable {
        private final Connection c;
        private final String lockName;

        private ChatHold(Connection c, String lockName) {
            this.c = c;
            this.lockName = lockName;
        }

        /** Claims the update: {@link Claim#DONE} means it was delivered already. */
        public Claim claim(long updateId, long nowMs) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO bot_updates (bot, update_id, state, owner, taken_at) VALUES (?, ?, 'taken', ?, ?)
                    ON CONFLICT (bot, update_id) DO UPDATE SET attempts = bot_updates.attempts + 1,
                        owner = EXCLUDED.owner, taken_at = EXCLUDED.taken_at
                    WHERE bot_updates.state = 'taken'
                    RETURNING attempts""")) {
                ps.setString(1, bot);
                ps.setLong(2, updateId);
                ps.setString(3, instance);
                ps.setLong(4, nowMs);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Claim.DONE;
                    }
                    return rs.getInt(1) == 1 ? Claim.NEW : Claim.AGAIN;
                }
            }
        }

        /** Every reply to the update is delivered (or given up on): it is never answered again. */
        public void done(long updateId, long nowMs) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bot_updates SET state = 'done', done_at = ? WHERE bot = ? AND update_id = ?")) {
                ps.setLong(1, nowMs);
                ps.setString(2, bot);
                ps.setLong(3, updateId);
                ps.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            boolean released;
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                    ps.setString(1, lockName);
                    try (ResultSet rs = ps.executeQuery()) {
                        released = rs.next() && rs.getBoolean(1);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                discard(c); // the lock may still be held by this session: the session goes, and the lock with it
                throw e;
            }
            if (!released) {
                discard(c);
                throw new SQLException("the chat's lock " + lockName + " was not held when let go of");
            }
            c.close();
        }
    }

    /** What each connection of the holds' pool runs when opened: the wait for a chat held elsewhere. */
    public static String holdsInitSql(Duration wait) {
        return "SET lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'";
    }

    /**
     * Holds {@code chatId} for this instance, waiting (the holds' pool's {@code lock_timeout}) for
     * another instance to let go of it.
     *
     * @throws SQLException when the database cannot be reached or the wait ran out (SQLState 55P03)
     */
    public ChatHold holdChat(long chatId) throws SQLException {
        Connection c = holds.getConnection();
        String lockName = bot + "/chat/" + chatId;
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
                ps.setString(1, lockName);
                ps.execute();
            }
            return new ChatHold(c, lockName);
        } catch (SQLException | RuntimeException e) {
            discard(c); // the lock may have been granted as the call failed
            throw e;
        }
    }

    /** Ends a connection's session instead of returning it to the pool (advisory locks and settings go with it). */
    private void discard(Connection c) {
        try {
            if (holds instanceof com.zaxxer.hikari.HikariDataSource pool) {
                pool.evictConnection(c);
            } else {
                c.abort(Runnable::run);
            }
        } catch (SQLException | RuntimeException ignored) {
            // it is gone either way
        }
    }

    /**
     * Forgets delivered updates older than {@code age} (Telegram redelivers for a day at most), and
     * conversations idle as long (a follow-up reads only the last ten minutes), instances not seen
     * for as long, and the map of sent answers past {@code sentAnswersAge} (the log keeps the answers).
     */
    public int purge(Duration age, Duration sentAnswersAge, long nowMs) throws SQLException {
        try (Connection c = ds.getConnection()) {
            int updates = delete(c, "DELETE FROM bot_updates WHERE bot = ? AND state = 'done' AND done_at < ?", nowMs - age.toMillis());
            delete(c, "DELETE FROM bot_conversations WHERE bot = ? AND at < ?", nowMs - age.toMillis());
            delete(c, "DELETE FROM bot_instances WHERE bot = ? AND seen_at < ?", nowMs - age.toMillis());
            delete(c, "DELETE FROM bot_sent_answers WHERE bot = ? AND at < ?", nowMs - sentAnswersAge.toMillis());
            return updates;
        }
    }

    private int delete(Connection c, String sql, long before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, bot);
            ps.setLong(2, before);
            return ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ readers

    /** The reader's /lang choice, by pseudonym; empty means "auto". */
    public Optional<Language> language(String reader) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT language FROM bot_languages WHERE bot = ? AND reader = ?")) {
            ps.setString(1, bot);
            ps.setString(2, reader);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Language.fromCode(rs.getString(1))).filter(l -> l != Language.OTHER) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a reader's language: " + e.getMessage(), e);
        }
    }

    public void setLanguage(String reader, Language language) {
        String sql = language == null || language == Language.OTHER
                ? "DELETE FROM bot_languages WHERE bot = ? AND reader = ?"
                : "INSERT INTO bot_languages (bot, reader, language) VALUES (?, ?, ?) "
                        + "ON CONFLICT (bot, reader) DO UPDATE SET language = EXCLUDED.language";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, bot);
            ps.setString(2, reader);
            if (language != null && language != Language.OTHER) {
                ps.setString(3, language.code());
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a reader's language: " + e.getMessage(), e);
        }
    }

    /** Remembers that message {@code messageId} in {@code chat} (a pseudonym) carries answer {@code ref}. */
    public void rememberAnswer(String chat, int messageId, long ref, long nowMs) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bot_sent_answers (bot, chat, message_id, ref, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (bot, chat, message_id) DO UPDATE SET ref = EXCLUDED.ref, at = EXCLUDED.at""")) {
            ps.setString(1, bot);
            ps.setString(2, chat);
            ps.setInt(3, messageId);
            ps.setLong(4, ref);
            ps.setLong(5, nowMs);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remember a sent answer: " + e.getMessage(), e);
        }
    }

    public Optional<Long> answerRef(String chat, int messageId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ref FROM bot_sent_answers WHERE bot = ? AND chat = ? AND message_id = ?")) {
            ps.setString(1, bot);
            ps.setString(2, chat);
            ps.setInt(3, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a sent answer: " + e.getMessage(), e);
        }
    }

    /** Each chat's last question (for follow-ups such as "ومتى؟"), chats by pseudonym. */
    FollowUps.Memory conversations(java.util.function.Function<Long, String> pseudonym) {
        return new FollowUps.Memory() {
            @Override
            public FollowUps.Last get(long chatId) {
                try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "SELECT question, at, follow_ups FROM bot_conversations WHERE bot = ? AND chat = ?")) {
                    ps.setString(1, bot);
                    ps.setString(2, pseudonym.apply(chatId));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new FollowUps.Last(rs.getString(1), rs.getLong(2), rs.getInt(3)) : null;
                    }
                } catch (SQLException e) {
                    return null; // read as a question of its own
                }
            }

            @Override
            public void put(long chatId, FollowUps.Last last) {
                try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO bot_conversations (bot, chat, question, at, follow_ups) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (bot, chat) DO UPDATE SET question = EXCLUDED.question, at = EXCLUDED.at,
                            follow_ups = EXCLUDED.follow_ups""")) {
                    ps.setString(1, bot);
                    ps.setString(2, pseudonym.apply(chatId));
                    ps.setString(3, last.question());
                    ps.setLong(4, last.at());
                    ps.setInt(5, last.followUps());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    // the next message is then read as a question of its own
                }
            }
        };
    }

    /**
     * Counts one message of {@code reader} in the current minute, across instances: ALLOW while under
     * {@code perMinute}, then NOTIFY once and DROP until the minute is over. A fixed window (one row
     * per reader, one statement per message), where one instance's guard slides: across a minute's
     * turn a reader may get up to twice the limit.
     */
    public FloodGuard.Verdict flood(String reader, int perMinute, long nowMs) {
        if (perMinute <= 0) {
            return FloodGuard.Verdict.ALLOW;
        }
        long window = nowMs - nowMs % FloodGuard.WINDOW_MS;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bot_flood AS f (bot, reader, window_start, count) VALUES (?, ?, ?, 1)
                ON CONFLICT (bot, reader) DO UPDATE SET
                    count = CASE WHEN f.window_start = EXCLUDED.window_start THEN f.count + 1 ELSE 1 END,
                    window_start = EXCLUDED.window_start
                RETURNING count""")) {
            ps.setString(1, bot);
            ps.setString(2, reader);
            ps.setLong(3, window);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int count = rs.getInt(1);
                if (count <= perMinute) {
                    return FloodGuard.Verdict.ALLOW;
                }
                return count == perMinute + 1 ? FloodGuard.Verdict.NOTIFY : FloodGuard.Verdict.DROP;
            }
        } catch (SQLException e) {
            // the limit protects the bot; a database hiccup must not silence a reader
            return FloodGuard.Verdict.ALLOW;
        }
    }

    // ------------------------------------------------------------------ instances

    /** Marks this instance alive and returns how many are (seen within {@code alive}). */
    public int heartbeat(long nowMs, Duration alive) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO bot_instances (bot, instance, seen_at) VALUES (?, ?, ?)
                    ON CONFLICT (bot, instance) DO UPDATE SET seen_at = EXCLUDED.seen_at""")) {
                ps.setString(1, bot);
                ps.setString(2, instance);
                ps.setLong(3, nowMs);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM bot_instances WHERE bot = ? AND seen_at >= ?")) {
                ps.setString(1, bot);
                ps.setLong(2, nowMs - alive.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Math.max(1, rs.getInt(1));
                }
            }
        }
    }

    /** This instance stops: the others take up its share at once. */
    public void leave() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM bot_instances WHERE bot = ? AND instance = ?")) {
            ps.setString(1, bot);
            ps.setString(2, instance);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // its row runs out by itself
        }
    }

    /** Whether the database answers (the readiness check). */
    public boolean reachable() {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
