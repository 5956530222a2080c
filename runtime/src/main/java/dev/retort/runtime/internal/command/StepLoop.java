package dev.retort.runtime.internal.command;

import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.Migrator.TransactionMode;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.StepLog;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The step loop, the same online and offline: the {@link RunTarget} decides whether the
 * statements run on a connection or go to a script, and how transactions are marked.
 */
final class StepLoop {

    private final MigrationContext context;
    private final System.Logger logger;
    private final TransactionMode transactionMode;
    private final NamingConvention namingConvention;

    StepLoop(MigrationContext context) {
        this.context = context;
        this.logger = context.logger();
        this.transactionMode = context.transactionMode();
        this.namingConvention = context.namingConvention();
    }

    /** The log line that says how the run will treat transactions, online and offline alike. */
    String assumption(Dialect dialect) {
        return dialect.transactionalDdl()
                ? "Will assume transactional DDL" + (transactionMode == TransactionMode.ALL
                    ? ", one transaction for the whole run." : ", one transaction per migration.")
                : "Will assume non-transactional DDL.";
    }

    MigrationResult run(RunTarget target, Dialect dialect, List<String> before, Plan plan)
            throws SQLException {
        boolean transactional = dialect.transactionalDdl();
        boolean oneTransaction = transactional && transactionMode == TransactionMode.ALL;
        DefaultOperations operations = new DefaultOperations(dialect, target.sink(), target.connection(),
                namingConvention);
        List<AppliedStep> applied = new ArrayList<>();
        Map<String, RevisionDefinition> definitions = context.definitions();
        target.start(oneTransaction);
        try {
            for (Step step : plan.steps()) {
                RevisionDefinition definition = definitions.get(step.revision().id());
                String message = step.revision().message();
                String line = StepLog.format(step.direction(), step.from(), step.to(), message);
                logger.log(Level.INFO, line);
                long started = System.nanoTime();
                try {
                    if (!oneTransaction) {
                        target.beginMigration();
                    }
                    target.beginStep(step);
                    target.announce(step.headsBefore(), line);
                    Migration migration = definition.factory().get();
                    if (step.direction() == Direction.UPGRADE) {
                        migration.upgrade(operations);
                    } else {
                        migration.downgrade(operations);
                    }
                    target.versionChange(step.headsBefore(), step.headsAfter());
                    if (!oneTransaction) {
                        target.commitMigration();
                    }
                } catch (Throwable e) {
                    // Any Throwable, Errors included: a migration's AssertionError or
                    // StackOverflowError must roll back like an exception, not reach the
                    // finally's auto-commit switch, which JDBC defines as a commit.
                    throw target.failure(step, definition, e, transactional, oneTransaction,
                            oneTransaction ? List.of() : applied);
                }
                applied.add(new AppliedStep(step.revision().id(), step.direction(), step.from(), step.to(),
                        message, Duration.ofNanos(System.nanoTime() - started)));
            }
            if (oneTransaction) {
                target.commitRun();
            }
        } finally {
            target.finish();
        }
        return new MigrationResult(before, plan.headsAfter(), applied);
    }
}
