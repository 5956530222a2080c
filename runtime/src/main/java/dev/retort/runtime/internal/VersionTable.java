package dev.retort.runtime.internal;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
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

    private static final int MAX_ROWS_SHOWN = 5;
    private static final int MAX_ROW_CHARS_SHOWN = 80;

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
     * @throws MigrationException {@code INVALID_VERSION_ROW} when a row is not a revision id
     *                            (see {@link RevisionNode#isValidId}): no command may plan from it
     */
    public List<String> read(Connection connection) throws SQLException {
        return read(connection, dialect.selectVersions(schema, table), displayName());
    }

    /**
     * {@link #read} with a query given as text, for the at-head check that runs before any
     * dialect is made; {@code displayName} names the table in the error.
     */
    public static List<String> read(Connection connection, String select, String displayName) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(select)) {
            while (resultSet.next()) {
                rows.add(resultSet.getString(1));
            }
        }
        // A plain loop: this read is all an application at head runs, in a fresh JVM.
        List<String> invalid = null;
        for (String row : rows) {
            if (!RevisionNode.isValidId(row)) {
                if (invalid == null) {
                    invalid = new ArrayList<>();
                }
                invalid.add(row);
            }
        }
        if (invalid != null) {
            throw invalidRows(invalid, displayName);
        }
        if (rows.size() > 1) {
            rows.sort(null);
        }
        return rows;
    }

    /**
     * Rows no Retort or Alembic command writes: something else put them there, perhaps to
     * smuggle SQL into a statement, so nothing runs until a person has looked.
     */
    private static MigrationException invalidRows(List<String> invalid, String displayName) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(invalid.size(), MAX_ROWS_SHOWN); i++) {
            shown.append(i == 0 ? "" : ", ").append(display(invalid.get(i)));
        }
        if (invalid.size() > MAX_ROWS_SHOWN) {
            shown.append(" and ").append(invalid.size() - MAX_ROWS_SHOWN).append(" more");
        }
        return new MigrationException("INVALID_VERSION_ROW", "Version table " + displayName + " holds "
                + (invalid.size() == 1 ? "a row that is not a revision id: " : invalid.size()
                + " rows that are not revision ids: ") + shown + ". Revision ids are 1 to "
                + RevisionNode.MAX_ID_LENGTH + " letters, digits or '_', so no migrator wrote "
                + (invalid.size() == 1 ? "it" : "them") + "; nothing was run. Delete "
                + (invalid.size() == 1 ? "that row" : "those rows") + " with your database client, then check the "
                + "table with 'current' and stamp the revision the schema is at if it no longer says.", null);
    }

    /** A row as one quoted line: control characters escaped, long rows shortened. */
    private static String display(String row) {
        if (row == null) {
            return "NULL";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(row.length(), MAX_ROW_CHARS_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = row.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (row.length() > shown) {
            out.append(" (").append(row.length()).append(" characters, shortened)");
        }
        return out.toString();
    }

    /**
     * One statement of a version-table change: {@link #sql} with the revisions as bound
     * parameters, run online; {@link #script} with them as literals, written offline.
     */
    public record Change(String sql, List<String> parameters, String script) {
    }

    /**
     * The changes that turn rows {@code before} into rows {@code after}: one {@code UPDATE}
     * when exactly one row is replaced by exactly one other (as Alembic does for a plain
     * step), otherwise a {@code DELETE} for each row that goes and an {@code INSERT} for each
     * row that comes. Empty when nothing changes.
     */
    public List<Change> changes(Collection<String> before, Collection<String> after) {
        Set<String> gone = new LinkedHashSet<>(before);
        gone.removeAll(after);
        Set<String> come = new LinkedHashSet<>(after);
        come.removeAll(before);
        List<Change> changes = new ArrayList<>();
        if (gone.size() == 1 && come.size() == 1) {
            String from = gone.iterator().next();
            String to = come.iterator().next();
            changes.add(new Change(dialect.updateVersion(schema, table), List.of(to, from),
                    dialect.updateVersion(schema, table, from, to)));
            return changes;
        }
        for (String revision : gone) {
            changes.add(new Change(dialect.deleteVersion(schema, table), List.of(revision),
                    dialect.deleteVersion(schema, table, revision)));
        }
        for (String revision : come) {
            changes.add(new Change(dialect.insertVersion(schema, table), List.of(revision),
                    dialect.insertVersion(schema, table, revision)));
        }
        return changes;
    }

    /** The statement that replaces one row by another, its new and old revision bound as parameters 1 and 2. */
    public String updateStatement() {
        return dialect.updateVersion(schema, table);
    }

    /** The offline form of {@link #changes}: each statement with its revisions as literals. */
    public List<String> changeStatements(Collection<String> before, Collection<String> after) {
        return changes(before, after).stream().map(Change::script).toList();
    }

    /**
     * Runs one change online, its revisions bound as parameters, and returns how many rows it
     * changed (the migrator expects exactly one).
     */
    public int executeChange(Connection connection, Change change) {
        try (PreparedStatement statement = connection.prepareStatement(change.sql())) {
            for (int i = 0; i < change.parameters().size(); i++) {
                statement.setString(i + 1, change.parameters().get(i));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(change.script(), e);
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
