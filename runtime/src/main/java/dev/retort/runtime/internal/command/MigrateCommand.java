package dev.retort.runtime.internal.command;

import static dev.retort.runtime.internal.command.VersionRows.sorted;

import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.Step;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.internal.Journal;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.runtime.internal.VersionTable;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code upgrade} and {@code downgrade} online: one unlocked read of the version table (at
 * the target, the only statement), then under the lock a second read, the interrupted step
 * the journal records, the plan and the step loop.
 */
public final class MigrateCommand {

    private final MigrationContext context;
    private final MigrationRegistry registry;
    private final System.Logger logger;

    public MigrateCommand(MigrationContext context) {
        this.context = context;
        this.registry = context.registry();
        this.logger = context.logger();
    }

    private RevisionGraph graph() {
        return context.graph();
    }

    public MigrationResult migrate(Direction direction, String target) {
        String command = direction == Direction.UPGRADE ? "upgrade" : "downgrade";
        if (target.contains(":")) {
            throw new MigrationException("RANGE_ONLINE", "The range '" + target + "' is for offline SQL only: online, "
                    + command + " starts from the revisions in the database's version table. Pass just the target "
                    + "(the part after ':'), or write the script with Migrator.sql(out)." + command + "(\"" + target
                    + "\").", null);
        }
        // An anonymous class, not a lambda: a lambda links a class through invokedynamic,
        // which an application at head would pay for on every start.
        return context.withConnection(command, new MigrationContext.ConnectionWork<>() {
            @Override
            public MigrationResult run(Connection connection) throws SQLException {
                return migrate(connection, direction, target);
            }
        });
    }

    private MigrationResult migrate(Connection connection, Direction direction, String target) throws SQLException {
        // An upgrade to the registry's known heads reads the version table before making a
        // dialect when the query's text does not depend on one: at head, that read is all it does.
        String plainSelect = direction == Direction.UPGRADE && knownHeadsTarget(target)
                ? context.plainVersionSelect() : null;
        Dialect dialect = null;
        VersionTable table = null;
        if (plainSelect == null) {
            dialect = context.dialect(connection);
            context.checkTransactionMode(dialect);
            table = context.versionTable(dialect);
        }
        // The one read an application at its target pays for: no lock, no DDL.
        List<String> rows;
        boolean missing = false;
        try {
            rows = plainSelect != null ? VersionTable.read(connection, plainSelect, context.versionTableDisplayName())
                    : table.read(connection);
        } catch (SQLException e) {
            // Most likely the table does not exist yet: the database is at base. Any
            // other problem resurfaces when the table is created and read under the lock.
            logger.log(Level.DEBUG, "Cannot read version table " + context.versionTableDisplayName()
                    + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); assuming base");
            rows = List.of();
            missing = true;
        }
        if (direction == Direction.UPGRADE && atKnownHeads(rows, target)) {
            logger.log(Level.INFO, "At head (" + String.join(", ", rows) + "); nothing to apply");
            return new MigrationResult(rows, rows, List.of());
        }
        if (dialect == null) {
            dialect = context.dialect(connection);
            context.checkTransactionMode(dialect);
            table = context.versionTable(dialect);
        }
        Plan plan = plan(direction, rows, target, table);
        if (plan.isEmpty()) {
            // One INFO line, so an application at head says so in its start-up log.
            logger.log(Level.INFO, atTarget(rows, target));
            return new MigrationResult(rows, rows, List.of());
        }
        StepLoop loop = new StepLoop(context);
        logger.log(Level.INFO, "Context impl " + dialect.getClass().getSimpleName() + ".");
        logger.log(Level.INFO, loop.assumption(dialect));
        MigrationLock lock = context.lock(dialect, connection);
        try {
            if (missing) {
                new JdbcSink(connection).run(table.createStatement());
            }
            List<String> locked = table.read(connection);
            Journal journal = context.journal(dialect, connection);
            locked = finishInterrupted(loop, journal, connection, table, dialect, locked);
            Plan lockedPlan = locked.equals(rows) ? plan : plan(direction, locked, target, table);
            if (lockedPlan.isEmpty()) {
                logger.log(Level.INFO, "Another migrator reached '" + target + "' first; nothing to do");
            }
            return loop.run(new ConnectionRun(context, connection, table, journal), dialect, locked, lockedPlan);
        } finally {
            lock.close();
        }
    }

