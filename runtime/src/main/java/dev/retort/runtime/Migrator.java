package dev.retort.runtime;

import dev.retort.graph.Direction;
import dev.retort.graph.RevisionException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.DefaultLogger;
import dev.retort.runtime.internal.command.FailureFactory;
import dev.retort.runtime.internal.command.MigrateCommand;
import dev.retort.runtime.internal.command.MigrationContext;
import dev.retort.runtime.internal.command.OfflineCommand;
import dev.retort.runtime.internal.command.QueryCommands;
import dev.retort.runtime.internal.command.StampCommand;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 * statement they run; and when the registry {@linkplain MigrationRegistry#knownHeads knows its
 * heads}, as the generated one does, {@code upgrade("head")} or {@code upgrade("heads")} at
 * head compares the rows with them and returns without building the graph or loading a
 * revision class, and, when the version table has its default name (or Alembic's) in the
 * session's schema, without making a dialect. Otherwise they take the migration lock, read the table again
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

    private final MigrationContext context;
    private final MigrateCommand migrateCommand;

    private Migrator(Builder builder) {
        if (builder.dataSource == null && builder.dialect == null) {
            throw new NullPointerException("dataSource: call Migrator.builder(registry).dataSource(…) before build(), "
                    + "or dialect(…) alone for a migrator that only writes offline SQL");
        }
        this.context = new MigrationContext(builder.registry, builder.dataSource, builder.dialect,
                builder.versionTable, builder.versionTableSchema, builder.transactionMode, builder.lockTimeout,
                builder.logger != null ? builder.logger : new DefaultLogger(LOGGER_NAME), builder.namingConvention,
                new Failures());
        // The other commands are made per call: they hold nothing but the context, and an
        // application that only upgrades at start-up should not load their classes.
        this.migrateCommand = new MigrateCommand(context);
        if (builder.registry.knownHeads().isEmpty()) {
            // A registry that does not vouch for its graph is checked here, as build() documents.
            context.graph();
        }
        if (builder.dialect != null) {
            context.checkTransactionMode(builder.dialect);
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
        return migrateCommand.migrate(Direction.UPGRADE, Objects.requireNonNull(target, "target"));
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
        return migrateCommand.migrate(Direction.DOWNGRADE, Objects.requireNonNull(target, "target"));
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
        return new StampCommand(context).stamp(targets);
    }

    /**
     * The revisions recorded in the database's version table, sorted; empty at base or when
     * the table does not exist yet.
     *
     * @throws MigrationException {@code INVALID_VERSION_ROW} when a row is not a revision id
     */
    public List<String> current() {
        return new QueryCommands(context).current();
    }

    /** The heads of the registry's graph, sorted. */
    public List<String> heads() {
        return new QueryCommands(context).heads();
    }

    /** The bases of the registry's graph, sorted. */
    public List<String> bases() {
        return new QueryCommands(context).bases();
    }

    /** Every revision, newest first (the reverse of the graph's topological order), as {@code retort history} lists them. */
    public List<RevisionInfo> history() {
        return new QueryCommands(context).history();
    }

    /** The registry this migrator runs. */
    public MigrationRegistry registry() {
        return context.registry();
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
        Dialect configuredDialect = context.configuredDialect();
        if (configuredDialect == null) {
            throw new MigrationException("DIALECT_REQUIRED", "Offline SQL needs the dialect to write: build the "
                    + "migrator with Migrator.builder(registry).dialect(new PostgresDialect()) (or the dialect of "
                    + "the target database). It is never detected from a connection, since offline SQL touches no "
                    + "database.", null);
        }
        return new OfflineSql(this, configuredDialect, out);
    }

    /** Writes the script of an upgrade or downgrade over {@code range}; see {@link OfflineSql}. */
    MigrationResult writeMigration(Dialect dialect, Direction direction, String range, Appendable out) {
        return new OfflineCommand(context).writeMigration(dialect, direction, range, out);
    }

    /** Writes the script of a stamp; see {@link OfflineSql#stamp}. */
    MigrationResult writeStamp(Dialect dialect, List<String> revisions, Appendable out) {
        return new OfflineCommand(context).writeStamp(dialect, revisions, out);
    }

    /**
     * Hands the commands in internal.command the constructor of {@link MigrationException} that
     * records the steps committed before a failure, which is not public. A class rather than
     * {@code MigrationException::new}: a method reference links a lambda class at start-up.
     */
    private static final class Failures implements FailureFactory {
        @Override
        public MigrationException create(String code, String message, String revision, String className,
                                         String statement, Throwable cause, List<AppliedStep> appliedSteps) {
            return new MigrationException(code, message, revision, className, statement, cause, appliedSteps);
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
         * Builds the migrator and validates the registry's revision graph, or, for a registry
         * that {@linkplain MigrationRegistry#knownHeads knows its heads} (the generated one,
         * whose graph the processor checked), leaves the graph to the first command that needs
         * it, so that building is cheap.
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
}
