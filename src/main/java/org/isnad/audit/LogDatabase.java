package org.isnad.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where the answer log lives, and the little SQL that differs there: an SQLite file beside one Isnad
 * ({@link SqliteLogDatabase}, the default) or a PostgreSQL database that several instances share
 * ({@link PostgresLogDatabase}). {@link AuditLog} writes the same statements to both but for the
 * fragments here.
 */
public sealed interface LogDatabase extends AutoCloseable permits SqliteLogDatabase, PostgresLogDatabase {

    /** Work done with one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs a write: on SQLite through the one writer connection, in turn; on PostgreSQL on a pooled connection. */
    <T> T write(Work<T> work) throws SQLException;

    /** Runs a read: on SQLite through the one read-only connection, in turn; on PostgreSQL on a pooled connection. */
    <T> T read(Work<T> work) throws SQLException;

    /** The pooled connections (PostgreSQL: the bot's shared state uses them too). */
    DataSource dataSource();

    /** What to name in messages: the file, or the JDBC URL without credentials. */
    String describe();

    /** The schema version (the newest migration applied). */
    int schemaVersion() throws SQLException;

    /** A SELECT expression for the number of citations of a row. */
    String citationCount();

    /** A SELECT expression for the first citation's quote of a row. */
    String firstQuote();

    /** A SELECT expression for the direct line's text of a row. */
    String directText();

    /** A WHERE term finding {@code text} in the question or the answer (any case), with its arguments. */
    Term textMatch(String text);

    /** A piece of a WHERE clause and the arguments it binds, in order. */
    record Term(String sql, List<Object> args) {}

    @Override
    void close();
}
