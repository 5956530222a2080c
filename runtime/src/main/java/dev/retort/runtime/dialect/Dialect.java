package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.Operation;
import java.util.List;

/**
 * Renders operations and version-table statements to one database's SQL. The base class
 * renders standard SQL; each database's dialect overrides only what differs and states
 * its capabilities. Identifiers are always quoted by the dialect.
 */
public abstract class Dialect {

    /** A short name: {@code h2}, {@code postgresql}, {@code mariadb}, {@code sqlite}. */
    public abstract String name();

    /** True when DDL runs inside a transaction and is undone by a rollback. */
    public abstract boolean transactionalDdl();

    /** Quotes an identifier, doubling any quote character inside it. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A quoted, optionally schema-qualified name. */
    public String qualify(String schema, String name) {
        return schema == null || schema.isEmpty() ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** The statements, without terminators, that perform {@code operation}. */
    public List<String> render(Operation operation) {
        if (operation instanceof Execute execute) {
            return List.of(execute.sql());
        }
        throw new UnsupportedOperationException(
                "The " + name() + " dialect cannot render " + operation.getClass().getSimpleName());
    }

    /** Creates the version table if it is missing. */
    public String createVersionTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table)
                + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT " + quote(table + "_pkc")
                + " PRIMARY KEY (version_num))";
    }

    /** Reads every row of the version table. */
    public String selectVersions(String schema, String table) {
        return "SELECT version_num FROM " + qualify(schema, table);
    }

    /** Adds one row. Revision ids are validated ([A-Za-z0-9_]{1,32}), so a literal is safe. */
    public String insertVersion(String schema, String table, String revision) {
        return "INSERT INTO " + qualify(schema, table) + " (version_num) VALUES ('" + revision + "')";
    }

    /** Replaces one row by another. */
    public String updateVersion(String schema, String table, String from, String to) {
        return "UPDATE " + qualify(schema, table) + " SET version_num='" + to
                + "' WHERE version_num='" + from + "'";
    }

    /** Removes one row. */
    public String deleteVersion(String schema, String table, String revision) {
        return "DELETE FROM " + qualify(schema, table) + " WHERE version_num='" + revision + "'";
    }

    @Override
    public String toString() {
        return name();
    }

    // ---- Locking and version table (migrator) ----

    /**
     * True when the database has session-level advisory locks that the server releases
     * when the session ends ({@link #tryAdvisoryLock}, {@link #advisoryUnlock}). The
     * migrator then locks with them; otherwise it locks a row of a small lock table
     * ({@link #createLockTable}) from a dedicated connection.
     */
    public boolean advisoryLocks() {
        return false;
    }

    /** A query returning one boolean: true when the session took the advisory lock {@code key} without waiting. */
    public String tryAdvisoryLock(long key) {
        throw new UnsupportedOperationException("The " + name() + " dialect has no advisory locks");
    }

    /** Releases the session's advisory lock {@code key}. */
    public String advisoryUnlock(long key) {
        throw new UnsupportedOperationException("The " + name() + " dialect has no advisory locks");
    }

    /** Creates the migrator's one-row lock table if it is missing. */
    public String createLockTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table)
                + " (lock_id INTEGER NOT NULL, CONSTRAINT " + quote(table + "_pkc") + " PRIMARY KEY (lock_id))";
    }

    /** Counts the lock table's rows (0 or 1). */
    public String countLockRows(String schema, String table) {
        return "SELECT COUNT(*) FROM " + qualify(schema, table);
    }

    /** Inserts the lock table's only row. */
    public String insertLockRow(String schema, String table) {
        return "INSERT INTO " + qualify(schema, table) + " (lock_id) VALUES (1)";
    }

    /** Locks the lock table's row until the transaction ends, waiting as the database's lock timeout allows. */
    public String lockLockRow(String schema, String table) {
        return "SELECT lock_id FROM " + qualify(schema, table) + " WHERE lock_id = 1 FOR UPDATE";
    }
}
