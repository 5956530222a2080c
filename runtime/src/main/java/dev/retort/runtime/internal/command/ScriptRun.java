package dev.retort.runtime.internal.command;

import static dev.retort.runtime.internal.command.FailureText.sentence;
import static dev.retort.runtime.internal.command.FailureText.statementFailure;

import dev.retort.graph.Direction;
import dev.retort.graph.Step;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.ScriptSink;
import dev.retort.runtime.internal.SqlSink;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.internal.VersionTable;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;

/**
 * Offline: statements are written to a script, as Alembic's {@code --sql} writes them.
 * {@code BEGIN}/{@code COMMIT} only where the dialect has transactional DDL; the version
 * table's {@code CREATE} inside the first migration's transaction when the script starts
 * from base.
 */
final class ScriptRun implements RunTarget {
    private final Dialect dialect;
    private final VersionTable table;
    private final ScriptSink sink;
    private final Appendable out;

    ScriptRun(Dialect dialect, VersionTable table, Appendable out) {
        this.dialect = dialect;
        this.table = table;
        this.sink = new ScriptSink(dialect, out);
        this.out = out;
    }

    @Override
    public SqlSink sink() {
        return sink;
    }

    @Override
    public Connection connection() {
        return null;
    }

    @Override
    public void start(boolean oneTransaction) {
        if (oneTransaction) {
            sink.beginTransaction();
        }
    }

    @Override
    public void beginMigration() {
        if (dialect.transactionalDdl()) {
            sink.beginTransaction();
        }
    }

    @Override
    public void announce(List<String> headsBefore, String line) {
        if (headsBefore.isEmpty()) {
            sink.execute(table.createStatement());
        }
        sink.comment(line);
    }

    @Override
    public void versionChange(List<String> before, List<String> after) {
        for (String sql : table.changeStatements(before, after)) {
            sink.execute(sql);
        }
    }

    @Override
    public void commitMigration() {
        if (dialect.transactionalDdl()) {
            sink.commitTransaction();
        }
    }

    @Override
    public void commitRun() {
        sink.commitTransaction();
    }

    @Override
    public void finish() {
        // Nothing to release: a script holds no connection and no lock.
    }

    @Override
    public MigrationException failure(Step step, RevisionDefinition definition, Throwable error,
                                      boolean transactional, boolean oneTransaction, List<AppliedStep> committed) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException io) {
                return writeFailed(io.getCause());
            }
        }
        StatementFailedException failed = statementFailure(error);
        Throwable cause = failed == null ? error : failed.getCause();
        String what = step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade";
        return new MigrationException("MIGRATION_FAILED", "Writing the offline SQL for the " + what
                + " of revision " + step.revision().id() + " (" + definition.className() + ") failed: "
                + cause.getClass().getSimpleName() + ": " + sentence(cause.getMessage()) + " The script written so far "
                + "is incomplete: discard it, fix the migration (offline it cannot read the database) and "
                + "write the script again.", step.revision().id(), definition.className(),
                failed == null ? null : failed.statement(), cause);
    }

    MigrationException writeFailed(Exception cause) {
        return new MigrationException("SCRIPT_WRITE_FAILED", "Could not write the offline SQL script to " + out
                + ": " + sentence(cause.getMessage()) + " The script is incomplete: fix the destination and write it "
                + "again.", cause);
    }
}
