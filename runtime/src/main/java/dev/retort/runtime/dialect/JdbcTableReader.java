package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Type;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a table's definition through JDBC {@link DatabaseMetaData}, for rebuilding it on
 * the databases that can change tables in place (H2, PostgreSQL, MariaDB) when {@code
 * recreate = ALWAYS} asks for it: columns (types as the database reports them, kept as raw
 * types), primary key, foreign keys in both directions and indexes. Unique constraints come
 * back as unique indexes of the same name. JDBC does not report check constraints, so a
 * rebuilt table has none: state them again, or rebuild with {@code copyFrom}.
 */
final class JdbcTableReader {

    /** Names the database gave indexes it made for constraints: H2's {@code …_INDEX_n}. */
    private static final Pattern GENERATED_INDEX = Pattern.compile("(?i).*_INDEX_[0-9A-F]+");

    /** Names of primary-key indexes: H2's {@code PRIMARY_KEY_…}, MariaDB's {@code PRIMARY}. */
    private static final Pattern PRIMARY_KEY_INDEX = Pattern.compile("(?i)PRIMARY_KEY_.*|PRIMARY");

    private final Dialect dialect;
    private final Connection connection;
    private final String catalog;
    private final String schema;

    JdbcTableReader(Dialect dialect, Connection connection, Optional<String> schema) throws SQLException {
        this.dialect = dialect;
        this.connection = connection;
        boolean catalogs = dialect.schemasAreCatalogs();
        this.catalog = catalogs ? schema.orElse(connection.getCatalog()) : null;
        this.schema = catalogs ? null : schema.map(dialect::denormalizeName).orElse(connection.getSchema());
    }

