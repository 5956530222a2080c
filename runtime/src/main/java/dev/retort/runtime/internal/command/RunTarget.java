package dev.retort.runtime.internal.command;

import dev.retort.graph.Step;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.internal.SqlSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the step loop sends its statements and how it marks transactions: {@link
 * ConnectionRun} runs them on the migration connection, {@link ScriptRun} writes a script.
 */
interface RunTarget {

    SqlSink sink();

    /** The migration's connection, or {@code null} offline. */
    Connection connection();

    /** Before the first step; {@code oneTransaction} when the whole run is one transaction. */
    void start(boolean oneTransaction) throws SQLException;

    /** Opens a migration's own transaction (not called when the whole run is one). */
    void beginMigration() throws SQLException;

    /** Right before a migration runs: the journal's header (online, where DDL commits implicitly). */
    default void beginStep(Step step) throws SQLException {
    }

    /** Right before a migration runs, with the version-table rows before it and its log line. */
    void announce(List<String> headsBefore, String line) throws SQLException;

    /** The version-table change of one step. */
    void versionChange(List<String> before, List<String> after) throws SQLException;

    /** Commits a migration's own transaction. */
    void commitMigration() throws SQLException;

    /** Commits the run's one transaction. */
    void commitRun() throws SQLException;

    /** After the run, successful or not. */
    void finish();

    /** The error a failing step becomes; {@code committed} are the steps of the run that committed before it. */
    MigrationException failure(Step step, RevisionDefinition definition, Throwable error, boolean transactional,
                               boolean oneTransaction, List<AppliedStep> committed);
}
