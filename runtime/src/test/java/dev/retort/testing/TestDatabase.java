package dev.retort.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A database a test owns: an in-memory H2 database, a schema of its own on the
 * PostgreSQL server, a database of its own on the MariaDB server, or a temporary SQLite file. {@link #close()} drops what it created.
 */
public final class TestDatabase implements AutoCloseable {

    private final String kind;
    private final SimpleDataSource dataSource;
    private final String schema;
    private final Runnable cleanup;

    TestDatabase(String kind, SimpleDataSource dataSource, String schema, Runnable cleanup) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.schema = schema;
        this.cleanup = cleanup;
    }

    /** {@code h2}, {@code postgresql}, {@code mariadb} or {@code sqlite}. */
    public String kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return dataSource.url();
    }

    /**
     * The schema the test works in: {@code PUBLIC} on H2, a fresh one on PostgreSQL, a fresh
     * database on MariaDB (JDBC calls it a catalog), {@code main} on SQLite.
     */
    public String schema() {
        return schema;
    }

    /** Runs statements on a fresh auto-commit connection. */
    public void execute(String... sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test setup SQL failed on " + kind + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }

    @Override
    public String toString() {
        return kind;
    }
}
