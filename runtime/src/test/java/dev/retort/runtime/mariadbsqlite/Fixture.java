package dev.retort.runtime.mariadbsqlite;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.operation.Operation;
import dev.retort.testing.SchemaReader;
import dev.retort.testing.SchemaReader.ColumnInfo;
import dev.retort.testing.SchemaReader.ForeignKeyInfo;
import dev.retort.testing.SchemaReader.IndexInfo;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One test database, an auto-commit connection, the operations over it, and the shared
 * reader of its schema through JDBC metadata ({@link SchemaReader}).
 */
final class Fixture implements AutoCloseable {

    final TestDatabase db;
    final Connection connection;
    final Dialect dialect;
    final DefaultOperations op;
    final SchemaReader schema;
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
        schema = new SchemaReader(connection, db, dialect);
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

    // ---- metadata, through the shared reader ----

    TreeSet<String> tables() throws SQLException {
        return schema.tables();
    }

    Map<String, ColumnInfo> columns(String table) throws SQLException {
        return schema.columns(table);
    }

    List<String> primaryKey(String table) throws SQLException {
        return schema.primaryKey(table);
    }

    /** Indexes by name, columns in key order (SQLite's automatic indexes included as it reports them). */
    Map<String, IndexInfo> indexes(String table) throws SQLException {
        return schema.indexes(table);
    }

    /** Foreign keys of {@code table}, by constraint name ("" for an unnamed one). */
    Map<String, ForeignKeyInfo> foreignKeys(String table) throws SQLException {
        return schema.foreignKeys(table);
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