    /**
     * Whether the rows are the heads the registry holds as constants and the target asks for
     * no more than them: then the upgrade has nothing to do, and it is known without building
     * the graph or loading a revision, which an application's every start at head would pay.
     */
    boolean atKnownHeads(List<String> rows, String target) {
        if (rows.isEmpty() || !knownHeadsTarget(target)) {
            return false;
        }
        Set<String> heads = registry.knownHeads().orElse(null);
        // "head" with several heads is an error the graph reports; leave it to the plan.
        return heads != null && (target.equals("heads") || heads.size() == 1)
                && rows.size() == heads.size() && heads.containsAll(rows);
    }

    /** Whether {@link #atKnownHeads} may answer for {@code target}: the registry knows its heads and it asks for them. */
    private boolean knownHeadsTarget(String target) {
        return (target.equals("heads") || target.equals("head")) && registry.knownHeads().isPresent();
    }

    /**
     * Finishes the step that a crash interrupted, as the journal records it (databases whose
     * DDL commits implicitly), before the command plans its own steps; returns the rows after it.
     */
    private List<String> finishInterrupted(StepLoop loop, Journal journal, Connection connection, VersionTable table,
                                           Dialect dialect, List<String> rows) throws SQLException {
        Optional<Step> interrupted = journal.interrupted(graph(), rows, table.displayName());
        if (interrupted.isEmpty()) {
            return rows;
        }
        Step step = interrupted.get();
        logger.log(Level.WARNING, "The " + (step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade")
                + " of revision " + step.revision().id() + " did not finish (a crash or a failure); finishing it "
                + "from journal " + journal.displayName());
        try {
            loop.run(new ConnectionRun(context, connection, table, journal), dialect, rows, new Plan(List.of(step),
                    step.headsAfter()));
        } catch (MigrationException e) {
            throw journal.explain(e);
        }
        return table.read(connection);
    }

    private Plan plan(Direction direction, List<String> rows, String target, VersionTable table) {
        List<String> unknown = rows.stream().filter(row -> graph().find(row).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new MigrationException("UNKNOWN_DATABASE_REVISION", "The database is at revision "
                    + String.join(", ", unknown) + " which this build does not contain (version table "
                    + table.displayName() + ", registry " + registry.packageName() + " with "
                    + context.definitions().size() + " revisions). Deploy the build that has it, or, if the schema "
                    + "matches a revision of this build, stamp that revision with Migrator.stamp(…).", null);
        }
        List<String> ancestors = graph().ancestorRows(rows);
        if (!ancestors.isEmpty()) {
            List<String> tips = rows.stream().filter(row -> !ancestors.contains(row)).toList();
            throw new MigrationException("INCONSISTENT_VERSION_TABLE", "Version table " + table.displayName()
                    + " holds " + String.join(", ", rows) + ", a state no upgrade, downgrade or stamp leaves: "
                    + String.join(", ", ancestors) + (ancestors.size() == 1 ? " is an ancestor" : " are ancestors")
                    + " of another row. Nothing was run. Check which revision the schema is at and stamp it, "
                    + "e.g. Migrator.stamp(\"" + String.join("\", \"", tips) + "\") (retort stamp "
                    + String.join(" ", tips) + "), then run the " + (direction == Direction.UPGRADE ? "upgrade"
                    : "downgrade") + " again.", null);
        }
        return direction == Direction.UPGRADE ? graph().upgradePlan(rows, target) : graph().downgradePlan(rows, target);
    }

    private String atTarget(List<String> rows, String target) {
        String where = rows.isEmpty() ? "base" : String.join(", ", rows);
        if (!rows.isEmpty() && sorted(rows).equals(sorted(graph().heads()))) {
            return "At head (" + where + "); nothing to apply";
        }
        return rows.isEmpty() && target.equals("base") ? "At base; nothing to apply"
                : "At " + where + ", already at '" + target + "'; nothing to apply";
    }
}
