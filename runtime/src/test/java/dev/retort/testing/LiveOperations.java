package dev.retort.testing;

import dev.retort.runtime.Operations;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.Operation;
import java.sql.Connection;
import java.util.List;

/**
 * Operations run at once on a connection, as inside a migration, for tests of other modules
 * that set a schema up (autogenerate's): they see only this public signature, not the
 * runtime's internal packages, which the module descriptor does not export.
 */
public final class LiveOperations {

    private LiveOperations() {
    }

    /** The facade a migration receives, each call executed on {@code connection} as it is made. */
    public static Operations on(Dialect dialect, Connection connection) {
        return new DefaultOperations(dialect, new JdbcSink(connection), connection);
    }

    /** Runs operation values as the migrator does: a batch through batch mode, any other as rendered. */
    public static void run(Dialect dialect, Connection connection, List<? extends Operation> operations) {
        DefaultOperations op = new DefaultOperations(dialect, new JdbcSink(connection), connection);
        for (Operation operation : operations) {
            if (operation instanceof BatchAlterTable batch) {
                op.runBatch(batch);
            } else {
                op.run(operation);
            }
        }
    }
}
