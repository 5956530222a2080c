package dev.retort.runtime.internal;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.dialect.Dialect;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * How often PostgreSQL 14+ checks, while a statement of the migration session runs, that
     * the migrating process is still connected ({@code client_connection_check_interval}).
     * A process killed mid-statement thus loses its lock within this interval instead of
     * when the statement ends; idle sessions are noticed at once anyway.
     */
    public static final Duration CLIENT_CHECK_INTERVAL = Duration.ofSeconds(2);

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
        /** The client-check setting's name and the session's value before the run, or {@code null}. */
        private final String[] clientCheck;

        private AdvisoryLock(Dialect dialect, Connection connection, long key, String[] clientCheck,
                             System.Logger logger) {
            super(logger);
            this.dialect = dialect;
            this.connection = connection;
            this.key = key;
            this.clientCheck = clientCheck;
        }

        static AdvisoryLock acquire(Dialect dialect, Connection connection, long key, long deadline,
                                    Duration timeout, System.Logger logger) throws SQLException {
            String[] clientCheck = watchClient(dialect, connection, logger);
            while (true) {
                try (PreparedStatement statement = connection.prepareStatement(dialect.tryAdvisoryLock())) {
                    statement.setLong(1, key);
                    try (ResultSet resultSet = statement.executeQuery()) {
                        if (resultSet.next() && resultSet.getBoolean(1)) {
                            return new AdvisoryLock(dialect, connection, key, clientCheck, logger);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    restore(connection, clientCheck, logger);
                    throw e;
                }
                if (System.nanoTime() - deadline >= 0) {
                    restore(connection, clientCheck, logger);
                    throw timeout(timeout, "advisory lock " + key, dialect.advisoryLockHolderQuery(key)
                            .orElse("on PostgreSQL: SELECT pid, application_name, "
                            + "client_addr, query_start FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks "
                            + "WHERE locktype = 'advisory' AND classid = " + (key >>> 32) + " AND objid = "
                            + (key & 0xffffffffL) + ")"));
                }
                pause(deadline);
            }
        }

        /**
         * Sets the dialect's client-check setting to {@link #CLIENT_CHECK_INTERVAL} on the
         * migration session, before the lock exists; returns its name and previous value, or
         * {@code null} where there is none or the server refuses it (platforms without the
         * kernel support), which only loses the faster release.
         */
        private static String[] watchClient(Dialect dialect, Connection connection, System.Logger logger)
                throws SQLException {
            Optional<String> setting = dialect.clientCheckSetting(connection.getMetaData());
            if (setting.isEmpty()) {
                return null;
            }
            String name = setting.get();
            try {
                String previous;
                try (PreparedStatement read = connection.prepareStatement("SELECT current_setting(?)")) {
                    read.setString(1, name);
                    try (ResultSet resultSet = read.executeQuery()) {
                        resultSet.next();
                        previous = resultSet.getString(1);
                    }
                }
                set(connection, name, CLIENT_CHECK_INTERVAL.toMillis() + "ms");
                return new String[] {name, previous};
            } catch (SQLException e) {
                logger.log(Level.DEBUG, "Cannot set {0}; a killed migrator''s lock then lasts until its "
                        + "statement ends: {1}", name, e.getMessage());
                return null;
            }
        }

        private static void set(Connection connection, String name, String value) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
                statement.setString(1, name);
                statement.setString(2, value);
                statement.execute();
            }
        }

        private static void restore(Connection connection, String[] clientCheck, System.Logger logger) {
            if (clientCheck == null) {
                return;
            }
            try {
                set(connection, clientCheck[0], clientCheck[1]);
            } catch (SQLException e) {
                logger.log(Level.DEBUG, "Cannot restore {0}: {1}", clientCheck[0], e.getMessage());
            }
        }

        @Override
        public String describe() {
            return "advisory lock " + key;
        }

        @Override
        public void close() {
            try (PreparedStatement statement = connection.prepareStatement(dialect.advisoryUnlock())) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                logger.log(Level.WARNING, "Could not release " + describe()
                        + "; the database releases it when the connection closes", e);
            }
            restore(connection, clientCheck, logger);
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
        private static final int LOCK_ROW_ID = 1;

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
                    try (PreparedStatement statement = connection.prepareStatement(dialect.lockLockRow(schema, table))) {
                        statement.setInt(1, LOCK_ROW_ID);
                        try (ResultSet resultSet = statement.executeQuery()) {
                            if (resultSet.next()) {
                                return new TableLock(connection, name, logger);
                            }
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
                try (PreparedStatement insert = connection.prepareStatement(dialect.insertLockRow(schema, table))) {
                    insert.setInt(1, LOCK_ROW_ID);
                    insert.executeUpdate();
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
