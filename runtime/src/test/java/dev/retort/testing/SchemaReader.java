package dev.retort.testing;

import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a schema back through JDBC {@link DatabaseMetaData}, the way a user's tools see it:
 * the one schema-reading fixture of the runtime's tests (conformance suites, batch mode, data
 * operations, resuming an interrupted migration). Names go in and come out as a migration
 * writes them: the dialect turns them into the database's stored case ({@code ACCOUNT} on H2)
 * and back.
 */
public final class SchemaReader {

    /** A column as {@code getColumns} reports it. */
    public record ColumnInfo(String typeName, int size, int decimalDigits, boolean nullable, String defaultValue,
            boolean autoIncrement) {
    }

    /** An index, its columns in key order ({@code null} for an expression). */
    public record IndexInfo(boolean unique, List<String> columns) {
    }

    /** A foreign key of {@code table}, its columns in key order. */
    public record ForeignKeyInfo(String table, List<String> columns, String referentTable, List<String> referentColumns,
            int deleteRule, int updateRule) {
    }

    /**
     * A table as {@link #allTables()} describes it.
     *
     * @param indexes its indexes by unique flag and columns, names left out, in a stable order
     */
    public record TableShape(Map<String, ColumnInfo> columns, List<String> primaryKey, List<IndexInfo> indexes,
            Map<String, ForeignKeyInfo> foreignKeys) {
    }

    private final Connection connection;
    private final String catalog;
    private final String schema;
    private final Dialect dialect;

    /** A reader of {@code db}'s schema over {@code connection}, one of {@code db}'s. */
    public SchemaReader(Connection connection, TestDatabase db, Dialect dialect) {
        this(connection, db.kind(), db.schema(), dialect);
    }

    /**
     * @param kind   the test database's kind: MariaDB calls its database a catalog, SQLite has neither
     * @param schema the schema as the database reports it ({@code PUBLIC} on H2, the database on MariaDB)
     */
    public SchemaReader(Connection connection, String kind, String schema, Dialect dialect) {
        this.connection = connection;
        this.catalog = kind.equals("mariadb") ? schema : null;
        this.schema = kind.equals("mariadb") || kind.equals("sqlite") ? null : schema;
        this.dialect = dialect;
    }

    private String name(String reported) {
        return reported == null ? null : dialect.normalizeName(reported);
    }

    private String stored(String name) {
        return dialect.denormalizeName(name);
    }

    public TreeSet<String> tables() throws SQLException {
        var tables = new TreeSet<String>();
        try (ResultSet rs = meta().getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_")) {
                    tables.add(name(name));
                }
            }
        }
        return tables;
    }

    /** The tables' names as the database stores them. */
    public TreeSet<String> storedTables() throws SQLException {
        var tables = new TreeSet<String>();
        try (ResultSet rs = meta().getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** A table's comment ({@code REMARKS}), or {@code null}. */
    public String tableComment(String table) throws SQLException {
        try (ResultSet rs = meta().getTables(catalog, schema, stored(table), null)) {
            if (!rs.next()) {
                throw new AssertionError("no table " + table);
            }
            return rs.getString("REMARKS");
        }
    }

    /** A column's comment ({@code REMARKS}), or {@code null}. */
    public String columnComment(String table, String column) throws SQLException {
        try (ResultSet rs = meta().getColumns(catalog, schema, escape(stored(table)), stored(column))) {
            if (!rs.next()) {
                throw new AssertionError("no column " + table + "." + column);
            }
            return rs.getString("REMARKS");
        }
    }

    /** Columns in table order. */
    public Map<String, ColumnInfo> columns(String table) throws SQLException {
        var columns = new LinkedHashMap<String, ColumnInfo>();
        try (ResultSet rs = meta().getColumns(catalog, schema, escape(stored(table)), "%")) {
            while (rs.next()) {
                columns.put(name(rs.getString("COLUMN_NAME")), new ColumnInfo(
                        rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable,
                        rs.getString("COLUMN_DEF"),
                        "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    public List<String> primaryKey(String table) throws SQLException {
        var bySequence = new TreeMap<Integer, String>();
        try (ResultSet rs = meta().getPrimaryKeys(catalog, schema, stored(table))) {
            while (rs.next()) {
                bySequence.put(rs.getInt("KEY_SEQ"), name(rs.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(bySequence.values());
    }

    /** Indexes by name, columns in key order. */
    public Map<String, IndexInfo> indexes(String table) throws SQLException {
        var columns = new TreeMap<String, TreeMap<Integer, String>>();
        var unique = new TreeMap<String, Boolean>();
        try (ResultSet rs = meta().getIndexInfo(catalog, schema, stored(table), false, false)) {
            while (rs.next()) {
                String name = name(rs.getString("INDEX_NAME"));
                if (name == null) {
                    continue; // table statistics row
                }
                columns.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        name(rs.getString("COLUMN_NAME")));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        var indexes = new TreeMap<String, IndexInfo>();
        columns.forEach((name, cols) -> indexes.put(name, new IndexInfo(unique.get(name), List.copyOf(cols.values()))));
        return indexes;
    }

    /** Foreign keys of {@code table} by constraint name ("" for an unnamed one). */
    public Map<String, ForeignKeyInfo> foreignKeys(String table) throws SQLException {
        var parts = new TreeMap<String, List<String[]>>();
        var rules = new TreeMap<String, int[]>();
        try (ResultSet rs = meta().getImportedKeys(catalog, schema, stored(table))) {
            while (rs.next()) {
                String fkName = rs.getString("FK_NAME");
                String name = fkName == null ? "" : name(fkName);
                parts.computeIfAbsent(name, n -> new ArrayList<>()).add(new String[] {
                        rs.getString("KEY_SEQ"), name(rs.getString("FKCOLUMN_NAME")), name(rs.getString("PKTABLE_NAME")),
                        name(rs.getString("PKCOLUMN_NAME"))});
                rules.put(name, new int[] {rs.getInt("DELETE_RULE"), rs.getInt("UPDATE_RULE")});
            }
        }
        var keys = new TreeMap<String, ForeignKeyInfo>();
        parts.forEach((name, rows) -> {
            rows.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
            keys.put(name, new ForeignKeyInfo(table, rows.stream().map(r -> r[1]).toList(), rows.get(0)[2],
                    rows.stream().map(r -> r[3]).toList(), rules.get(name)[0], rules.get(name)[1]));
        });
        return keys;
    }

    /**
     * Every table with its columns, primary key, indexes and foreign keys, as one comparable
     * value: two databases built alike give equal ones. Indexes are compared without their
     * names, since H2 numbers the names it generates (a foreign key's index) from a counter of
     * the database, which an interrupted run that dropped and made objects has moved on.
     */
    public Map<String, TableShape> allTables() throws SQLException {
        var shapes = new TreeMap<String, TableShape>();
        for (String table : tables()) {
            List<IndexInfo> byShape = new ArrayList<>(indexes(table).values());
            byShape.sort(Comparator.comparing(IndexInfo::toString));
            shapes.put(table, new TableShape(columns(table), primaryKey(table), List.copyOf(byShape),
                    foreignKeys(table)));
        }
        return shapes;
    }

    private DatabaseMetaData meta() throws SQLException {
        return connection.getMetaData();
    }

    /** A table name as a LIKE pattern: {@code _} and {@code %} are wildcards in getColumns. */
    private String escape(String name) throws SQLException {
        String escape = meta().getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
