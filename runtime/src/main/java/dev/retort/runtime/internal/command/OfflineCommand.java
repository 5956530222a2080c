package dev.retort.runtime.internal.command;

import static dev.retort.runtime.internal.command.VersionRows.describe;
import static dev.retort.runtime.internal.command.VersionRows.sorted;

import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.dialect.Dialect;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Offline SQL ({@code OfflineSql}): the upgrade, downgrade or stamp of a range written to a
 * script through the same step loop, with no connection, no lock and no version-table read.
 */
public final class OfflineCommand {

    private final MigrationContext context;
    private final System.Logger logger;
    private final StepLoop loop;

    public OfflineCommand(MigrationContext context) {
        this.context = context;
        this.logger = context.logger();
        this.loop = new StepLoop(context);
    }

    private RevisionGraph graph() {
        return context.graph();
    }

    /** Writes the script of an upgrade or downgrade over {@code range}; see {@code OfflineSql}. */
    public MigrationResult writeMigration(Dialect dialect, Direction direction, String range, Appendable out) {
        Objects.requireNonNull(range, "range");
        String command = direction == Direction.UPGRADE ? "upgrade" : "downgrade";
        int colon = range.indexOf(':');
        List<String> start;
        String target;
        if (colon < 0) {
            if (direction == Direction.DOWNGRADE) {
                throw new MigrationException("OFFLINE_DOWNGRADE_NEEDS_START", "An offline downgrade needs the "
                        + "revision the database is at, since offline SQL does not read the version table: write "
                        + "'<start>:<target>', e.g. sql(out).downgrade(\"head:" + range + "\") or \"<revision>:"
                        + range + "\".", null);
            }
            start = List.of();
            target = range;
        } else {
            target = range.substring(colon + 1);
            if (target.isEmpty() || target.indexOf(':') >= 0) {
                throw new MigrationException("INVALID_RANGE", "The range '" + range + "' is not '<start>:<target>': "
                        + "write one start and one target, e.g. '2b1ae634e5cd:head' or 'head:base'.", null);
            }
            start = startHeads(range, range.substring(0, colon), command);
        }
        Plan plan = direction == Direction.UPGRADE ? graph().upgradePlan(start, target)
                : graph().downgradePlan(start, target);
        if (plan.isEmpty()) {
            logger.log(Level.INFO, "From " + describe(start) + " '" + target + "' needs no migration; the "
                    + command + " script is empty");
            return new MigrationResult(start, start, List.of());
        }
        logger.log(Level.INFO, "Context impl " + dialect.getClass().getSimpleName() + ".");
        logger.log(Level.INFO, "Generating static SQL");
        logger.log(Level.INFO, loop.assumption(dialect));
        ScriptRun script = new ScriptRun(dialect, context.versionTable(dialect), out);
        try {
            return loop.run(script, dialect, start, plan);
        } catch (SQLException e) {
            // A script sink runs nothing; only a future sink that did could get here.
            throw script.writeFailed(e);
        } catch (UncheckedIOException e) {
            throw script.writeFailed(e.getCause());
        }
    }

    /** Writes the script of a stamp; see {@code OfflineSql#stamp}. */
    public MigrationResult writeStamp(Dialect dialect, List<String> revisions, Appendable out) {
        String start = null;
        List<String> targets = new ArrayList<>();
        for (String revision : revisions) {
            Objects.requireNonNull(revision, "revision");
            int colon = revision.indexOf(':');
            if (colon < 0) {
                targets.add(revision);
                continue;
            }
            String from = revision.substring(0, colon);
            if (start != null && !start.equals(from)) {
                throw new MigrationException("INVALID_RANGE", "An offline stamp takes one start revision, but "
                        + "got '" + start + "' and '" + from + "': write the start once, e.g. stamp(\"" + start
                        + ":" + revision.substring(colon + 1) + "\"), or stamp each start in its own script.", null);
            }
            start = from;
            targets.add(revision.substring(colon + 1));
        }
        List<String> before = start == null ? List.of() : startHeads(String.join(" ", revisions), start, "stamp");
        List<String> after = sorted(graph().stampHeads(before, targets));
        if (before.equals(after)) {
            logger.log(Level.INFO, "Stamp from " + describe(before) + " changes nothing; the stamp script is empty");
            return new MigrationResult(before, after, List.of());
        }
        String line = "Running stamp_revision " + String.join(", ", before) + " -> " + String.join(", ", after);
        logger.log(Level.INFO, line);
        ScriptRun script = new ScriptRun(dialect, context.versionTable(dialect), out);
        try {
            script.start(false);
            script.beginMigration();
            script.announce(before, line);
            script.versionChange(before, after);
            script.commitMigration();
        } catch (UncheckedIOException e) {
            throw script.writeFailed(e.getCause());
        }
        return new MigrationResult(before, after, List.of());
    }

    /**
     * The version-table rows a script assumes at its start: {@code base} is none; otherwise
     * each comma-separated revision ({@code head}, an id, a partial id, a label, …) resolved
     * as Alembic's {@code --sql} does.
     */
    private List<String> startHeads(String range, String start, String command) {
        if (start.isEmpty()) {
            throw new MigrationException("INVALID_RANGE", "The range '" + range + "' has no start before ':': write "
                    + "the revision the database is at, e.g. 'base:head', '2b1ae634e5cd:head' or 'head:base', for "
                    + command + ".", null);
        }
        if (start.equals("base")) {
            return List.of();
        }
        TreeSet<String> heads = new TreeSet<>();
        for (String part : start.split(",", -1)) {
            String revision = part.strip();
            if (revision.isEmpty() || revision.equals("base")) {
                throw new MigrationException("INVALID_RANGE", "The start '" + start + "' of range '" + range
                        + "' has an empty or 'base' part: list revisions separated by commas, or write 'base' "
                        + "alone.", null);
            }
            heads.addAll(graph().resolve(revision, List.of()));
        }
        return List.copyOf(heads);
    }
}
