package dev.retort.runtime.internal.command;

import static dev.retort.runtime.internal.command.FailureText.causeText;
import static dev.retort.runtime.internal.command.FailureText.oneLine;
import static dev.retort.runtime.internal.command.FailureText.sentence;
import static dev.retort.runtime.internal.command.FailureText.statementFailure;
import static dev.retort.runtime.internal.command.VersionRows.applyVersionChange;
import static dev.retort.runtime.internal.command.VersionRows.describe;
import static dev.retort.runtime.internal.command.VersionRows.isReplacement;
import static dev.retort.runtime.internal.command.VersionRows.readQuietly;
import static dev.retort.runtime.internal.command.VersionRows.replaceVersion;

import dev.retort.graph.Direction;
import dev.retort.graph.Step;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.internal.FailureReport;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.internal.Journal;
import dev.retort.runtime.internal.SqlSink;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.internal.StepLog;
import dev.retort.runtime.internal.VersionTable;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** Online: statements run on the connection, inside JDBC transactions (auto-commit off). */
final class ConnectionRun implements RunTarget {
    private final MigrationContext context;
    private final System.Logger logger;
    private final Connection connection;
    private final VersionTable table;
    private final Journal journal;
    private final JdbcSink jdbc;
    private final SqlSink sink;
    /** The version table's UPDATE of a plain step, prepared on first use and kept for the run. */
    private PreparedStatement replaceVersion;

    ConnectionRun(MigrationContext context, Connection connection, VersionTable table, Journal journal) {
        this.context = context;
        this.logger = context.logger();
        this.connection = connection;
        this.table = table;
        this.journal = journal;
        this.jdbc = new JdbcSink(connection);
        this.sink = journal.sink(jdbc);
    }

    @Override
    public void beginStep(Step step) throws SQLException {
        journal.begin(step);
    }

    @Override
    public SqlSink sink() {
        return sink;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void start(boolean oneTransaction) throws SQLException {
        // Even without transactional DDL each migration runs in a transaction: its data changes
        // and its version-table change then commit together, and only DDL the database commits
        // implicitly can outlive a failure.
        connection.setAutoCommit(false);
    }

    @Override
    public void beginMigration() {
        // With auto-commit off, JDBC opens the next transaction by itself.
    }

    @Override
    public void announce(List<String> headsBefore, String line) {
        // The version table was created under the lock before the run; the line is logged.
        // A new trail per migration, for the failure message's account of what stayed.
        jdbc.clearTrail();
    }

    @Override
    public void versionChange(List<String> before, List<String> after) throws SQLException {
        journal.clear();
        if (isReplacement(before, after)) {
            if (replaceVersion == null) {
                replaceVersion = connection.prepareStatement(table.updateStatement());
            }
            replaceVersion(replaceVersion, table, before.get(0), after.get(0));
        } else {
            applyVersionChange(connection, table, before, after);
        }
    }

    @Override
    public void commitMigration() throws SQLException {
        connection.commit();
    }

    @Override
    public void commitRun() {
        try {
            connection.commit();
        } catch (SQLException e) {
            context.rollbackQuietly(connection);
            throw new MigrationException("MIGRATION_FAILED", "Committing the run failed: " + e.getMessage()
                    + ". Every migration of this run was rolled back; the version table "
                    + table.displayName() + " is at " + describe(readQuietly(connection, table))
                    + ". Fix the cause and run again.", e);
        }
    }

    @Override
    public void finish() {
        // Whatever is uncommitted now belongs to a failed step, even if building its error
        // failed too: roll it back before setAutoCommit(true) commits it.
        context.rollbackQuietly(connection);
        // Once per run, not per migration: a database that delays writing commits (H2) loses
        // the newest of them together with their schema changes and version rows, so a run
        // killed before this point leaves an earlier consistent state that the next run carries
        // on from; what the run reports as committed is on disk before it returns.
        try {
            journal.committed();
        } catch (SQLException | RuntimeException e) {
            logger.log(Level.WARNING, "Could not force this run's commits to disk; the database writes them"
                    + " within its write delay", e);
        }
        journal.release();
        if (replaceVersion != null) {
            try {
                replaceVersion.close();
            } catch (SQLException e) {
                logger.log(Level.DEBUG, "Could not close the version table's UPDATE", e);
            }
            replaceVersion = null;
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            logger.log(Level.WARNING, "Could not switch the migration connection back to auto-commit", e);
        }
    }

    @Override
    public MigrationException failure(Step step, RevisionDefinition definition, Throwable error,
                                      boolean transactional, boolean oneTransaction, List<AppliedStep> committed) {
        MigrationException failure = failure(connection, table, jdbc, step, definition, error,
                transactional, oneTransaction, committed);
        journal.failed();
        return failure;
    }

    private MigrationException failure(Connection connection, VersionTable table, JdbcSink sink, Step step,
                                       RevisionDefinition definition, Throwable error, boolean transactional,
                                       boolean oneTransaction, List<AppliedStep> committed) {
        context.rollbackQuietly(connection);
        if (error instanceof MigrationException conflict && "VERSION_TABLE_CONFLICT".equals(conflict.code())) {
            return conflict;
        }
        StatementFailedException failed = statementFailure(error);
        String statement = failed == null ? null : failed.statement();
        Throwable cause = failed == null ? error : failed.getCause();
        String what = step.direction() == Direction.UPGRADE ? "Upgrade" : "Downgrade";
        FailureReport report = FailureReport.of(sink.trail(), sink.committedByBlock(), statement, transactional);
        String undone = oneTransaction && report.stayed().isEmpty()
                ? "Every migration of this run was rolled back."
                : report.summary();
        List<String> causeLines = causeText(cause).lines().toList();
        String firstCauseLine = causeLines.isEmpty() ? "" : causeLines.get(0).strip();
        // H2 ends its first line with "; SQL statement:" and echoes the statement below it.
        firstCauseLine = firstCauseLine.replaceFirst(";? ?SQL statement:$", "");
        String message = what + " of revision " + step.revision().id() + " (" + definition.className() + ") failed"
                + (statement == null ? "" : " on statement [" + oneLine(statement) + "]") + ": "
                + cause.getClass().getSimpleName() + (firstCauseLine.isEmpty() ? "." : ": " + sentence(firstCauseLine))
                + " " + undone
                + " The version table " + table.displayName() + " is at "
                + describe(readQuietly(connection, table)) + ". Fix the migration or the database and run "
                + (step.direction() == Direction.UPGRADE ? "the upgrade" : "the downgrade") + " again."
                + (statement != null && !statement.strip().equals(oneLine(statement))
                        ? "\nThe statement as written:\n" + statement.strip() : "")
                + report.details()
                + "\n" + (committed.isEmpty() ? "No migration of this run committed before the failure."
                        : "Committed before the failure: " + committed.stream()
                                .map(s -> s.revision() + " (" + StepLog.format(s.direction(), s.from(), s.to(),
                                        s.message()) + ")")
                                .collect(Collectors.joining("; ")) + ".")
                + (causeLines.size() > 1 ? "\nThe database said: " + causeText(cause).strip() : "");
        return context.failures().create("MIGRATION_FAILED", message, step.revision().id(), definition.className(),
                statement, cause, committed);
    }
}
