package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads a SQLite table's definition: columns, key and foreign keys from {@code PRAGMA
 * table_info} and {@code foreign_key_list}, indexes and unique constraints from {@code
 * index_list}/{@code index_info}, and what the pragmas do not tell — constraint names,
 * check constraints, {@code AUTOINCREMENT} — from the {@code CREATE TABLE} statement in
 * {@code sqlite_master}.
 */
final class SqliteTableReader {

    private final SqliteDialect dialect;
    private final Connection connection;
    private final Optional<String> schema;
    private final Set<String> skipped = new HashSet<>();

    /** A reader of the tables of {@code schema} ({@code main} when empty) on {@code connection}. */
    SqliteTableReader(SqliteDialect dialect, Connection connection, Optional<String> schema) {
        this.dialect = dialect;
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * @param mayLeaveOut accepts the partial or expression indexes, which the pragmas cannot
     *     describe, that may be left out (those the batch drops); any other is refused
     */
    TableDefinition read(String table, Predicate<String> mayLeaveOut) throws SQLException {
        String sql = tableSql(table);
        SqliteTableText parsed = SqliteTableText.parse(sql);
        boolean autoIncrement = sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");

        record RawColumn(String name, String type, boolean notNull, String defaultSql, int keyPosition, int hidden) {
        }
        List<RawColumn> raw = new ArrayList<>();
        // table_xinfo, not table_info: a rebuild must carry the generated columns, which table_info hides.
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.tableXinfoQuery(schema, table))) {
            while (rs.next()) {
                raw.add(new RawColumn(rs.getString("name"), rs.getString("type"), rs.getInt("notnull") != 0,
                        rs.getString("dflt_value"), rs.getInt("pk"), rs.getInt("hidden")));
            }
        }
        long keyColumns = raw.stream().filter(c -> c.keyPosition() > 0).count();

