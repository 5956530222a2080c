package dev.retort.runtime.internal;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.dialect.Dialect;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The database lock a migrator run holds, so that two application instances starting at
 * once apply each revision exactly once. Both strategies are released by the database
 * when the holding session ends, so a process that dies never leaves a stale lock:
 *
 * <ul>
 *   <li><b>Advisory lock</b> where the dialect has one ({@link Dialect#advisoryLocks()},
 *       PostgreSQL's {@code pg_try_advisory_lock}): a session lock on the migration
 *       connection itself, keyed by a stable 64-bit hash of {@code
 *       retort:<schema>.<version table>}; it survives the run's commits and is released
 *       explicitly at the end.</li>
 *   <li><b>Lock table</b> elsewhere (H2): a dedicated second connection creates {@code
 *       <version table>_lock} with a single row if needed, then holds {@code SELECT … FOR
 *       UPDATE} on that row in an open transaction for the whole run. The version table
 *       itself cannot be locked this way because it is empty at base.</li>
 *   <li><b>Database lock</b> where the dialect locks the whole database ({@link
 *       Dialect#databaseLock()}, SQLite): taken on the migration connection itself and kept
 *       across the run's commits; released at the end or when the connection closes.</li>
 * </ul>
 *
 * Both poll until the lock timeout, then fail with {@code LOCK_TIMEOUT} naming what to look for.
 */
public abstract class MigrationLock implements AutoCloseable {

    private static final long MAX_PAUSE_MILLIS = 500;

    final System.Logger logger;

    MigrationLock(System.Logger logger) {
        this.logger = logger;
    }

    /**
     * Takes the lock, waiting up to {@code timeout}.
     *
     * @param migration    the connection the run migrates on (holds an advisory lock)
     * @param schema       the configured version-table schema, or {@code null}
     * @param versionTable the version table's name
     * @throws MigrationException with code {@code LOCK_TIMEOUT} when another session keeps the lock
     */
    public static MigrationLock acquire(Dialect dialect, DataSource dataSource, Connection migration,
                                        String schema, String versionTable, Duration timeout,
                                        System.Logger logger) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MigrationLock lock;
        if (dialect.advisoryLocks()) {
            // Without a configured schema the key uses the session's schema, so two
            // applications with the same table name in different schemas do not block each other.
            String keySchema = schema != null ? schema : Objects.requireNonNullElse(migration.getSchema(), "");
            lock = AdvisoryLock.acquire(dialect, migration, lockKey(keySchema, versionTable), deadline, timeout, logger);
        } else if (dialect.databaseLock()) {
            lock = DatabaseLock.acquire(dialect, migration, deadline, timeout, logger);
        } else {
            lock = TableLock.acquire(dialect, dataSource, schema, versionTable + "_lock", deadline, timeout, logger);
        }
        logger.log(Level.DEBUG, "Acquired migration lock: {0}", lock.describe());
        return lock;
    }

    /**
     * The advisory lock key for a version table: the 64-bit FNV-1a hash of {@code
     * retort:<schema>.<table>}. Stable across processes, JVMs and releases.
     */
    public static long lockKey(String schema, String table) {
        byte[] bytes = ("retort:" + schema + "." + table).getBytes(StandardCharsets.UTF_8);
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** What the lock is, for messages: which key or which table row. */
    public abstract String describe();

    /** Releases the lock. Never throws: a failure is logged, and the database frees the lock when the session ends. */
    @Override
    public abstract void close();

    static void pause(long deadline) {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        try {
            Thread.sleep(Math.max(1, Math.min(MAX_PAUSE_MILLIS, remainingMillis)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("LOCK_INTERRUPTED",
                    "Interrupted while waiting for the migration lock; nothing was migrated.", e);
        }
    }

    static MigrationException timeout(Duration timeout, String what, String howToFind) {
        return new MigrationException("LOCK_TIMEOUT", "Could not take the migration lock (" + what + ") within "
                + timeout + ": another Migrator is migrating this database, or a session that crashed mid-run is "
                + "still open. Wait for it to finish and retry, or find the session holding it (" + howToFind
                + ") and end it. If migrations legitimately take longer, raise Migrator.Builder.lockTimeout.", null);
    }

    /** A session advisory lock on the migration connection. */
    private static final class AdvisoryLock extends MigrationLock {
        private final Dialect dialect;
        private final Connection connection;
        private final long key;

        private AdvisoryLock(Dialect dialect, Connection connection, long key, System.Logger logger) {
            super(logger);
            this.dialect = dialect;
            this.connection = connection;
            this.key = key;
        }

        static AdvisoryLock acquire(Dialect dialect, Connection connection, long key, long deadline,
                                    Duration timeout, System.Logger logger) throws SQLException {
            while (true) {
                try (Statement statement = connection.createStatement();
                     ResultSet resultSet = statement.executeQuery(dialect.tryAdvisoryLock(key))) {
                    if (resultSet.next() && resultSet.getBoolean(1)) {
                        return new AdvisoryLock(dialect, connection, key, logger);
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timeout(timeout, "advisory lock " + key, dialect.advisoryLockHolderQuery(key)
                            .orElse("on PostgreSQL: SELECT pid, application_name, "
                            + "client_addr, query_start FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks "
                            + "WHERE locktype = 'advisory' AND classid = " + (key >>> 32) + " AND objid = "
                            + (key & 0xffffffffL) + ")"));
                }
                pause(deadline);
            }
        }

        @Override
        public String describe() {
            return "advisory lock " + key;
        }

        @Override
        public void close() {
            try (Statement statement = connection.createStatement()) {
                statement.execute(dialect.advisoryUnlock(key));
            } catch (SQLException e) {
                logger.log(Level.WARNING, "Could not release " + describe()
                        + "; the database releases it when the connection closes", e);
            }
        }
    }

    /**
     * The whole database locked on the migration connection itself (SQLite, where a lock
     * held by a second connection would block the migration too): the dialect's acquire
     * statements run in auto-commit mode, retried while the database reports it is busy.
     */
    private static final class DatabaseLock extends MigrationLock {
        private final Dialect dialect;
        private final Connection connection;

        private DatabaseLock(Dialect dialect, Connection connection, System.Logger logger) {
            super(logger);
            this.dialect = dialect;
            this.connection = connection;
        }

        static DatabaseLock acquire(Dialect dialect, Connection connection, long deadline, Duration timeout,
                                    System.Logger logger) throws SQLException {
            while (true) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : dialect.acquireDatabaseLock()) {
                        statement.execute(sql);
                    }
                    return new DatabaseLock(dialect, connection, logger);
                } catch (SQLException e) {
                    // The first statement failed busy (another connection holds or writes the
                    // database); nothing was taken, so just try again.
                    logger.log(Level.DEBUG, "Database lock busy: {0}", e.getMessage());
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timeout(timeout, "the " + dialect.name() + " database's write lock", "the process with "
                            + "the database file open for writing, e.g. with fuser or lsof on the file");
                }
                pause(deadline);
            }
        }

        @Override
        public String describe() {
            return "the " + dialect.name() + " database's write lock on the migration connection";
        }

        @Override
        public void close() {
            try (Statement statement = connection.createStatement()) {
                for (String sql : dialect.releaseDatabaseLock()) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                logger.log(Level.WARNING, "Could not release " + describe()
                        + "; the database releases it when the connection closes", e);
            }
        }
    }

    /** A row lock held by a dedicated connection on the one row of {@code <version table>_lock}. */
    private static final class TableLock extends MigrationLock {
        private final Connection connection;
        private final String name;

        private TableLock(Connection connection, String name, System.Logger logger) {
            super(logger);
            this.connection = connection;
            this.name = name;
        }

        static TableLock acquire(Dialect dialect, DataSource dataSource, String schema, String table,
                                 long deadline, Duration timeout, System.Logger logger) throws SQLException {
            String name = schema == null || schema.isEmpty() ? table : schema + "." + table;
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(true);
                ensureLockRow(dialect, connection, schema, table);
                connection.setAutoCommit(false);
                while (true) {
                    try (Statement statement = connection.createStatement();
                         ResultSet resultSet = statement.executeQuery(dialect.lockLockRow(schema, table))) {
                        if (resultSet.next()) {
                            return new TableLock(connection, name, logger);
                        }
                        throw new SQLException("The lock table " + name + " has lost its row; drop the table "
                                + "and run again (the migrator recreates it).");
                    } catch (SQLException e) {
                        if (!isBusy(e)) {
                            throw e;
                        }
                        connection.rollback();
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw timeout(timeout, "row lock on " + name, "the session with an open transaction that "
                                + "locks " + name + "; on H2 see INFORMATION_SCHEMA.SESSIONS");
                    }
                    pause(deadline);
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        }

        /** Creates the lock table and its row; concurrent creators may race, so failures are re-checked. */
        private static void ensureLockRow(Dialect dialect, Connection connection, String schema, String table)
                throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(dialect.createLockTable(schema, table));
                if (countRows(statement, dialect, schema, table) > 0) {
                    return;
                }
                try {
                    statement.execute(dialect.insertLockRow(schema, table));
                } catch (SQLException e) {
                    // Another migrator inserted the row first: fine, as long as it is there now.
                    if (countRows(statement, dialect, schema, table) == 0) {
                        throw e;
                    }
                }
            }
        }

        private static long countRows(Statement statement, Dialect dialect, String schema, String table)
                throws SQLException {
            try (ResultSet resultSet = statement.executeQuery(dialect.countLockRows(schema, table))) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        }

        /**
         * A lock wait that ran out (SQLState class HYT, H2's lock timeout) or a deadlock or
         * serialization failure (class 40): the lock is busy, try again.
         */
        private static boolean isBusy(SQLException e) {
            String state = e.getSQLState();
            return e instanceof SQLTransientException
                    || state != null && (state.startsWith("HYT") || state.startsWith("40"));
        }

        @Override
        public String describe() {
            return "row lock on " + name;
        }

        @Override
        public void close() {
            try {
                connection.rollback();
            } catch (SQLException e) {
                logger.log(Level.WARNING, "Could not release the " + describe()
                        + "; closing its connection releases it", e);
            }
            closeQuietly(connection);
        }

        private static void closeQuietly(Connection connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the lock goes with the session
            }
        }
    }
}
