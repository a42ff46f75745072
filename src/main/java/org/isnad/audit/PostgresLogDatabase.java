package org.isnad.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The answer log in a PostgreSQL database that several Isnad instances share ({@code audit.backend:
 * postgres}): a HikariCP pool, every statement on a pooled connection in auto-commit, PostgreSQL
 * doing the queuing. The user and password come from the environment ({@code ISNAD_AUDIT_DB_USER},
 * {@code ISNAD_AUDIT_DB_PASSWORD}) or the JDBC URL, never from the configuration file.
 */
public final class PostgresLogDatabase implements LogDatabase {

    static final String DIALECT = "postgres";
    /** Where the database user and password come from (never the configuration file). */
    static final String USER_ENV = "ISNAD_AUDIT_DB_USER";
    static final String PASSWORD_ENV = "ISNAD_AUDIT_DB_PASSWORD";

    private final HikariDataSource pool;
    private final String described;

    private PostgresLogDatabase(HikariDataSource pool, String described) {
        this.pool = pool;
        this.described = described;
    }

    /** Connects, creating or migrating the schema. */
    static PostgresLogDatabase open(String jdbcUrl, int poolSize, Map<String, String> env) throws SQLException {
        if (jdbcUrl == null || jdbcUrl.isBlank() || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new SQLException("audit.backend is postgres but audit.jdbcUrl (ISNAD_AUDIT_JDBC_URL) is not a "
                    + "jdbc:postgresql: URL: " + (jdbcUrl == null ? "unset" : redact(jdbcUrl)));
        }
        HikariDataSource pool = pool(jdbcUrl, poolSize, env, "isnad-audit");
        try {
            LogSchema.migrate(pool, DIALECT, 0);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresLogDatabase(pool, redact(jdbcUrl));
    }

    /**
     * A pool of connections to the database at {@code jdbcUrl}, user and password from {@code env}
     * ({@code ISNAD_AUDIT_DB_USER}, {@code ISNAD_AUDIT_DB_PASSWORD}) or the URL. It starts even while
     * the database is down; the first statement then says why.
     */
    public static HikariDataSource pool(String jdbcUrl, int size, Map<String, String> env, String name) {
        return pool(jdbcUrl, size, env, name, null);
    }

    /** As {@link #pool(String, int, Map, String)}, running {@code initSql} once on each new connection (null: none). */
    public static HikariDataSource pool(String jdbcUrl, int size, Map<String, String> env, String name, String initSql) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        String user = env.get(USER_ENV);
        String password = env.get(PASSWORD_ENV);
        if (user != null && !user.isBlank()) {
            hc.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(Math.max(2, size));
        // opened as needed, not all at start: several instances must fit PostgreSQL's max_connections (100)
        hc.setMinimumIdle(Math.min(2, size));
        hc.setPoolName(name);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(-1);
        if (initSql != null) {
            hc.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(hc);
    }

    /** The URL without a password parameter. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public <T> T write(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    @Override
    public <T> T read(Work<T> work) throws SQLException {
        return write(work);
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public String describe() {
        return described;
    }

    @Override
    public int schemaVersion() throws SQLException {
        Integer v = LogSchema.appliedVersion(pool);
        return v == null ? 0 : v;
    }

    @Override
    public String citationCount() {
        return "json_array_length(citations::json)";
    }

    @Override
    public String firstQuote() {
        return "(citations::json -> 0 ->> 'quote')";
    }

    @Override
    public String directText() {
        return "(direct::json ->> 'text')";
    }

    @Override
    public Term textMatch(String text) {
        // ILIKE finds substrings in any case; the trigram indexes (when pg_trgm is there) make it an index scan
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new Term("(question ILIKE ? OR answer ILIKE ?)", List.of(like, like));
    }

    @Override
    public void close() {
        pool.close();
    }
}