        // Unique constraints (origin u) and indexes created by CREATE INDEX (origin c).
        List<TableDefinition.Index> indexes = new ArrayList<>();
        List<List<String>> uniqueColumns = new ArrayList<>();
        record IndexHead(String name, boolean unique, String origin, boolean partial) {
        }
        List<IndexHead> heads = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.indexListQuery(schema, table))) {
            while (rs.next()) {
                heads.add(new IndexHead(rs.getString("name"), rs.getInt("unique") != 0, rs.getString("origin"),
                        rs.getInt("partial") != 0));
            }
        }
        for (IndexHead head : heads) {
            if ("pk".equals(head.origin())) {
                continue;
            }
            List<String> columns = indexColumns(head.name());
            if ("c".equals(head.origin()) && (head.partial() || columns.isEmpty())) {
                if (mayLeaveOut.test(head.name())) {
                    skipped.add(head.name()); // goes with the old table; the batch drops it anyway
                    continue;
                }
                throw new SQLException("batchAlterTable of " + table + " must rebuild the table, and its index "
                        + head.name() + " is partial or on an expression, which the rebuild cannot recreate yet. "
                        + "Drop it in the batch (batch.dropIndex(\"" + head.name() + "\")) and create it again "
                        + "after the batch with op.createIndex(\"" + head.name() + "\", \"" + table + "\", ix -> …).");
            }
            if ("u".equals(head.origin())) {
                uniqueColumns.add(columns);
            } else if (!columns.isEmpty()) {
                indexes.add(new TableDefinition.Index(head.name(), columns, head.unique()));
            }
        }

        List<Column> columns = new ArrayList<>();
        List<TableDefinition.UniqueConstraint> uniques = new ArrayList<>();
        for (List<String> unique : uniqueColumns) {
            Optional<String> name = Optional.ofNullable(parsed.uniqueNames().get(unique));
            if (name.isEmpty() && unique.size() == 1) {
                continue; // a column's own UNIQUE, kept on the column below
            }
            uniques.add(new TableDefinition.UniqueConstraint(name, unique));
        }
        for (RawColumn c : raw) {
            Type type = SqliteTableText.declaredType(c.type());
            Column column = Column.of(c.name(), type);
            if (c.keyPosition() > 0) {
                column = column.primaryKey();
            } else if (c.notNull()) {
                column = column.notNull();
            }
            if (autoIncrement && c.keyPosition() > 0 && keyColumns == 1 && type.isInteger()) {
                column = column.autoIncrement();
            } else if (c.hidden() == 2 || c.hidden() == 3) {
                column = column.computed(SqliteTableText.generatedExpression(sql, c.name(), table), c.hidden() == 3);
            } else if (c.defaultSql() != null) {
                column = column.serverDefault(Expr.raw(c.defaultSql()));
            }
            if (uniqueColumns.contains(List.of(c.name())) && !parsed.uniqueNames().containsKey(List.of(c.name()))) {
                column = column.unique();
            }
            columns.add(column);
        }

        List<TableDefinition.ForeignKey> foreignKeys = new ArrayList<>();
        record FkRow(String table, String from, String to, String onUpdate, String onDelete) {
        }
        Map<Integer, TreeMap<Integer, FkRow>> byId = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.foreignKeyListQuery(schema, table))) {
            while (rs.next()) {
                byId.computeIfAbsent(rs.getInt("id"), id -> new TreeMap<>()).put(rs.getInt("seq"),
                        new FkRow(rs.getString("table"), rs.getString("from"), rs.getString("to"),
                                rs.getString("on_update"), rs.getString("on_delete")));
            }
        }
        // PRAGMA foreign_key_list numbers the keys in reverse order of declaration.
        List<Integer> ids = new ArrayList<>(byId.keySet());
        ids.sort((a, b) -> Integer.compare(b, a));
        for (Integer id : ids) {
            List<FkRow> rows = List.copyOf(byId.get(id).values());
            List<String> from = rows.stream().map(FkRow::from).toList();
            FkRow first = rows.get(0);
            List<String> to = rows.stream().map(FkRow::to).toList();
            if (to.contains(null)) {
                to = primaryKeyOf(first.table(), from.size());
            }
            foreignKeys.add(new TableDefinition.ForeignKey(Optional.ofNullable(parsed.foreignKeyNames().get(from)),
                    from, first.table(), to, action(first.onDelete()), action(first.onUpdate())));
        }
        return new TableDefinition(columns, uniques, parsed.checks(), foreignKeys, indexes);
    }

    /** The partial and expression indexes {@link #read} left out because the batch drops them. */
    Set<String> skippedIndexes() {
        return Set.copyOf(skipped);
    }

    private String tableSql(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.tableSqlQuery(schema))) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("batchAlterTable: table " + table + " does not exist in "
                            + schema.orElse("main") + "; check the name (SQLite keeps its case)");
                }
                return rs.getString(1);
            }
        }
    }

    private List<String> indexColumns(String index) throws SQLException {
        TreeMap<Integer, String> columns = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.indexInfoQuery(schema, index))) {
            while (rs.next()) {
                String name = rs.getString("name");
                if (name == null) {
                    return List.of(); // an index on an expression: not rebuilt from the pragmas
                }
                columns.put(rs.getInt("seqno"), name);
            }
        }
        return List.copyOf(columns.values());
    }

    /** The referenced table's primary key, for {@code REFERENCES t} without columns. */
    private List<String> primaryKeyOf(String table, int size) throws SQLException {
        TreeMap<Integer, String> key = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.tableInfoQuery(schema, table))) {
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    key.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
        }
        if (key.size() != size) {
            throw new SQLException("batchAlterTable: a foreign key references table " + table
                    + " without naming columns, and its primary key does not match");
        }
        return List.copyOf(key.values());
    }

    private static Optional<ReferentialAction> action(String sql) {
        if (sql == null) {
            return Optional.empty();
        }
        return switch (sql.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> Optional.of(ReferentialAction.CASCADE);
            case "SET NULL" -> Optional.of(ReferentialAction.SET_NULL);
            case "SET DEFAULT" -> Optional.of(ReferentialAction.SET_DEFAULT);
            case "RESTRICT" -> Optional.of(ReferentialAction.RESTRICT);
            default -> Optional.empty(); // NO ACTION, the default
        };
    }
}
