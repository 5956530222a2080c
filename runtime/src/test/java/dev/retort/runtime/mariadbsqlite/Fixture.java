package dev.retort.runtime.mariadbsqlite;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.operation.Operation;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One test database, an auto-commit connection, the operations over it, and a reader of
 * its schema through JDBC metadata that knows MariaDB calls a database a catalog.
 */
final class Fixture implements AutoCloseable {

    record ColumnInfo(String typeName, int size, int decimalDigits, boolean nullable, String defaultValue,
            boolean autoIncrement) {
    }

    record IndexInfo(boolean unique, List<String> columns) {
    }

    record ForeignKeyInfo(List<String> columns, String referentTable, List<String> referentColumns, int deleteRule,
            int updateRule) {
    }

    final TestDatabase db;
    final Connection connection;
    final Dialect dialect;
    final DefaultOperations op;
    final List<String> executed = new ArrayList<>();

    private final boolean ownsDatabase;

    Fixture(String kind) throws SQLException {
        this(TestDatabases.open(kind), true);
    }

    private Fixture(TestDatabase db, boolean ownsDatabase) throws SQLException {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        connection = db.dataSource().getConnection();
        dialect = Dialects.detect(connection);
        op = new DefaultOperations(dialect, sql -> {
            executed.add(sql);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, connection);
    }

    /** A fixture on a database the caller owns and closes. */
    static Fixture on(String kind, TestDatabase db) throws SQLException {
        return new Fixture(db, false);
    }

    String kind() {
        return db.kind();
    }

    boolean is(String kind) {
        return db.kind().equals(kind);
    }

    /** A name quoted by the dialect, for hand-written SQL. */
    String q(String name) {
        return dialect.quote(name);
    }

    void sql(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of every row, in order. */
    List<Object> query(String sql) throws SQLException {
        var values = new ArrayList<Object>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
        }
        return values;
    }

    /** Every row as a list of strings, in order. */
    List<List<String>> rows(String sql) throws SQLException {
        var rows = new ArrayList<List<String>>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    long count(String table) throws SQLException {
        return ((Number) query("SELECT COUNT(*) FROM " + q(table)).get(0)).longValue();
    }

    void reverse(Operation operation) {
        op.run(operation.reverse().orElseThrow(() -> new AssertionError(operation + " has no reverse")));
    }

    // ---- metadata ----

    private boolean catalogs() {
        return is("mariadb");
    }

    private String catalog() {
        return catalogs() ? db.schema() : null;
    }

    private String schema() {
        return catalogs() || is("sqlite") ? null : db.schema();
    }

    private DatabaseMetaData meta() throws SQLException {
        return connection.getMetaData();
    }

    private String stored(String name) {
        return dialect.denormalizeName(name);
    }

    private String normal(String name) {
        return name == null ? null : dialect.normalizeName(name);
    }

    TreeSet<String> tables() throws SQLException {
        var tables = new TreeSet<String>();
        try (ResultSet rs = meta().getTables(catalog(), schema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_")) {
                    tables.add(normal(name));
                }
            }
        }
        return tables;
    }

    Map<String, ColumnInfo> columns(String table) throws SQLException {
        var columns = new LinkedHashMap<String, ColumnInfo>();
        String escape = meta().getSearchStringEscape();
        String pattern = stored(table).replace(escape, escape + escape).replace("_", escape + "_")
                .replace("%", escape + "%");
        try (ResultSet rs = meta().getColumns(catalog(), schema(), pattern, "%")) {
            while (rs.next()) {
                columns.put(normal(rs.getString("COLUMN_NAME")), new ColumnInfo(rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rs.getString("COLUMN_DEF"),
                        "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    List<String> primaryKey(String table) throws SQLException {
        var bySequence = new TreeMap<Integer, String>();
        try (ResultSet rs = meta().getPrimaryKeys(catalog(), schema(), stored(table))) {
            while (rs.next()) {
                bySequence.put(rs.getInt("KEY_SEQ"), normal(rs.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(bySequence.values());
    }

    /** Indexes by name, columns in key order (SQLite's automatic indexes included as it reports them). */
    Map<String, IndexInfo> indexes(String table) throws SQLException {
        var columns = new TreeMap<String, TreeMap<Integer, String>>();
        var unique = new TreeMap<String, Boolean>();
        try (ResultSet rs = meta().getIndexInfo(catalog(), schema(), stored(table), false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                columns.computeIfAbsent(normal(name), n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        normal(rs.getString("COLUMN_NAME")));
                unique.put(normal(name), !rs.getBoolean("NON_UNIQUE"));
            }
        }
        var indexes = new TreeMap<String, IndexInfo>();
        columns.forEach((name, cols) -> indexes.put(name, new IndexInfo(unique.get(name), List.copyOf(cols.values()))));
        return indexes;
    }

    /** Foreign keys of {@code table}, by constraint name ("" for an unnamed one). */
    Map<String, ForeignKeyInfo> foreignKeys(String table) throws SQLException {
        var parts = new TreeMap<String, TreeMap<Integer, String[]>>();
        var rules = new TreeMap<String, int[]>();
        try (ResultSet rs = meta().getImportedKeys(catalog(), schema(), stored(table))) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                name = name == null ? "" : normal(name);
                parts.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"), new String[] {
                        normal(rs.getString("FKCOLUMN_NAME")), normal(rs.getString("PKTABLE_NAME")),
                        normal(rs.getString("PKCOLUMN_NAME"))});
                rules.put(name, new int[] {rs.getInt("DELETE_RULE"), rs.getInt("UPDATE_RULE")});
            }
        }
        var keys = new TreeMap<String, ForeignKeyInfo>();
        parts.forEach((name, rows) -> keys.put(name, new ForeignKeyInfo(
                rows.values().stream().map(r -> r[0]).toList(), rows.firstEntry().getValue()[1],
                rows.values().stream().map(r -> r[2]).toList(), rules.get(name)[0], rules.get(name)[1])));
        return keys;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (ownsDatabase) {
                db.close();
            }
        }
    }
}
