package dev.retort.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A schema read back through JDBC {@link DatabaseMetaData} as comparable values: its
 * tables with their columns, primary key, indexes and foreign keys, and the rows of the
 * version table. Two databases built the same way give equal snapshots, so tests compare
 * an online migration with an offline script run by the database's own client.
 *
 * <p>What differs only by session is normalised away: the schema's name (left out of
 * foreign keys, replaced by {@code <schema>} in default expressions) and the names a
 * database generates from a per-database counter (H2's {@code PRIMARY_KEY_1F}, {@code
 * CONSTRAINT_8}, {@code FK_X_INDEX_A}, which become {@code PRIMARY_KEY_#}, {@code
 * CONSTRAINT_#}, {@code FK_X_INDEX_#}).
 *
 * @param tables   the tables by name as the database stores it
 * @param versions the version table's rows, sorted; empty when the version table does not exist
 */
public record SchemaSnapshot(Map<String, Table> tables, Optional<List<String>> versions) {

    /**
     * @param columns     in table order
     * @param primaryKey  the primary key's columns in key order; empty without one
     * @param primaryKeyName the primary key's (normalised) name, or {@code null}
     * @param indexes     by name; a generated name normalised and followed by the index's columns
     * @param foreignKeys by name
     */
    public record Table(List<Column> columns, List<String> primaryKey, String primaryKeyName,
                        Map<String, Index> indexes, Map<String, ForeignKey> foreignKeys) {
    }

    /** A column as {@link DatabaseMetaData#getColumns} describes it. */
    public record Column(String name, String typeName, int size, int decimalDigits, boolean nullable,
                         String defaultValue, boolean autoIncrement) {
    }

    /** An index, columns in key order. */
    public record Index(boolean unique, List<String> columns) {
    }

    /** A foreign key; the referenced table's schema is left out. */
    public record ForeignKey(List<String> columns, String referentTable, List<String> referentColumns,
                             int deleteRule, int updateRule) {
    }

    /**
     * The counters in names H2 generates ({@code PRIMARY_KEY_1F}, {@code CONSTRAINT_8}, {@code
     * CONSTRAINT_C_INDEX_4}, {@code FK_X_INDEX_A}): they number the database's objects and say
     * nothing about the schema.
     */
    private static final Pattern GENERATED_COUNTER = Pattern.compile(
            "(?<=^PRIMARY_KEY_)[0-9A-F]+$|(?<=^CONSTRAINT_)[0-9A-F]+(?=$|_INDEX_)|(?<=_INDEX_)[0-9A-F]+$");

    public SchemaSnapshot {
        tables = Map.copyOf(new TreeMap<>(tables));
    }

    /**
     * Reads every table of {@code schema} and the rows of {@code versionTable} (found in
     * the schema whatever its case).
     */
    public static SchemaSnapshot read(DataSource dataSource, String schema, String versionTable) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, schema, versionTable);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read(DataSource, String, String)} on an open connection. */
    public static SchemaSnapshot read(Connection connection, String schema, String versionTable) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schemaPattern = escape(meta, schema);
        TreeMap<String, Table> tables = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schemaPattern, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                tables.put(rs.getString("TABLE_NAME"), null);
            }
        }
        for (String name : List.copyOf(tables.keySet())) {
            tables.put(name, table(meta, schema, schemaPattern, name));
        }
        Optional<List<String>> versions = Optional.empty();
        for (String name : tables.keySet()) {
            if (name.equalsIgnoreCase(versionTable)) {
                versions = Optional.of(rows(connection, meta, schema, name));
            }
        }
        return new SchemaSnapshot(tables, versions);
    }

    /** This snapshot without the table {@code name} (compared ignoring case), e.g. the online migrator's lock table. */
    public SchemaSnapshot withoutTable(String name) {
        TreeMap<String, Table> rest = new TreeMap<>(tables);
        rest.keySet().removeIf(table -> table.equalsIgnoreCase(name));
        return new SchemaSnapshot(rest, versions);
    }

    private static Table table(DatabaseMetaData meta, String schema, String schemaPattern, String table)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schemaPattern, escape(meta, table), "%")) {
            TreeMap<Integer, Column> byPosition = new TreeMap<>();
            while (rs.next()) {
                String defaultValue = rs.getString("COLUMN_DEF");
                byPosition.put(rs.getInt("ORDINAL_POSITION"), new Column(
                        rs.getString("COLUMN_NAME"),
                        rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable,
                        defaultValue == null ? null : defaultValue.replace(schema, "<schema>"),
                        "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
            columns.addAll(byPosition.values());
        }
        TreeMap<Integer, String> primaryKey = new TreeMap<>();
        String primaryKeyName = null;
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                primaryKey.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                primaryKeyName = normalise(rs.getString("PK_NAME"));
            }
        }
        TreeMap<String, TreeMap<Integer, String>> indexColumns = new TreeMap<>();
        TreeMap<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue; // a table-statistics row
                }
                String column = rs.getString("COLUMN_NAME");
                indexColumns.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        column == null ? "<expression>" : column);
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        TreeMap<String, Index> indexes = new TreeMap<>();
        indexColumns.forEach((name, cols) -> {
            List<String> columnList = List.copyOf(cols.values());
            // Two generated names of one table normalise alike; their columns tell them apart.
            String key = normalise(name).equals(name) ? name : normalise(name) + columnList;
            indexes.put(key, new Index(unique.get(name), columnList));
        });
        TreeMap<String, List<String[]>> keyParts = new TreeMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                keyParts.computeIfAbsent(rs.getString("FK_NAME"), n -> new ArrayList<>()).add(new String[] {
                        rs.getString("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"),
                        rs.getString("PKCOLUMN_NAME"), rs.getString("DELETE_RULE"), rs.getString("UPDATE_RULE")});
            }
        }
        TreeMap<String, ForeignKey> foreignKeys = new TreeMap<>();
        keyParts.forEach((name, parts) -> {
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
            foreignKeys.put(name, new ForeignKey(parts.stream().map(p -> p[1]).toList(), parts.get(0)[2],
                    parts.stream().map(p -> p[3]).toList(), Integer.parseInt(parts.get(0)[4]),
                    Integer.parseInt(parts.get(0)[5])));
        });
        return new Table(List.copyOf(columns), List.copyOf(primaryKey.values()), primaryKeyName, indexes, foreignKeys);
    }

    private static List<String> rows(Connection connection, DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        String quote = meta.getIdentifierQuoteString().strip();
        String name = quote + schema.replace(quote, quote + quote) + quote + "." + quote
                + table.replace(quote, quote + quote) + quote;
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version_num FROM " + name)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        rows.sort(null);
        return List.copyOf(rows);
    }

    private static String normalise(String name) {
        return name == null ? null : GENERATED_COUNTER.matcher(name).replaceAll("#");
    }

    /** A name as a metadata search pattern: {@code _} and {@code %} are wildcards there. */
    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
