package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads an H2 2.x schema from {@code INFORMATION_SCHEMA} in five queries: tables and
 * sequences, columns, constraints (with their foreign-key rules and check clauses),
 * constraint columns, and indexes with their columns. {@code INFORMATION_SCHEMA.SEQUENCES}
 * leaves out the sequences H2 makes for identity columns: those are the columns'.
 */
final class H2CatalogReader implements CatalogReader {

    /** H2 reports the largest length for an unbounded {@code CHARACTER VARYING} or {@code BINARY VARYING}. */
    private static final long UNBOUNDED = 1_000_000_000L;

    // Sequences ride on the tables' query, so a schema costs no more queries for having them.
    private static final String TABLES = "SELECT TABLE_NAME, REMARKS, FALSE, CAST(NULL AS BIGINT),"
            + " CAST(NULL AS BIGINT) FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"
            + " UNION ALL SELECT SEQUENCE_NAME, REMARKS, TRUE, START_VALUE, INCREMENT"
            + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?";

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT,"
            + " IS_NULLABLE, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_IDENTITY,"
            + " REMARKS, IS_GENERATED, GENERATION_EXPRESSION, IDENTITY_GENERATION, DATETIME_PRECISION"
            + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?";

    private static final String CONSTRAINTS = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE,"
            + " rc.UNIQUE_CONSTRAINT_NAME, rc.UPDATE_RULE, rc.DELETE_RULE, cc.CHECK_CLAUSE, rc.UNIQUE_CONSTRAINT_SCHEMA"
            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
            + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
            + " ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
            + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.TABLE_SCHEMA = ?";

    // With the keys of other schemas that this schema's foreign keys reference.
    private static final String KEY_COLUMNS = "SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION,"
            + " POSITION_IN_UNIQUE_CONSTRAINT, CONSTRAINT_SCHEMA FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
            + " WHERE TABLE_SCHEMA = ? OR (CONSTRAINT_SCHEMA, CONSTRAINT_NAME) IN (SELECT UNIQUE_CONSTRAINT_SCHEMA,"
            + " UNIQUE_CONSTRAINT_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?)";

    // IS_GENERATED marks the indexes H2 made for a constraint; an index the user created
    // stays even when a foreign key later uses it.
    private static final String INDEXES = "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME,"
            + " c.ORDINAL_POSITION FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
            + " WHERE i.TABLE_SCHEMA = ? AND i.IS_GENERATED = FALSE AND i.INDEX_TYPE_NAME <> 'PRIMARY KEY'";

    private record Constraint(String table, String name, String type, String referenced, String updateRule,
            String deleteRule, String check, String referencedSchema) {
    }

    /** @param referencedPosition for a foreign key's column, the position of the column it references */
    private record KeyColumn(String table, String column, int referencedPosition) {
    }

