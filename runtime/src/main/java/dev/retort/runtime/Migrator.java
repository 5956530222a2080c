package dev.retort.runtime;

import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.RevisionException;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionGraphException;
import dev.retort.graph.RevisionNode;
import dev.retort.graph.Step;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultLogger;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.FailureReport;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.internal.Journal;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.runtime.internal.ScriptSink;
import dev.retort.runtime.internal.SqlSink;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.internal.StepLog;
import dev.retort.runtime.internal.VersionTable;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs the revisions of one registry against one database: upgrade and downgrade to any
 * target, stamp, and read the current state. Built once, immutable, thread-safe.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder(GeneratedMigrations.REGISTRY)
 *         .dataSource(dataSource)
 *         .build();
 * migrator.upgrade("head");
 * migrator.downgrade("-1");
 * }</pre>
 *
 * <h2>Version table</h2>
 * Alembic's layout: a table ({@value #DEFAULT_VERSION_TABLE} unless configured; {@code
 * alembic_version} works, so a database Alembic managed can be taken over) with one
 * {@code version_num VARCHAR(32)} primary-key row per current head. It is created on
 * first use, under the migration lock.
 *
 * <h2>Start-up cost</h2>
 * {@link #upgrade} and {@link #downgrade} first read the version table once, without a
 * lock. When the database is already where the target asks, that read is the only
 * statement they run. Otherwise they take the migration lock, read the table again
 * (another instance may have migrated meanwhile), plan from what they read, and run.
 *
 * <h2>Transactions</h2>
 * Each migration runs in a transaction that also holds its version-table change. Where
 * the dialect has transactional DDL (PostgreSQL) that transaction covers everything: a
 * failing migration is rolled back whole and the version table stays at the last
 * revision that succeeded ({@link TransactionMode#PER_MIGRATION}, the default), or the
 * whole run commits once ({@link TransactionMode#ALL}). Where it has not (H2, which
 * commits around DDL statements), a failure rolls back the migration's data changes and
 * leaves the version table at the last revision that succeeded, but DDL statements that
 * ran before the failing one stay; {@code ALL} is refused there. Any {@link Throwable} a
 * migration throws, an {@link Error} such as {@code AssertionError} or {@code
 * StackOverflowError} included, is a failure like an exception: the migration is rolled back
 * and the run ends with a {@link MigrationException} {@code MIGRATION_FAILED} whose first
 * message line names the revision, its class and what stayed, and whose {@link
 * MigrationException#appliedSteps()} lists the migrations of the run that committed before
 * it. Where DDL commits implicitly the message lists the statements that stayed.
 *
 * <h2>Version-table rows</h2>
 * Online, every value the migrator writes (revisions, lock keys) is a bound parameter; an
 * offline script writes them through the dialect's {@link Dialect#literal literal}. Before
 * anything runs, {@code upgrade}, {@code downgrade}, {@code stamp} and {@code current}
 * refuse a row that is not a revision id ({@code INVALID_VERSION_ROW}: 1 to 32 letters,
 * digits or {@code _}), and {@code upgrade} and {@code downgrade} refuse rows of which one
 * is an ancestor of another ({@code INCONSISTENT_VERSION_TABLE}), a state no command
 * leaves; {@link #stamp} repairs that.
 *
 * <h2>Concurrency</h2>
 * A run holds a database lock from its second version-table read to its end, so two
 * application instances starting at once apply each revision exactly once. Each dialect
 * takes the lock its database offers, and the database releases it when the holding
 * session or process ends, so a crashed process leaves no stale lock:
 * <ul>
 *   <li>PostgreSQL: a session advisory lock ({@code pg_try_advisory_lock}) on the migration
 *       connection, keyed by a stable 64-bit hash of {@code retort:<schema>.<version
 *       table>} (the session's schema when none is configured); it survives the run's
 *       commits and is released with {@code pg_advisory_unlock} at the end. On PostgreSQL
 *       14 and later the session sets {@code client_connection_check_interval} to two
 *       seconds while it holds the lock, so the server notices a killed process, and frees
 *       its lock, within about two seconds even while one of its statements runs; older
 *       servers free it when that statement ends.</li>
 *   <li>MariaDB/MySQL: a named lock, {@code GET_LOCK('retort:<key>:<database>', 0)} on the
 *       migration connection, where the key hashes the version table's name (and its
 *       schema when one is configured) and the current database's name is appended,
 *       because lock names are server-wide; released with {@code RELEASE_LOCK}.</li>
 *   <li>H2: a row lock that a second connection holds: it creates {@code <version
 *       table>_lock} with one row if needed and keeps {@code SELECT … FOR UPDATE} on that
 *       row in an open transaction for the whole run.</li>
 *   <li>SQLite, which locks the whole file: the migration connection itself runs {@code
 *       BEGIN IMMEDIATE}, {@code PRAGMA locking_mode = EXCLUSIVE} and {@code COMMIT}, so it
 *       keeps the write lock across the run's commits, until {@code PRAGMA locking_mode =
 *       NORMAL} and a read give it back at the end. Meanwhile other connections can
 *       neither read nor write the database.</li>
 * </ul>
 * The migrator polls for the lock; waiting is bounded by {@link Builder#lockTimeout}, after
 * which the run fails with {@code LOCK_TIMEOUT} and says how to find the holder.
 *
 * <h2>Logging</h2>
 * Through {@link System.Logger} {@value #LOGGER_NAME}: one INFO line per step, exactly as
 * Alembic prints it ({@code Running upgrade 2b1ae634e5cd -> 3512b954651e, add account}),
 * the dialect and transaction mode at INFO when there is work, one INFO line when there is
 * none ({@code At head (8e3b5f1a2c90); nothing to apply}), the lock at DEBUG. SLF4J,
 * Log4j or a configured java.util.logging format them as they format everything else;
 * under java.util.logging's untouched default set-up, whose format takes two lines per
 * record, the migrator writes each line to standard error itself, on one line
 * ({@code 2026-12-06 01:33:18.204 INFO  [dev.retort.runtime.Migrator] Running upgrade …}),
 * still honouring JUL's levels, and leaves every other logger alone.
 *
 * <h2>Offline SQL</h2>
 * {@link #sql(Appendable)} writes the SQL of an upgrade, downgrade or stamp to a script
 * instead of running it, through the same code path with a writing sink: built with a
 * {@link Builder#dialect} and no DataSource, a migrator never touches a database.
 */
public final class Migrator {

    /** The version table's default name. */
    public static final String DEFAULT_VERSION_TABLE = "retort_version";

    /** How long a run waits for another run's lock by default: five minutes. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    /** The name of the {@link System.Logger} the migrator logs to unless another is configured. */
    public static final String LOGGER_NAME = "dev.retort.runtime.Migrator";

    /** How pending migrations are grouped into transactions on databases with transactional DDL. */
    public enum TransactionMode {
        /** Each migration commits together with its version-table change. The default. */
        PER_MIGRATION,
        /**
         * Every migration of a run commits at once; a failure rolls back the whole run.
         * Only on dialects with transactional DDL: elsewhere the migrator refuses to run.
         */
        ALL
    }

    private final MigrationRegistry registry;
    private final RevisionGraph graph;
    private final Map<String, RevisionDefinition> definitions;
    private final DataSource dataSource;
    private final Dialect configuredDialect;
    private final String versionTable;
    private final String versionTableSchema;
    private final TransactionMode transactionMode;
    private final Duration lockTimeout;
    private final System.Logger logger;
    private volatile Dialect detectedDialect;
    private final NamingConvention namingConvention;

    private Migrator(Builder builder) {
        this.registry = builder.registry;
        if (builder.dataSource == null && builder.dialect == null) {
            throw new NullPointerException("dataSource: call Migrator.builder(registry).dataSource(…) before build(), "
                    + "or dialect(…) alone for a migrator that only writes offline SQL");
        }
        this.dataSource = builder.dataSource;
        this.configuredDialect = builder.dialect;
        this.versionTable = builder.versionTable;
        this.versionTableSchema = builder.versionTableSchema;
        this.transactionMode = builder.transactionMode;
        this.lockTimeout = builder.lockTimeout;
        this.logger = builder.logger != null ? builder.logger : new DefaultLogger(LOGGER_NAME);
        this.namingConvention = builder.namingConvention;
        List<RevisionNode> nodes = new ArrayList<>();
        Map<String, RevisionDefinition> byId = new HashMap<>();
        for (RevisionDefinition definition : registry.revisions()) {
            nodes.add(definition.node());
            byId.put(definition.id(), definition);
        }
        try {
            this.graph = RevisionGraph.of(nodes);
        } catch (RevisionGraphException e) {
            throw new MigrationException("INVALID_GRAPH", "The revisions of registry " + registry.packageName()
                    + " do not form a valid graph; fix the @Revision annotations (the annotation processor "
                    + "reports the same problems at compile time). " + e.getMessage(), e);
        }
        this.definitions = Map.copyOf(byId);
        if (configuredDialect != null) {
            checkTransactionMode(configuredDialect);
        }
    }

    /** Starts building a migrator for the revisions of {@code registry}. */
    public static Builder builder(MigrationRegistry registry) {
        return new Builder(registry);
    }

    /**
     * Applies every revision needed to reach {@code target}: {@code "head"}, {@code
     * "heads"}, a full or partial id, {@code "+1"}, {@code "<id>+2"}, {@code
     * "<label>@head"}, … as Alembic resolves them.
     *
     * @return what ran; no steps when the database was already there
     * @throws RevisionException       when the target is unknown, ambiguous or unreachable
     * @throws MigrationException      when a migration fails ({@code MIGRATION_FAILED}), the
     *                                 version table names revisions this build lacks ({@code
     *                                 UNKNOWN_DATABASE_REVISION}), holds a row that is not a
     *                                 revision id ({@code INVALID_VERSION_ROW}) or rows no
     *                                 command leaves ({@code INCONSISTENT_VERSION_TABLE}), the
     *                                 lock is busy ({@code LOCK_TIMEOUT}) or the database fails
     */
    public MigrationResult upgrade(String target) {
        return migrate(Direction.UPGRADE, Objects.requireNonNull(target, "target"));
    }

    /**
     * Undoes revisions down to {@code target}: {@code "base"}, {@code "-1"}, an id, {@code
     * "<label>@-1"}, …
     *
     * @return what ran; no steps when the database was already there
     * @throws RevisionException  when the target is unknown, ambiguous or not below the current revision
     * @throws MigrationException as for {@link #upgrade}
     */
    public MigrationResult downgrade(String target) {
        return migrate(Direction.DOWNGRADE, Objects.requireNonNull(target, "target"));
    }

    /**
     * Writes the version table to name exactly these revisions without running any
     * migration. No argument, or {@code "base"}, empties it. Rows that this build does not
     * know are replaced too, which is how a database left at a revision of another build
     * is taken over, and rows of which one is an ancestor of another are repaired.
     *
     * @return the rows before and after; never any steps
     * @throws MigrationException {@code INVALID_VERSION_ROW} when a row is not a revision id;
     *                            nothing is written then
     */
    public MigrationResult stamp(String... revisions) {
        List<String> targets = revisions == null ? List.of() : List.of(revisions);
        return withConnection("stamp", connection -> {
            Dialect dialect = dialect(connection);
            VersionTable table = versionTable(dialect);
            MigrationLock lock = lock(dialect, connection);
            try {
                new JdbcSink(connection).run(table.createStatement());
                List<String> before = table.read(connection);
                List<String> known = new ArrayList<>();
                List<String> unknown = new ArrayList<>();
                for (String row : before) {
                    (graph.find(row).isPresent() ? known : unknown).add(row);
                }
                // Resolve the targets first: an unknown target fails without a warning about rows it never replaced.
                List<String> after = sorted(graph.stampHeads(known, targets));
                if (!unknown.isEmpty()) {
                    logger.log(Level.WARNING, "Stamp replaces version-table rows that this build does not "
                            + "contain: " + String.join(", ", unknown));
                }
                logger.log(Level.INFO, "Running stamp_revision " + String.join(", ", before) + " -> "
                        + String.join(", ", after));
                Journal journal = Journal.open(dialect, connection, versionTableSchema, versionTable, logger);
                connection.setAutoCommit(false);
                try {
                    // The operator settles by hand what an interrupted migration left: its journal goes.
                    journal.discard();
                    applyVersionChange(connection, table, before, after);
                    connection.commit();
                    journal.committed();
                } catch (Throwable e) {
                    // Any Throwable: the finally's setAutoCommit(true) would commit what ran.
                    rollbackQuietly(connection);
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

    /**
     * The revisions recorded in the database's version table, sorted; empty at base or when
     * the table does not exist yet.
     *
     * @throws MigrationException {@code INVALID_VERSION_ROW} when a row is not a revision id
     */
    public List<String> current() {
        return withConnection("current", connection -> {
            VersionTable table = versionTable(dialect(connection));
            try {
                return table.read(connection);
            } catch (SQLException e) {
                if (table.exists(connection)) {
                    throw e;
                }
                return List.of();
            }
        });
    }

    /** The heads of the registry's graph, sorted. */
    public List<String> heads() {
        return graph.heads();
    }

    /** The bases of the registry's graph, sorted. */
    public List<String> bases() {
        return graph.bases();
    }

    /** Every revision, newest first (the reverse of the graph's topological order), as {@code retort history} lists them. */
    public List<RevisionInfo> history() {
        Set<String> heads = Set.copyOf(graph.heads());
        List<RevisionInfo> history = new ArrayList<>();
        for (RevisionNode node : graph.nodes()) {
            history.add(new RevisionInfo(node.id(), node.downRevisions(), node.branchLabels(), node.dependsOn(),
                    node.message(), definitions.get(node.id()).className(), heads.contains(node.id()),
                    node.isBase(), graph.upRevisions(node.id()).size() > 1, node.isMergePoint()));
        }
        Collections.reverse(history);
        return List.copyOf(history);
    }

    /** The registry this migrator runs. */
    public MigrationRegistry registry() {
        return registry;
    }

    /**
     * Writes SQL scripts instead of running anything: the same migrations, rendered by the
     * configured dialect, with the version-table statements of every step. Needs {@link
     * Builder#dialect}; needs no DataSource and never touches a database (no lock, no
     * version-table read). See {@link OfflineSql} for the ranges it takes and the script's
     * layout.
     *
     * <pre>{@code
     * Migrator migrator = Migrator.builder(GeneratedMigrations.REGISTRY)
     *         .dialect(new PostgresDialect())
     *         .build();
     * try (Writer out = Files.newBufferedWriter(Path.of("upgrade.sql"))) {
     *     migrator.sql(out).upgrade("2b1ae634e5cd:head");
     * }
     * }</pre>
     *
     * @param out where the script goes; the migrator appends to it and neither flushes nor closes it
     * @throws MigrationException {@code DIALECT_REQUIRED} when the migrator was built without a dialect
     */
    public OfflineSql sql(Appendable out) {
        Objects.requireNonNull(out, "out");
        if (configuredDialect == null) {
            throw new MigrationException("DIALECT_REQUIRED", "Offline SQL needs the dialect to write: build the "
                    + "migrator with Migrator.builder(registry).dialect(new PostgresDialect()) (or the dialect of "
                    + "the target database). It is never detected from a connection, since offline SQL touches no "
                    + "database.", null);
        }
        return new OfflineSql(this, configuredDialect, out);
    }

    // ---- offline SQL ----

    /** Writes the script of an upgrade or downgrade over {@code range}; see {@link OfflineSql}. */
    MigrationResult writeMigration(Dialect dialect, Direction direction, String range, Appendable out) {
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
        Plan plan = direction == Direction.UPGRADE ? graph.upgradePlan(start, target)
                : graph.downgradePlan(start, target);
        if (plan.isEmpty()) {
            logger.log(Level.INFO, "From " + describe(start) + " '" + target + "' needs no migration; the "
                    + command + " script is empty");
            return new MigrationResult(start, start, List.of());
        }
        logger.log(Level.INFO, "Context impl " + dialect.getClass().getSimpleName() + ".");
        logger.log(Level.INFO, "Generating static SQL");
        logger.log(Level.INFO, dialect.transactionalDdl()
                ? "Will assume transactional DDL" + (transactionMode == TransactionMode.ALL
                    ? ", one transaction for the whole run." : ", one transaction per migration.")
                : "Will assume non-transactional DDL.");
        ScriptRun script = new ScriptRun(dialect, versionTable(dialect), out);
        try {
            return run(script, dialect, start, plan);
        } catch (SQLException e) {
            // A script sink runs nothing; only a future sink that did could get here.
            throw script.writeFailed(e);
        } catch (UncheckedIOException e) {
            throw script.writeFailed(e.getCause());
        }
    }

    /** Writes the script of a stamp; see {@link OfflineSql#stamp}. */
    MigrationResult writeStamp(Dialect dialect, List<String> revisions, Appendable out) {
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
        List<String> after = sorted(graph.stampHeads(before, targets));
        if (before.equals(after)) {
            logger.log(Level.INFO, "Stamp from " + describe(before) + " changes nothing; the stamp script is empty");
            return new MigrationResult(before, after, List.of());
        }
        String line = "Running stamp_revision " + String.join(", ", before) + " -> " + String.join(", ", after);
        logger.log(Level.INFO, line);
        ScriptRun script = new ScriptRun(dialect, versionTable(dialect), out);
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
            heads.addAll(graph.resolve(revision, List.of()));
        }
        return List.copyOf(heads);
    }

    // ---- the run ----

    private MigrationResult migrate(Direction direction, String target) {
        String command = direction == Direction.UPGRADE ? "upgrade" : "downgrade";
        if (target.contains(":")) {
            throw new MigrationException("RANGE_ONLINE", "The range '" + target + "' is for offline SQL only: online, "
                    + command + " starts from the revisions in the database's version table. Pass just the target "
                    + "(the part after ':'), or write the script with Migrator.sql(out)." + command + "(\"" + target
                    + "\").", null);
        }
        return withConnection(command, connection -> {
            Dialect dialect = dialect(connection);
            checkTransactionMode(dialect);
            VersionTable table = versionTable(dialect);
            // The one read an application at its target pays for: no lock, no DDL.
            List<String> rows;
            boolean missing = false;
            try {
                rows = table.read(connection);
            } catch (SQLException e) {
                // Most likely the table does not exist yet: the database is at base. Any
                // other problem resurfaces when the table is created and read under the lock.
                logger.log(Level.DEBUG, "Cannot read version table " + table.displayName()
                        + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); assuming base");
                rows = List.of();
                missing = true;
            }
            Plan plan = plan(direction, rows, target, table);
            if (plan.isEmpty()) {
                // One INFO line, so an application at head says so in its start-up log.
                logger.log(Level.INFO, atTarget(rows, target));
                return new MigrationResult(rows, rows, List.of());
            }
            logger.log(Level.INFO, "Context impl " + dialect.getClass().getSimpleName() + ".");
            logger.log(Level.INFO, dialect.transactionalDdl()
                    ? "Will assume transactional DDL" + (transactionMode == TransactionMode.ALL
                        ? ", one transaction for the whole run." : ", one transaction per migration.")
                    : "Will assume non-transactional DDL.");
            MigrationLock lock = lock(dialect, connection);
            try {
                if (missing) {
                    new JdbcSink(connection).run(table.createStatement());
                }
                List<String> locked = table.read(connection);
                Journal journal = Journal.open(dialect, connection, versionTableSchema, versionTable, logger);
                locked = finishInterrupted(journal, connection, table, dialect, locked);
                Plan lockedPlan = locked.equals(rows) ? plan : plan(direction, locked, target, table);
                if (lockedPlan.isEmpty()) {
                    logger.log(Level.INFO, "Another migrator reached '" + target + "' first; nothing to do");
                }
                return run(new ConnectionRun(connection, table, journal), dialect, locked, lockedPlan);
            } finally {
                lock.close();
            }
        });
    }

    /**
     * Finishes the step that a crash interrupted, as the journal records it (databases whose
     * DDL commits implicitly), before the command plans its own steps; returns the rows after it.
     */
    private List<String> finishInterrupted(Journal journal, Connection connection, VersionTable table,
                                           Dialect dialect, List<String> rows) throws SQLException {
        Optional<Step> interrupted = journal.interrupted(graph, rows, table.displayName());
        if (interrupted.isEmpty()) {
            return rows;
        }
        Step step = interrupted.get();
        logger.log(Level.WARNING, "The " + (step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade")
                + " of revision " + step.revision().id() + " did not finish (a crash or a failure); finishing it "
                + "from journal " + journal.displayName());
        try {
            run(new ConnectionRun(connection, table, journal), dialect, rows, new Plan(List.of(step),
                    step.headsAfter()));
        } catch (MigrationException e) {
            throw journal.explain(e);
        }
        return table.read(connection);
    }

    private Plan plan(Direction direction, List<String> rows, String target, VersionTable table) {
        List<String> unknown = rows.stream().filter(row -> graph.find(row).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new MigrationException("UNKNOWN_DATABASE_REVISION", "The database is at revision "
                    + String.join(", ", unknown) + " which this build does not contain (version table "
                    + table.displayName() + ", registry " + registry.packageName() + " with "
                    + definitions.size() + " revisions). Deploy the build that has it, or, if the schema "
                    + "matches a revision of this build, stamp that revision with Migrator.stamp(…).", null);
        }
        List<String> ancestors = graph.ancestorRows(rows);
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
        return direction == Direction.UPGRADE ? graph.upgradePlan(rows, target) : graph.downgradePlan(rows, target);
    }

    /**
     * The step loop, the same online and offline: {@code target} decides whether the
     * statements run on a connection or go to a script, and how transactions are marked.
     */
    private MigrationResult run(RunTarget target, Dialect dialect, List<String> before, Plan plan)
            throws SQLException {
        boolean transactional = dialect.transactionalDdl();
        boolean oneTransaction = transactional && transactionMode == TransactionMode.ALL;
        DefaultOperations operations = new DefaultOperations(dialect, target.sink(), target.connection(),
                namingConvention);
        List<AppliedStep> applied = new ArrayList<>();
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

    /** Writes a step's version-table change, checking that each statement touched exactly one row. */
    private void applyVersionChange(Connection connection, VersionTable table, List<String> before,
                                    List<String> after) throws SQLException {
        for (VersionTable.Change change : table.changes(before, after)) {
            int rows = table.executeChange(connection, change);
            if (rows != 1) {
                throw new MigrationException("VERSION_TABLE_CONFLICT", "Expected to change one row of version table "
                        + table.displayName() + " with [" + change.script() + "] but changed " + rows + ": something "
                        + "else changed the table during the run. Check it with Migrator.current() and stamp the "
                        + "right revision.", null, null, change.script(), null);
            }
        }
    }

    private MigrationException failure(Connection connection, VersionTable table, JdbcSink sink, Step step,
                                       RevisionDefinition definition, Throwable error, boolean transactional,
                                       boolean oneTransaction, List<AppliedStep> committed) {
        rollbackQuietly(connection);
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
        return new MigrationException("MIGRATION_FAILED", message, step.revision().id(), definition.className(),
                statement, cause, committed);
    }

    private static String causeText(Throwable cause) {
        return cause.getMessage() == null ? "" : cause.getMessage();
    }

    /** A statement on one line, as the message's first line shows it. */
    private static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    private static StatementFailedException statementFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StatementFailedException failed) {
                return failed;
            }
        }
        return null;
    }

    // ---- helpers ----

    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String command, ConnectionWork<T> work) {
        if (dataSource == null) {
            throw new MigrationException("NO_DATA_SOURCE", "Migrator." + command + "() needs a database, but this "
                    + "migrator was built without a DataSource: it can only write offline SQL with sql(out). Build it "
                    + "with Migrator.builder(registry).dataSource(…) to run " + command + " online.", null);
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new MigrationException("DATABASE_UNAVAILABLE", "Cannot open a connection from the data source "
                    + dataSource + ": " + e.getMessage() + ". Check the database is running and the URL and "
                    + "credentials are right.", e);
        }
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                if (!autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("DATABASE_ERROR", "Database error on version table "
                    + (versionTableSchema == null ? "" : versionTableSchema + ".") + versionTable + ": "
                    + e.getMessage(), e);
        } catch (StatementFailedException e) {
            throw new MigrationException("DATABASE_ERROR", "Statement [" + e.statement() + "] failed: "
                    + e.getMessage(), null, null, e.statement(), e.getCause());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                logger.log(Level.WARNING, "Could not close the migration connection", e);
            }
        }
    }

    private void restoreAutoCommit(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            logger.log(Level.WARNING, "Could not restore auto-commit off on the data source's connection", e);
        }
    }

    private Dialect dialect(Connection connection) throws SQLException {
        if (configuredDialect != null) {
            return configuredDialect;
        }
        Dialect dialect = detectedDialect;
        if (dialect == null) {
            try {
                dialect = Dialects.detect(connection);
            } catch (IllegalArgumentException e) {
                throw new MigrationException("UNSUPPORTED_DATABASE", e.getMessage(), e);
            }
            detectedDialect = dialect;
        }
        return dialect;
    }

    private void checkTransactionMode(Dialect dialect) {
        if (transactionMode == TransactionMode.ALL && !dialect.transactionalDdl()) {
            throw new MigrationException("TRANSACTION_MODE_UNSUPPORTED", "TransactionMode.ALL needs transactional "
                    + "DDL, which the " + dialect.name() + " dialect does not have: a failure could not roll the "
                    + "run back. Use TransactionMode.PER_MIGRATION.", null);
        }
    }

    private VersionTable versionTable(Dialect dialect) {
        return new VersionTable(dialect, versionTableSchema, versionTable);
    }

    private MigrationLock lock(Dialect dialect, Connection connection) throws SQLException {
        return MigrationLock.acquire(dialect, dataSource, connection, versionTableSchema, versionTable,
                lockTimeout, logger);
    }

    private List<String> readQuietly(Connection connection, VersionTable table) {
        try {
            return table.read(connection);
        } catch (SQLException | MigrationException e) {
            return List.of("<unreadable: " + e.getMessage() + ">");
        }
    }

    private void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            logger.log(Level.WARNING, "Rollback failed", e);
        }
    }

    private String atTarget(List<String> rows, String target) {
        String where = rows.isEmpty() ? "base" : String.join(", ", rows);
        if (!rows.isEmpty() && sorted(rows).equals(sorted(graph.heads()))) {
            return "At head (" + where + "); nothing to apply";
        }
        return rows.isEmpty() && target.equals("base") ? "At base; nothing to apply"
                : "At " + where + ", already at '" + target + "'; nothing to apply";
    }

    private static String describe(List<String> rows) {
        return rows.isEmpty() ? "base (no rows)" : String.join(", ", rows);
    }

    private static List<String> sorted(List<String> rows) {
        return List.copyOf(new TreeSet<>(rows));
    }

    /**
     * Where the step loop sends its statements and how it marks transactions: {@link
     * ConnectionRun} runs them on the migration connection, {@link ScriptRun} writes a script.
     */
    private interface RunTarget {

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

    /** Online: statements run on the connection, inside JDBC transactions (auto-commit off). */
    private final class ConnectionRun implements RunTarget {
        private final Connection connection;
        private final VersionTable table;
        private final Journal journal;
        private final JdbcSink jdbc;
        private final SqlSink sink;

        ConnectionRun(Connection connection, VersionTable table, Journal journal) {
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
            applyVersionChange(connection, table, before, after);
        }

        @Override
        public void commitMigration() throws SQLException {
            connection.commit();
            journal.committed();
        }

        @Override
        public void commitRun() {
            try {
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection);
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
            rollbackQuietly(connection);
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                logger.log(Level.WARNING, "Could not switch the migration connection back to auto-commit", e);
            }
        }

        @Override
        public MigrationException failure(Step step, RevisionDefinition definition, Throwable error,
                                          boolean transactional, boolean oneTransaction, List<AppliedStep> committed) {
            MigrationException failure = Migrator.this.failure(connection, table, jdbc, step, definition, error,
                    transactional, oneTransaction, committed);
            journal.failed();
            return failure;
        }
    }

    /**
     * Offline: statements are written to a script, as Alembic's {@code --sql} writes them.
     * {@code BEGIN}/{@code COMMIT} only where the dialect has transactional DDL; the version
     * table's {@code CREATE} inside the first migration's transaction when the script starts
     * from base.
     */
    private final class ScriptRun implements RunTarget {
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

    /** Options of a {@link Migrator}. */
    public static final class Builder {
        private final MigrationRegistry registry;
        private DataSource dataSource;
        private Dialect dialect;
        private String versionTable = DEFAULT_VERSION_TABLE;
        private String versionTableSchema;
        private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private System.Logger logger;
        private NamingConvention namingConvention = NamingConvention.none();

        private Builder(MigrationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * The database to migrate, required by every command that touches it ({@code upgrade},
         * {@code downgrade}, {@code stamp}, {@code current}). Each command takes one connection
         * (two on H2, for the lock) and closes it. A migrator built with only a {@link #dialect}
         * writes offline SQL ({@link Migrator#sql}) and fails those commands with {@code
         * NO_DATA_SOURCE}.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * The dialect to use instead of the one detected from the connection's metadata.
         * Required for offline SQL ({@link Migrator#sql}), which never opens a connection.
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** The version table's name; default {@value Migrator#DEFAULT_VERSION_TABLE}. {@code alembic_version} takes over an Alembic database. */
        public Builder versionTable(String versionTable) {
            Objects.requireNonNull(versionTable, "versionTable");
            if (versionTable.isBlank()) {
                throw new IllegalArgumentException("versionTable must not be blank");
            }
            this.versionTable = versionTable;
            return this;
        }

        /** The schema holding the version table; default: the connection's current schema. The schema must exist. */
        public Builder versionTableSchema(String versionTableSchema) {
            this.versionTableSchema = versionTableSchema == null || versionTableSchema.isBlank()
                    ? null : versionTableSchema;
            return this;
        }

        /** How migrations are grouped into transactions; default {@link TransactionMode#PER_MIGRATION}. */
        public Builder transactionMode(TransactionMode transactionMode) {
            this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode");
            return this;
        }

        /** How long a run waits for the migration lock held by another run; default five minutes. */
        public Builder lockTimeout(Duration lockTimeout) {
            Objects.requireNonNull(lockTimeout, "lockTimeout");
            if (lockTimeout.isNegative()) {
                throw new IllegalArgumentException("lockTimeout must not be negative: " + lockTimeout);
            }
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** The logger to write to instead of {@code System.getLogger("dev.retort.runtime.Migrator")}. */
        public Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Names the constraints and indexes that migrations create without a name; by default
         * {@link NamingConvention#none()}, as Alembic. See {@link NamingConvention}.
         */
        public Builder namingConvention(NamingConvention namingConvention) {
            this.namingConvention = Objects.requireNonNull(namingConvention, "namingConvention");
            return this;
        }

        /**
         * Builds the migrator and validates the registry's revision graph.
         *
         * @throws MigrationException {@code INVALID_GRAPH} when the revisions do not form a valid graph;
         *                            {@code TRANSACTION_MODE_UNSUPPORTED} for {@link TransactionMode#ALL}
         *                            with an explicit dialect that lacks transactional DDL
         * @throws NullPointerException when neither a data source nor a dialect was given
         */
        public Migrator build() {
            return new Migrator(this);
        }
    }

    /** A cause's message as a sentence: a full stop added unless it already ends one. */
    private static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }
}
