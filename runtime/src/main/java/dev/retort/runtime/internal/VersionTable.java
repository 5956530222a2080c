package dev.retort.runtime.internal;

import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The version table in Alembic's layout: one {@code version_num} row per current head.
 * Reads need a connection; every write is a statement rendered by the dialect, so the
 * same statements can be executed online or written to an offline script.
 */
public final class VersionTable {

    private final Dialect dialect;
    private final String schema;
    private final String table;

    /**
     * @param schema the schema holding the table, or {@code null} for the connection's default
     * @param table  the table name, such as {@code retort_version} or {@code alembic_version}
     */
    public VersionTable(Dialect dialect, String schema, String table) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.schema = schema;
        this.table = Objects.requireNonNull(table, "table");
    }

    /** The table as it appears in messages: {@code schema.table} or {@code table}. */
    public String displayName() {
        return schema == null || schema.isEmpty() ? table : schema + "." + table;
    }

    /** The statement that creates the table when it is missing. */
    public String createStatement() {
        return dialect.createVersionTable(schema, table);
    }

    /**
     * Every row, sorted, with one query on {@code connection}.
     *
     * @throws SQLException when the query fails, typically because the table does not exist yet
     */
    public List<String> read(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(dialect.selectVersions(schema, table))) {
            while (resultSet.next()) {
                rows.add(resultSet.getString(1));
            }
        }
        rows.sort(null);
        return rows;
    }

    /**
     * The statements that turn rows {@code before} into rows {@code after}: one {@code
     * UPDATE} when exactly one row is replaced by exactly one other (as Alembic does for a
     * plain step), otherwise a {@code DELETE} for each row that goes and an {@code INSERT}
     * for each row that comes. Empty when nothing changes.
     */
    public List<String> changeStatements(Collection<String> before, Collection<String> after) {
        Set<String> gone = new LinkedHashSet<>(before);
        gone.removeAll(after);
        Set<String> come = new LinkedHashSet<>(after);
        come.removeAll(before);
        List<String> statements = new ArrayList<>();
        if (gone.size() == 1 && come.size() == 1) {
            statements.add(dialect.updateVersion(schema, table, gone.iterator().next(), come.iterator().next()));
            return statements;
        }
        for (String revision : gone) {
            statements.add(dialect.deleteVersion(schema, table, revision));
        }
        for (String revision : come) {
            statements.add(dialect.insertVersion(schema, table, revision));
        }
        return statements;
    }

    /**
     * Runs one statement of {@link #changeStatements} online and returns how many rows it
     * changed (the migrator expects exactly one).
     */
    public int executeChange(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /**
     * Whether the table exists, from the JDBC metadata: tells a missing table from a
     * failing database after a read failed. Looks the names up as the database stores
     * them ({@link Dialect#denormalizeName}: {@code RETORT_VERSION} on H2).
     */
    public boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // Without a configured schema, look in the session's schema only: a table of the
        // same name in another schema says nothing about this one.
        String inSchema = schema != null ? dialect.denormalizeName(schema) : connection.getSchema();
        String catalog = null;
        if (!metaData.supportsSchemasInTableDefinitions()) {
            // MariaDB and MySQL: a "schema" is a database, which JDBC calls a catalog.
            catalog = schema != null ? schema : connection.getCatalog();
            inSchema = null;
        }
        String escape = metaData.getSearchStringEscape();
        try (ResultSet tables = metaData.getTables(catalog, pattern(inSchema, escape),
                pattern(dialect.denormalizeName(table), escape), null)) {
            return tables.next();
        }
    }

    /** Escapes the LIKE wildcards {@code _} and {@code %} of a metadata search pattern. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
