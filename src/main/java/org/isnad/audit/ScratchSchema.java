package org.isnad.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * A schema of its own in a PostgreSQL database, for a benchmark's run: created empty, reached through
 * {@link #url()} (its tables first on the search path, then {@code public} for extensions), and dropped
 * with everything in it on {@link #close()}. Nothing of the database's own is read or touched.
 */
public final class ScratchSchema implements AutoCloseable {

    private final String jdbcUrl;
    private final Map<String, String> env;
    private final String name;

    private ScratchSchema(String jdbcUrl, Map<String, String> env, String name) {
        this.jdbcUrl = jdbcUrl;
        this.env = env;
        this.name = name;
    }

    /** Creates {@code <prefix>_<pid>} in the database at {@code jdbcUrl} (user and password as {@link PostgresLogDatabase} reads them). */
    public static ScratchSchema create(String jdbcUrl, Map<String, String> env, String prefix) throws SQLException {
        ScratchSchema s = new ScratchSchema(jdbcUrl, env, prefix + "_" + ProcessHandle.current().pid());
        s.execute("CREATE SCHEMA " + s.name);
        return s;
    }

    /** The database's URL with this schema as the current one. */
    public String url() {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + name + ",public";
    }

    private void execute(String sql) throws SQLException {
        Properties p = new Properties();
        String user = env.get(PostgresLogDatabase.USER_ENV);
        String password = env.get(PostgresLogDatabase.PASSWORD_ENV);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }
}