    @Override
    public Metadata read(Connection connection, Dialect dialect, String schema, Predicate<String> includeTable)
            throws SQLException {
        SchemaAssembly assembly = new SchemaAssembly();
        Map<String, String> tableNames = new HashMap<>(); // as stored -> as written
        query(connection, TABLES, schema, rs -> {
            String name = dialect.normalizeName(rs.getString(1));
            if (rs.getBoolean(3)) {
                assembly.addSequence(name, rs.getLong(4), rs.getLong(5));
            } else if (includeTable.test(name)) {
                tableNames.put(rs.getString(1), name);
                assembly.add(name).comment = Optional.ofNullable(rs.getString(2));
            }
        });
        query(connection, COLUMNS, schema, rs -> {
            String table = tableNames.get(rs.getString(1));
            if (table == null) {
                return;
            }
            Type type = timestampPrecision(type(rs.getString(6), rs.getLong(7), rs.wasNull(), rs.getInt(8),
                    rs.getInt(9)), rs.getInt(15));
            boolean generated = "ALWAYS".equals(rs.getString(12));
            Column.AutoIncrement identity = !"YES".equals(rs.getString(10)) ? null
                    : "ALWAYS".equals(rs.getString(14)) ? Column.AutoIncrement.ALWAYS : Column.AutoIncrement.BY_DEFAULT;
            var column = SchemaAssembly.column(dialect.normalizeName(rs.getString(2)),
                    type, "YES".equals(rs.getString(5)), identity,
                    generated ? null : Defaults.parse(rs.getString(4)), rs.getString(11));
            // H2 computes on write: its generated columns are stored.
            assembly.get(table).columns.put(rs.getInt(3), generated ? column.computed(rs.getString(13), true) : column);
        });
        List<Constraint> constraints = new ArrayList<>();
        query(connection, CONSTRAINTS, schema, rs -> constraints.add(new Constraint(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8))));
        Map<String, TreeMap<Integer, KeyColumn>> keyColumns = new HashMap<>();
        query(connection, KEY_COLUMNS, schema, rs -> keyColumns.computeIfAbsent(rs.getString(6) + '.' + rs.getString(1),
                k -> new TreeMap<>())
                .put(rs.getInt(4), new KeyColumn(rs.getString(2), rs.getString(3), rs.getInt(5))));
        for (Constraint constraint : constraints) {
            String table = tableNames.get(constraint.table());
            if (table == null) {
                continue;
            }
            SchemaAssembly.Parts parts = assembly.get(table);
            String name = dialect.normalizeName(constraint.name());
            List<String> columns = columns(keyColumns.get(schema + '.' + constraint.name()), dialect);
            switch (constraint.type()) {
                case "PRIMARY KEY" -> parts.primaryKey = new PrimaryKey(Optional.of(name), columns);
                case "UNIQUE" -> parts.uniques.put(name, new UniqueConstraint(Optional.of(name), columns));
                case "CHECK" -> parts.checks.put(name, new CheckConstraint(Optional.of(name), constraint.check()));
                case "FOREIGN KEY" -> {
                    // Each column names the position of the column it references in the
                    // referenced table's primary key or unique constraint.
                    TreeMap<Integer, KeyColumn> referenced = keyColumns.get(constraint.referencedSchema() + '.'
                            + constraint.referenced());
                    if (referenced == null || referenced.isEmpty()) {
                        continue;
                    }
                    String referentTable = dialect.normalizeName(referenced.firstEntry().getValue().table());
                    List<String> referentColumns = keyColumns.get(schema + '.' + constraint.name()).values().stream()
                            .map(c -> dialect.normalizeName(referenced.get(c.referencedPosition()).column()))
                            .toList();
                    parts.foreignKeys.put(name, new ForeignKey(Optional.of(name), columns, referentTable,
                            referentColumns, SchemaAssembly.action(constraint.deleteRule()),
                            SchemaAssembly.action(constraint.updateRule()),
                            SchemaAssembly.otherSchema(constraint.referencedSchema(), schema, dialect)));
                }
                default -> {
                    // Other kinds (none in H2 2.x) are not part of the model.
                }
            }
        }
        Map<String, LinkedHashMap<Integer, String>> indexColumns = new HashMap<>();
        Map<String, String[]> indexes = new TreeMap<>();
        query(connection, INDEXES, schema, rs -> {
            String table = tableNames.get(rs.getString(1));
            if (table == null) {
                return;
            }
            indexes.put(rs.getString(2), new String[] {table, rs.getString(3)});
            indexColumns.computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
                    .put(rs.getInt(5), dialect.normalizeName(rs.getString(4)));
        });
        indexes.forEach((stored, tableAndType) -> {
            String name = dialect.normalizeName(stored);
            List<String> columns = new TreeMap<>(indexColumns.get(stored)).values().stream().toList();
            assembly.get(tableAndType[0]).indexes.put(name,
                    new Index(name, columns, tableAndType[1].startsWith("UNIQUE")));
        });
        return assembly.build();
    }

    private static List<String> columns(TreeMap<Integer, KeyColumn> columns, Dialect dialect) {
        if (columns == null) {
            return List.of(); // a check names its columns in its condition
        }
        return columns.values().stream().map(c -> dialect.normalizeName(c.column())).toList();
    }

    /**
     * Six fractional digits is what {@code TIMESTAMP} means on H2 (as on PostgreSQL);
     * {@code TIMESTAMP(3)} is a type of its own, kept raw so a model's {@code TIMESTAMP} is
     * seen to differ from it.
     */
    static Type timestampPrecision(Type type, int precision) {
        if (precision == 6 || !type.equals(Type.TIMESTAMP) && !type.equals(Type.TIMESTAMP_TZ)) {
            return type;
        }
        return Type.raw(type.equals(Type.TIMESTAMP) ? "TIMESTAMP(" + precision + ")"
                : "TIMESTAMP(" + precision + ") WITH TIME ZONE");
    }

    /** H2's {@code DATA_TYPE} and its sizes as a portable type; the rest as {@code Type.raw}. */
    static Type type(String dataType, long length, boolean noLength, int precision, int scale) {
        return switch (dataType) {
            case "INTEGER" -> Type.INTEGER;
            case "BIGINT" -> Type.BIGINT;
            case "SMALLINT" -> Type.SMALLINT;
            case "BOOLEAN" -> Type.BOOLEAN;
            case "CHARACTER VARYING" -> noLength || length >= UNBOUNDED ? Type.TEXT : Type.varchar((int) length);
            case "CHARACTER LARGE OBJECT" -> Type.TEXT;
            case "NUMERIC" -> precision > 0 ? Type.numeric(precision, scale) : Type.raw("NUMERIC");
            case "DOUBLE PRECISION" -> Type.DOUBLE;
            case "REAL" -> Type.REAL;
            case "CHARACTER" -> noLength ? Type.raw("CHARACTER") : Type.character((int) length);
            case "DATE" -> Type.DATE;
            case "TIME" -> Type.TIME;
            case "TIMESTAMP" -> Type.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> Type.TIMESTAMP_TZ;
            case "BINARY VARYING" -> noLength || length >= UNBOUNDED ? Type.BINARY : Type.varbinary((int) length);
            case "BINARY LARGE OBJECT" -> Type.BINARY;
            case "UUID" -> Type.UUID;
            case "JSON" -> Type.JSON;
            case "BINARY" -> Type.raw(dataType + (noLength ? "" : "(" + length + ")"));
            default -> Type.raw(dataType);
        };
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code schema} for each of its parameters, passing each row to {@code row}. */
    static void query(Connection connection, String sql, String schema, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = (int) sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, schema);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
