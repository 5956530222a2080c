package dev.retort.runtime.dataops;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real database for these tests: the migration connection (auto-commit off, as the
 * migrator runs every migration in a transaction), the operations over it, and a second,
 * auto-commit connection that sees only what was committed.
 */
final class Db implements AutoCloseable {

    /** An index as JDBC metadata reports it, names as a migration writes them. */
    record Index(boolean unique, List<String> columns) {
    }

    final TestDatabase db;
    final Connection connection;
    final Connection observer;
    final Dialect dialect;
    final DefaultOperations op;
    final List<String> statements = new ArrayList<>();

    Db(String kind) throws SQLException {
        db = TestDatabases.open(kind);
        connection = db.dataSource().getConnection();
        connection.setAutoCommit(false);
        observer = db.dataSource().getConnection();
        dialect = Dialects.detect(connection);
        op = new DefaultOperations(dialect, sql -> {
            statements.add(sql);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, connection);
    }

    boolean postgres() {
        return db.kind().equals("postgresql");
    }

    /** Runs SQL on the auto-commit observer connection. */
    void sql(String sql) throws SQLException {
        try (Statement statement = observer.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every row of a query on the observer connection, each as a list of its columns. */
    List<List<Object>> rows(String sql) throws SQLException {
        var rows = new ArrayList<List<Object>>();
        try (Statement statement = observer.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The single value of a query on the observer connection. */
    <T> T value(String sql, Class<T> type) throws SQLException {
        try (Statement statement = observer.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("No row from " + sql);
            }
            return rs.getObject(1, type);
        }
    }

    /** Indexes of {@code table} by name, from JDBC metadata. */
    Map<String, Index> indexes(String table) throws SQLException {
        var columns = new TreeMap<String, TreeMap<Integer, String>>();
        var unique = new TreeMap<String, Boolean>();
        try (ResultSet rs = observer.getMetaData().getIndexInfo(null, db.schema(), dialect.denormalizeName(table),
                false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                name = dialect.normalizeName(name);
                String column = rs.getString("COLUMN_NAME");
                columns.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        column == null ? null : dialect.normalizeName(column));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        var indexes = new TreeMap<String, Index>();
        columns.forEach((name, cols) -> indexes.put(name, new Index(unique.get(name), List.copyOf(cols.values()))));
        return indexes;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
            observer.close();
        } finally {
            db.close();
        }
    }
}
