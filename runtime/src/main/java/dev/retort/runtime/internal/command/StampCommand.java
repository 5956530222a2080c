package dev.retort.runtime.internal.command;

import static dev.retort.runtime.internal.command.VersionRows.applyVersionChange;
import static dev.retort.runtime.internal.command.VersionRows.sorted;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.internal.Journal;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.runtime.internal.VersionTable;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/** {@code stamp} online: rewrites the version table under the lock, runs no migration, empties the journal. */
public final class StampCommand {

    private final MigrationContext context;
    private final System.Logger logger;

    public StampCommand(MigrationContext context) {
        this.context = context;
        this.logger = context.logger();
    }

    private RevisionGraph graph() {
        return context.graph();
    }

    public MigrationResult stamp(List<String> targets) {
        return context.withConnection("stamp", connection -> {
            Dialect dialect = context.dialect(connection);
            VersionTable table = context.versionTable(dialect);
            MigrationLock lock = context.lock(dialect, connection);
            try {
                new JdbcSink(connection).run(table.createStatement());
                List<String> before = table.read(connection);
                List<String> known = new ArrayList<>();
                List<String> unknown = new ArrayList<>();
                for (String row : before) {
                    (graph().find(row).isPresent() ? known : unknown).add(row);
                }
                // Resolve the targets first: an unknown target fails without a warning about rows it never replaced.
                List<String> after = sorted(graph().stampHeads(known, targets));
                if (!unknown.isEmpty()) {
                    logger.log(Level.WARNING, "Stamp replaces version-table rows that this build does not "
                            + "contain: " + String.join(", ", unknown));
                }
                logger.log(Level.INFO, "Running stamp_revision " + String.join(", ", before) + " -> "
                        + String.join(", ", after));
                Journal journal = context.journal(dialect, connection);
                connection.setAutoCommit(false);
                try {
                    // The operator settles by hand what an interrupted migration left: its journal goes.
                    journal.discard();
                    applyVersionChange(connection, table, before, after);
                    connection.commit();
                    journal.committed();
                } catch (Throwable e) {
                    // Any Throwable: the finally's setAutoCommit(true) would commit what ran.
                    context.rollbackQuietly(connection);
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
                return new MigrationResult(before, after, List.of());
            } finally {
                lock.close();
            }
        });
    }
}
