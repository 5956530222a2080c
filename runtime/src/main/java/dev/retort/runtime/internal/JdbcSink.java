package dev.retort.runtime.internal;

import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The online {@link SqlSink}: runs each statement on the migration's connection, inside
 * whatever transaction the migrator has open. An offline script sink implements the same
 * interface, so migrations and version-table changes take one code path either way.
 *
 * <p>It keeps the trail of the statements that completed since {@link #clearTrail()}, and
 * how many of them an {@link #autocommitBlock} committed, so that a failing migration's
 * error can say exactly which of its statements stayed.
 */
public final class JdbcSink implements SqlSink {

    private final Connection connection;
    private final List<String> trail = new ArrayList<>();
    private int committedByBlock;

    public JdbcSink(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        trail.add(sql);
    }

    @Override
    public void executed(String sql) {
        trail.add(sql);
    }

    /** Runs {@code sql}, turning a failure into a {@link StatementFailedException} that keeps the statement. */
    public void run(String sql) {
        try {
            execute(sql);
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /** Everything before and inside the block is committed, whatever the block does. */
    @Override
    public void autocommitBlock(Connection connection, Dialect dialect, Runnable block) throws SQLException {
        try {
            SqlSink.super.autocommitBlock(connection, dialect, block);
        } finally {
            committedByBlock = trail.size();
        }
    }

    /** The statements that completed since {@link #clearTrail()}, in order. */
    public List<String> trail() {
        return List.copyOf(trail);
    }

    /** How many statements of the {@link #trail()}, from its start, an autocommit block committed. */
    public int committedByBlock() {
        return committedByBlock;
    }

    /** Starts a new trail, at the start of each migration. */
    public void clearTrail() {
        trail.clear();
        committedByBlock = 0;
    }
}
