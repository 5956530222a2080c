package dev.retort.runtime.internal;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.Operation;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where rendered SQL goes: executed on a connection online, written to a script offline.
 * The same migration code path feeds both.
 */
public interface SqlSink {

    /** Runs or writes one statement (no terminator). */
    void execute(String sql) throws SQLException;

    /**
     * Runs or writes statement {@code index} of {@code operation}'s rendering. The default
     * runs it through {@link #execute(String)}; the journal's sink also records which
     * operation it came from, to repeat it safely after a crash.
     */
    default void execute(Operation operation, int index, String sql) throws SQLException {
        execute(sql);
    }

    /**
     * Runs a statement that a migration sends on the connection itself (a bulk insert's
     * batches, a statement with parameters). {@code identity} is its text with its values,
     * which the journal hashes. The default just runs it.
     */
    default void executeDirectly(String sql, String identity, DirectStatement statement) throws SQLException {
        statement.run();
    }

    /** A migration took the raw connection ({@code Operations.connection()}). Nothing by default. */
    default void connectionTaken() {
    }

    /** A statement run on the connection directly; see {@link #executeDirectly}. */
    @FunctionalInterface
    interface DirectStatement {
        void run() throws SQLException;
    }

    /**
     * Told of a statement the operations ran on the connection themselves (with bound
     * parameters, or in batches) once it completed; nothing by default.
     */
    default void executed(String sql) {
    }

    /**
     * Runs {@code block} outside the migration's transaction, as Alembic's {@code
     * autocommit_block}: for statements a database refuses inside a transaction, such as
     * PostgreSQL's {@code CREATE INDEX CONCURRENTLY}. {@code Operations.autocommitBlock}
     * calls it; the block's statements reach this sink through {@link #execute(String)} as
     * usual.
     *
     * <p>The contract, which an overriding sink keeps:
     * <ul>
     * <li>Before the block, the transaction the migration runs in ends with a commit, so the
     *     migration's work so far (and, in one-transaction runs, earlier migrations) is
     *     permanent.
     * <li>The block's statements each commit on their own.
     * <li>After the block, even when it throws, a transaction is open again, so the rest of
     *     the migration and its version-table change run in one transaction as usual.
     * </ul>
     *
     * <p>The default implementation does this online, on {@code connection}: it commits,
     * switches the connection to auto-commit, runs the block and switches auto-commit off
     * again (a connection already in auto-commit just runs the block). Offline ({@code
     * connection == null}) it writes {@code COMMIT} before the block and {@code BEGIN} after
     * it through {@link #execute(String)} on a dialect with {@linkplain
     * Dialect#transactionalDdl() transactional DDL}, where the script wraps each migration
     * in a transaction; elsewhere it just runs the block. A script sink that writes its
     * transactions differently overrides this method.
     *
     * @param connection the migration's connection, or {@code null} offline
     * @param dialect the database's dialect
     * @param block the operations to run outside the transaction
     */
    default void autocommitBlock(Connection connection, Dialect dialect, Runnable block) throws SQLException {
        if (connection == null) {
            boolean transactional = dialect.transactionalDdl();
            if (transactional) {
                execute("COMMIT");
            }
            block.run();
            if (transactional) {
                execute("BEGIN");
            }
            return;
        }
        if (connection.getAutoCommit()) {
            block.run();
            return;
        }
        connection.commit();
        connection.setAutoCommit(true);
        try {
            block.run();
        } finally {
            connection.setAutoCommit(false);
        }
    }
}