    TableDefinition read(String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = dialect.denormalizeName(table);
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, String> key = new TreeMap<>();
        String keyName = null;
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, stored)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                keyName = rs.getString("PK_NAME");
            }
        }
        try (ResultSet rs = meta.getColumns(catalog, schema, escape(meta, stored), "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                Type type = type(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"));
                Column column = Column.of(dialect.normalizeName(name), type);
                if (key.containsValue(name)) {
                    column = column.primaryKey();
                } else if (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) {
                    column = column.notNull();
                }
                String remarks = rs.getString("REMARKS");
                if (remarks != null && !remarks.isEmpty()) {
                    column = column.comment(remarks);
                }
                String defaultSql = rs.getString("COLUMN_DEF");
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT")) && type.isInteger()) {
                    column = column.autoIncrement();
                } else if (defaultSql != null && !defaultSql.isBlank() && !defaultSql.equalsIgnoreCase("NULL")) {
                    column = column.serverDefault(Expr.raw(defaultSql));
                }
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("batchAlterTable: table " + table + " does not exist (looked for " + stored
                    + (schema == null ? "" : " in schema " + schema) + (catalog == null ? "" : " in " + catalog) + ")");
        }

        List<TableDefinition.ForeignKey> foreignKeys = new ArrayList<>();
        Set<String> foreignKeyNames = new HashSet<>();
        for (Key k : keys(meta.getImportedKeys(catalog, schema, stored))) {
            foreignKeys.add(new TableDefinition.ForeignKey(Optional.ofNullable(k.name()), k.columns(),
                    k.referentTable(), k.referentColumns(), k.onDelete(), k.onUpdate()));
            foreignKeyNames.add(k.name());
        }

        Map<String, TreeMap<Integer, String>> indexColumns = new LinkedHashMap<>();
        Map<String, Boolean> indexUnique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, stored, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null || name.equals(keyName) || PRIMARY_KEY_INDEX.matcher(name).matches()) {
                    continue;
                }
                indexColumns.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        dialect.normalizeName(column));
                indexUnique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<TableDefinition.Index> indexes = new ArrayList<>();
        List<TableDefinition.UniqueConstraint> uniques = new ArrayList<>();
        Set<List<String>> foreignKeyColumns = new HashSet<>();
        foreignKeys.forEach(k -> foreignKeyColumns.add(k.columns()));
        indexColumns.forEach((name, map) -> {
            List<String> cols = List.copyOf(map.values());
            boolean unique = indexUnique.get(name);
            boolean generated = GENERATED_INDEX.matcher(name).matches();
            if (!unique && (foreignKeyNames.contains(name) || generated && foreignKeyColumns.contains(cols))) {
                return; // made for a foreign key, which brings its own again
            }
            if (unique && generated) {
                // H2's index behind a unique constraint: recreate the constraint (a foreign key may need it).
                uniques.add(new TableDefinition.UniqueConstraint(Optional.empty(), cols));
            } else {
                indexes.add(new TableDefinition.Index(dialect.normalizeName(name), cols, unique));
            }
        });
        return new TableDefinition(columns, uniques, List.of(), foreignKeys, indexes);
    }

    /** Foreign keys of other tables that reference {@code table}. */
    List<CreateForeignKey> referencing(String table, Optional<String> schemaOfOperation) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = dialect.denormalizeName(table);
        List<CreateForeignKey> referencing = new ArrayList<>();
        for (Key k : keys(meta.getExportedKeys(catalog, schema, stored))) {
            if (k.table().equals(dialect.normalizeName(stored))) {
                continue; // a self-reference goes with the table
            }
            if (k.name() == null) {
                throw new SQLException("batchAlterTable: table " + k.table() + " references " + table
                        + " through an unnamed foreign key, which cannot be dropped and recreated around the copy");
            }
            CreateForeignKey.Builder builder = CreateForeignKey.builder(k.name(), k.table(), k.columns(), table,
                    k.referentColumns());
            schemaOfOperation.ifPresent(s -> builder.schema(s).referentSchema(s));
            k.onDelete().ifPresent(builder::onDelete);
            k.onUpdate().ifPresent(builder::onUpdate);
            referencing.add(builder.build());
        }
        return referencing;
    }

    private record Key(String name, String table, List<String> columns, String referentTable,
            List<String> referentColumns, Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {
    }

    private List<Key> keys(ResultSet rs) throws SQLException {
        record Part(String fkTable, String fkColumn, String pkTable, String pkColumn, int delete, int update) {
        }
        Map<String, TreeMap<Integer, Part>> byName = new LinkedHashMap<>();
        try (rs) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String fkTable = rs.getString("FKTABLE_NAME");
                byName.computeIfAbsent(fkTable + "\u0000" + name, n -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"),
                        new Part(fkTable, rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"),
                                rs.getString("PKCOLUMN_NAME"), rs.getInt("DELETE_RULE"), rs.getInt("UPDATE_RULE")));
            }
        }
        List<Key> keys = new ArrayList<>();
        byName.forEach((id, parts) -> {
            Part first = parts.firstEntry().getValue();
            String name = id.substring(id.indexOf('\u0000') + 1);
            keys.add(new Key(name.equals("null") ? null : dialect.normalizeName(name),
                    dialect.normalizeName(first.fkTable()),
                    parts.values().stream().map(p -> dialect.normalizeName(p.fkColumn())).toList(),
                    dialect.normalizeName(first.pkTable()),
                    parts.values().stream().map(p -> dialect.normalizeName(p.pkColumn())).toList(),
                    action(first.delete()), action(first.update())));
        });
        return keys;
    }

    private static Optional<ReferentialAction> action(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> Optional.of(ReferentialAction.CASCADE);
            case DatabaseMetaData.importedKeySetNull -> Optional.of(ReferentialAction.SET_NULL);
            case DatabaseMetaData.importedKeySetDefault -> Optional.of(ReferentialAction.SET_DEFAULT);
            case DatabaseMetaData.importedKeyRestrict -> Optional.of(ReferentialAction.RESTRICT);
            default -> Optional.empty();
        };
    }

    /**
     * The reported type as SQL: the integer kinds portable (so identities survive), the
     * others raw, with the length of character and binary types, the precision and scale
     * of decimals, and the fractional seconds of times.
     */
    private static Type type(String name, int size, int digits) {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "integer", "int", "int4", "serial" -> {
                return Type.INTEGER;
            }
            case "bigint", "int8", "bigserial" -> {
                return Type.BIGINT;
            }
            case "smallint", "int2" -> {
                return Type.SMALLINT;
            }
            default -> {
            }
        }
        boolean unbounded = size <= 0 || size >= 1_000_000_000;
        if ((lower.contains("char") || lower.contains("binary")) && !unbounded && !lower.contains("large object")) {
            String sql = lower.equals("bpchar") ? "char" : name;
            return Type.raw(sql + "(" + size + ")");
        }
        if (lower.equals("numeric") || lower.equals("decimal")) {
            return Type.raw(name + "(" + size + ", " + digits + ")");
        }
        if ((lower.startsWith("time") || lower.startsWith("datetime")) && digits > 0) {
            return Type.raw(name.replaceFirst("(?i)^(timestamptz|timestamp|timetz|time|datetime)", "$1(" + digits + ")"));
        }
        return Type.raw(name);
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
