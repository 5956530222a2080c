package dev.retort.runtime.internal.command;

import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionGraphException;
import dev.retort.graph.RevisionNode;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Migrator.TransactionMode;
import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.Journal;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.internal.VersionTable;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What every command of one migrator shares: its settings, the registry's graph (built on
 * first need), and the set-up of a command's session: the connection, the dialect, the
 * version table and the lock. Immutable but for two memos; thread-safe.
 */
public final class MigrationContext {

    private final MigrationRegistry registry;
    /** Built on first need: an application at head never needs it (see {@link MigrateCommand#atKnownHeads}). */
    private volatile Resolved resolved;
    private final DataSource dataSource;
    private final Dialect configuredDialect;
    private final String versionTable;
    private final String versionTableSchema;
    private final TransactionMode transactionMode;
    private final Duration lockTimeout;
    private final System.Logger logger;
    private volatile Dialect detectedDialect;
    private final NamingConvention namingConvention;
    private final FailureFactory failures;

    /** {@code dataSource} is {@code null} for a migrator that only writes offline SQL, {@code dialect} to detect it. */
    public MigrationContext(MigrationRegistry registry, DataSource dataSource, Dialect dialect, String versionTable,
                            String versionTableSchema, TransactionMode transactionMode, Duration lockTimeout,
                            System.Logger logger, NamingConvention namingConvention, FailureFactory failures) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.configuredDialect = dialect;
        this.versionTable = versionTable;
        this.versionTableSchema = versionTableSchema;
        this.transactionMode = transactionMode;
        this.lockTimeout = lockTimeout;
        this.logger = logger;
        this.namingConvention = namingConvention;
        this.failures = failures;
    }

    public MigrationRegistry registry() {
        return registry;
    }

    /** The dialect the migrator was built with, or {@code null} when it detects it from the connection. */
    public Dialect configuredDialect() {
        return configuredDialect;
    }

    TransactionMode transactionMode() {
        return transactionMode;
    }

    System.Logger logger() {
        return logger;
    }

    NamingConvention namingConvention() {
        return namingConvention;
    }

    FailureFactory failures() {
        return failures;
    }

    // ---- the graph ----

    /** The registry's graph and its revisions by id, as every command but the at-head check needs them. */
    private record Resolved(RevisionGraph graph, Map<String, RevisionDefinition> definitions) {
    }

    private Resolved resolved() {
        Resolved r = resolved;
        if (r == null) {
            synchronized (this) {
                r = resolved;
                if (r == null) {
                    r = resolve(registry);
                    resolved = r;
                }
            }
        }
        return r;
    }

    private static Resolved resolve(MigrationRegistry registry) {
        List<RevisionNode> nodes = new ArrayList<>();
        Map<String, RevisionDefinition> byId = new HashMap<>();
        for (RevisionDefinition definition : registry.revisions()) {
            nodes.add(definition.node());
            byId.put(definition.id(), definition);
        }
        try {
            return new Resolved(RevisionGraph.of(nodes), Map.copyOf(byId));
        } catch (RevisionGraphException e) {
            throw new MigrationException("INVALID_GRAPH", "The revisions of registry " + registry.packageName()
                    + " do not form a valid graph; fix the @Revision annotations (the annotation processor "
                    + "reports the same problems at compile time). " + e.getMessage(), e);
        }
    }

    /** The registry's graph, built and checked on the first call ({@code INVALID_GRAPH} when it is not valid). */
    public RevisionGraph graph() {
        return resolved().graph();
    }

    Map<String, RevisionDefinition> definitions() {
        return resolved().definitions();
    }

    // ---- a command's session ----

    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T withConnection(String command, ConnectionWork<T> work) {
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

    Dialect dialect(Connection connection) throws SQLException {
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

    /** Refuses {@link TransactionMode#ALL} on a dialect without transactional DDL ({@code TRANSACTION_MODE_UNSUPPORTED}). */
    public void checkTransactionMode(Dialect dialect) {
        if (transactionMode == TransactionMode.ALL && !dialect.transactionalDdl()) {
            throw new MigrationException("TRANSACTION_MODE_UNSUPPORTED", "TransactionMode.ALL needs transactional "
                    + "DDL, which the " + dialect.name() + " dialect does not have: a failure could not roll the "
                    + "run back. Use TransactionMode.PER_MIGRATION.", null);
        }
    }

    VersionTable versionTable(Dialect dialect) {
        return new VersionTable(dialect, versionTableSchema, versionTable);
    }

    /**
     * The version-table query when it is the same text on every dialect, so the at-head check
     * can run it before a dialect is detected (which loads the dialect's classes and builds its
     * reserved words): the table has Retort's or Alembic's default name, which no dialect
     * quotes, in the session's schema. {@code null} when a schema or another name is
     * configured, when the dialect was configured (it may write its own query), or for {@link
     * TransactionMode#ALL}, whose check against the dialect comes before any statement.
     */
    String plainVersionSelect() {
        if (configuredDialect != null || versionTableSchema != null || transactionMode != TransactionMode.PER_MIGRATION
                || !(versionTable.equals(Migrator.DEFAULT_VERSION_TABLE) || versionTable.equals("alembic_version"))) {
            return null;
        }
        return "SELECT version_num FROM ".concat(versionTable);
    }

    /** The version table as messages name it before a dialect is known. */
    String versionTableDisplayName() {
        return versionTableSchema == null ? versionTable : versionTableSchema + "." + versionTable;
    }

    MigrationLock lock(Dialect dialect, Connection connection) throws SQLException {
        return MigrationLock.acquire(dialect, dataSource, connection, versionTableSchema, versionTable,
                lockTimeout, logger);
    }

    /** The journal of interrupted steps beside the version table (used where DDL commits implicitly). */
    Journal journal(Dialect dialect, Connection connection) throws SQLException {
        return Journal.open(dialect, connection, versionTableSchema, versionTable, logger);
    }

    void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            logger.log(Level.WARNING, "Rollback failed", e);
        }
    }
}
