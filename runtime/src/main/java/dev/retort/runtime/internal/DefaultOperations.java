package dev.retort.runtime.internal;

import dev.retort.runtime.Operations;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@link Operations} a migration receives: builds each operation value, has the
 * dialect render it, and hands the statements to the sink (a connection online, a
 * script offline).
 */
public final class DefaultOperations implements Operations {

    private final Dialect dialect;
    private final SqlSink sink;
    private final Connection connection;

    /**
     * @param connection the migration's connection, or {@code null} offline
     */
    public DefaultOperations(Dialect dialect, SqlSink sink, Connection connection) {
        this.dialect = dialect;
        this.sink = sink;
        this.connection = connection;
    }

    /** Renders and runs one operation. */
    public void run(Operation operation) {
        List<String> statements = dialect.render(operation);
        for (String sql : statements) {
            try {
                sink.execute(sql);
            } catch (SQLException e) {
                throw new StatementFailedException(sql, e);
            }
        }
    }

    @Override
    public void execute(String sql) {
        run(new Execute(sql));
    }

    @Override
    public Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("No connection while writing an offline SQL script: "
                    + "a migration that reads data cannot run with --sql.");
        }
        return connection;
    }
}
