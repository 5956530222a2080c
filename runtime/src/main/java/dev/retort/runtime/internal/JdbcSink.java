package dev.retort.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * The online {@link SqlSink}: runs each statement on the migration's connection, inside
 * whatever transaction the migrator has open. An offline script sink implements the same
 * interface, so migrations and version-table changes take one code path either way.
 */
public final class JdbcSink implements SqlSink {

    private final Connection connection;

    public JdbcSink(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs {@code sql}, turning a failure into a {@link StatementFailedException} that keeps the statement. */
    public void run(String sql) {
        try {
            execute(sql);
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }
}
