package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MariaDB 10.11+ (or MySQL 8) database from {@code information_schema} in five
 * queries: tables and sequences, columns, constraints (with foreign-key rules and check
 * clauses), constraint columns, and index columns. A MariaDB sequence is a table of type
 * {@code SEQUENCE} whose start and increment {@code information_schema} does not show: each
 * sequence costs one more query, {@code SELECT start_value, increment FROM sequence}; a
 * schema without sequences costs none. MySQL has no sequences.
 *
 * <p>What the dialect writes comes back as the portable type: {@code DATETIME(6)} is
 * {@code TIMESTAMP}, {@code TIMESTAMP(6)} {@code TIMESTAMP_TZ}, {@code LONGTEXT} {@code
 * TEXT} (or {@code JSON} when MariaDB guards it with its automatic {@code json_valid} check,
 * which is then not reported as a check), {@code TINYINT(1)} and {@code BIT(1)} {@code BOOLEAN}, {@code UUID}
 * (MariaDB) or {@code CHAR(36)} (MySQL) {@code UUID}. A unique key is a unique constraint
 * (MariaDB does not tell a {@code CREATE UNIQUE INDEX} from a {@code UNIQUE} constraint);
 * the indexes backing the primary key, unique keys and foreign keys (named after the key)
 * are not reported as indexes.
 */
final class MariaDbCatalogReader implements CatalogReader {

    private static final String TABLES = "SELECT TABLE_NAME, TABLE_COMMENT, TABLE_TYPE = 'SEQUENCE'"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE')";

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT,"
            + " IS_NULLABLE, DATA_TYPE, COLUMN_TYPE, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?";

    // MariaDB names checks per table (CHECK_CONSTRAINTS has TABLE_NAME), MySQL per schema.
    private static final String CONSTRAINTS_MARIADB = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE,"
            + " rc.UPDATE_RULE, rc.DELETE_RULE, cc.CHECK_CLAUSE"
            + " FROM information_schema.TABLE_CONSTRAINTS tc"
            + " LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND rc.TABLE_NAME = tc.TABLE_NAME AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND cc.TABLE_NAME = tc.TABLE_NAME AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.TABLE_SCHEMA = ?";

    private static final String CONSTRAINTS_MYSQL = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE,"
            + " rc.UPDATE_RULE, rc.DELETE_RULE, cc.CHECK_CLAUSE"
            + " FROM information_schema.TABLE_CONSTRAINTS tc"
            + " LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND rc.TABLE_NAME = tc.TABLE_NAME AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.TABLE_SCHEMA = ?";

    private static final String KEY_COLUMNS = "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION,"
            + " REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, REFERENCED_TABLE_SCHEMA"
            + " FROM information_schema.KEY_COLUMN_USAGE"
            + " WHERE TABLE_SCHEMA = ?";

    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME,"
            + " SUB_PART FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?";

    private static final Pattern SIZED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)( unsigned)?");
    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(`?([^`)]+)`?\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("(?i)current_timestamp(\\(\\d*\\))?");

    /** MySQL rather than MariaDB: its constraint catalogue, its defaults and its {@code CHAR(36)} UUIDs differ. */
    private final boolean mysql;

    MariaDbCatalogReader(boolean mysql) {
        this.mysql = mysql;
    }

    private record Constraint(String table, String name, String type, String updateRule, String deleteRule,
            String check) {
    }

    private record KeyColumn(String column, String referencedTable, String referencedColumn, String referencedSchema) {
    }

    private record RawColumn(String table, String name, int position, String reportedDefault, boolean nullable,
            String dataType, String columnType, String extra, String comment, String generation) {
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public Metadata read(Connection connection, Dialect dialect, String schema, Predicate<String> includeTable)
            throws SQLException {
        SchemaAssembly assembly = new SchemaAssembly();
        List<String> sequences = new ArrayList<>();
        H2CatalogReader.query(connection, TABLES, schema, rs -> {
            String name = dialect.normalizeName(rs.getString(1));
            if (rs.getBoolean(3)) {
                sequences.add(rs.getString(1));
            } else if (includeTable.test(name)) {
                assembly.add(name).comment = nonEmpty(rs.getString(2));
            }
        });
        for (String sequence : sequences) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT start_value, increment FROM " + dialect.qualify(schema, sequence))) {
                rs.next();
                assembly.addSequence(dialect.normalizeName(sequence), rs.getLong(1), rs.getLong(2));
            }
        }
        List<RawColumn> rawColumns = new ArrayList<>();
        H2CatalogReader.query(connection, COLUMNS, schema, rs -> {
            if (assembly.get(rs.getString(1)) != null) {
                rawColumns.add(new RawColumn(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        "YES".equals(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10)));
            }
        });
        List<Constraint> constraints = new ArrayList<>();
        H2CatalogReader.query(connection, mysql ? CONSTRAINTS_MYSQL : CONSTRAINTS_MARIADB, schema, rs -> {
            if (assembly.get(rs.getString(1)) != null) {
                constraints.add(new Constraint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        });
        // Constraint names are per table (PRIMARY in every table; unique keys are indexes).
        Map<String, TreeMap<Integer, KeyColumn>> keyColumns = new HashMap<>();
        H2CatalogReader.query(connection, KEY_COLUMNS, schema, rs -> keyColumns
                .computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new TreeMap<>())
                .put(rs.getInt(4), new KeyColumn(rs.getString(3), rs.getString(5), rs.getString(6), rs.getString(7))));

        // MariaDB's JSON is LONGTEXT guarded by CHECK (json_valid(`column`)) named after the column.
        Set<String> jsonColumns = new HashSet<>();
        for (Constraint constraint : constraints) {
            if ("CHECK".equals(constraint.type()) && constraint.check() != null) {
                Matcher json = JSON_VALID.matcher(constraint.check().strip());
                if (json.matches() && json.group(1).equals(constraint.name())) {
                    jsonColumns.add(constraint.table() + "\u0000" + constraint.name());
                }
            }
        }
        for (RawColumn raw : rawColumns) {
            boolean json = jsonColumns.contains(raw.table() + "\u0000" + raw.name());
            Type type = json ? Type.JSON : type(raw.dataType(), raw.columnType(), mysql);
            boolean autoIncrement = raw.extra() != null && raw.extra().toLowerCase(Locale.ROOT).contains("auto_increment");
            String extra = raw.extra() == null ? "" : raw.extra().toUpperCase(Locale.ROOT);
            // A generated column ("STORED GENERATED", MariaDB's "PERSISTENT GENERATED", "VIRTUAL
            // GENERATED") has no default; MySQL's DEFAULT_GENERATED marks an expression default.
            boolean generated = raw.generation() != null && !raw.generation().isBlank()
                    && extra.contains("GENERATED") && !extra.contains("DEFAULT_GENERATED");
            Expr serverDefault = generated ? null : defaultOf(raw, type, mysql);
            Column column = SchemaAssembly.column(dialect.normalizeName(raw.name()),
                    type, raw.nullable(), autoIncrement, serverDefault, nonEmpty(raw.comment()).orElse(null));
            if (generated) {
                column = column.computed(raw.generation(), !extra.contains("VIRTUAL"));
            }
            assembly.get(raw.table()).columns.put(raw.position(), column);
        }

        Map<String, Set<String>> keyNames = new HashMap<>(); // per table: indexes that back a key
        Map<String, Set<List<String>>> foreignKeyColumns = new HashMap<>(); // per table: raw column lists
        for (Constraint constraint : constraints) {
            SchemaAssembly.Parts parts = assembly.get(constraint.table());
            String name = dialect.normalizeName(constraint.name());
            TreeMap<Integer, KeyColumn> columns = keyColumns.get(constraint.table() + "\u0000" + constraint.name());
            List<String> names = columns == null ? List.of()
                    : columns.values().stream().map(c -> dialect.normalizeName(c.column())).toList();
            switch (constraint.type()) {
                case "PRIMARY KEY" -> {
                    // MariaDB names every primary key PRIMARY: no name worth keeping.
                    parts.primaryKey = new PrimaryKey(Optional.empty(), names);
                    keyNames.computeIfAbsent(constraint.table(), k -> new HashSet<>()).add(constraint.name());
                }
                case "UNIQUE" -> {
                    parts.uniques.put(name, new UniqueConstraint(Optional.of(name), names));
                    keyNames.computeIfAbsent(constraint.table(), k -> new HashSet<>()).add(constraint.name());
                }
                case "CHECK" -> {
                    if (!jsonColumns.contains(constraint.table() + "\u0000" + constraint.name())) {
                        parts.checks.put(name, new CheckConstraint(Optional.of(name), constraint.check()));
                    }
                }
                case "FOREIGN KEY" -> {
                    if (columns == null || columns.isEmpty()) {
                        continue;
                    }
                    String referent = dialect.normalizeName(columns.firstEntry().getValue().referencedTable());
                    List<String> referentColumns = columns.values().stream()
                            .map(c -> dialect.normalizeName(c.referencedColumn())).toList();
                    parts.foreignKeys.put(name, new ForeignKey(Optional.of(name), names, referent, referentColumns,
                            action(constraint.deleteRule()), action(constraint.updateRule()),
                            SchemaAssembly.otherSchema(columns.firstEntry().getValue().referencedSchema(), schema,
                                    dialect)));
                    keyNames.computeIfAbsent(constraint.table(), k -> new HashSet<>()).add(constraint.name());
                    foreignKeyColumns.computeIfAbsent(constraint.table(), k -> new HashSet<>())
                            .add(columns.values().stream().map(KeyColumn::column).toList());
                }
                default -> {
                    // Nothing else is part of the model.
                }
            }
        }

        Map<String, TreeMap<Integer, String>> indexColumns = new TreeMap<>();
        Map<String, Boolean> indexUnique = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        H2CatalogReader.query(connection, INDEXES, schema, rs -> {
            String table = rs.getString(1);
            String index = rs.getString(2);
            if (assembly.get(table) == null || keyNames.getOrDefault(table, Set.of()).contains(index)) {
                return;
            }
            String key = table + "\u0000" + index;
            indexUnique.put(key, rs.getInt(3) == 0);
            String column = rs.getString(5);
            rs.getInt(6);
            if (column == null || !rs.wasNull()) {
                unreadable.add(key); // an expression or a prefix: not described by the model
            }
            indexColumns.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getInt(4), column);
        });
        indexColumns.forEach((key, columns) -> {
            String table = key.substring(0, key.indexOf('\u0000'));
            String index = dialect.normalizeName(key.substring(key.indexOf('\u0000') + 1));
            if (unreadable.contains(key)) {
                return;
            }
            // InnoDB adds an index for foreign-key columns that have none and names it after the
            // first column; it is the database's, not the model's (Alembic's MySQL dialect skips
            // it the same way). An index the author named otherwise is kept.
            List<String> raw = List.copyOf(columns.values());
            String rawName = key.substring(key.indexOf('\u0000') + 1);
            if (!indexUnique.get(key) && foreignKeyColumns.getOrDefault(table, Set.of()).contains(raw)
                    && rawName.equalsIgnoreCase(raw.get(0))) {
                return;
            }
            assembly.get(table).indexes.put(index, new Index(index,
                    SchemaAssembly.names(List.copyOf(columns.values()), dialect), indexUnique.get(key)));
        });
        return assembly.build();
    }

    /**
     * InnoDB's {@code RESTRICT} is {@code NO ACTION} (both check at once), and MariaDB reports
     * {@code RESTRICT} for a key that states no action: both read as no action stated.
     */
    private static Optional<dev.retort.runtime.schema.ReferentialAction> action(String rule) {
        return rule == null || rule.equalsIgnoreCase("RESTRICT") ? Optional.empty() : SchemaAssembly.action(rule);
    }

    private static Optional<String> nonEmpty(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * The default as {@link Defaults} reads it. MariaDB reports {@code NULL} for none, quotes
     * literals and writes {@code current_timestamp(6)}; MySQL reports literals bare and marks
     * expressions {@code DEFAULT_GENERATED}. A boolean's {@code 1}/{@code 0} is {@code TRUE}/{@code FALSE}.
     */
    private static Expr defaultOf(RawColumn raw, Type type, boolean mysql) {
        String reported = raw.reportedDefault();
        if (reported == null || (!mysql && reported.equalsIgnoreCase("NULL"))) {
            return null;
        }
        if (CURRENT_TIMESTAMP.matcher(reported.strip()).matches()) {
            return Expr.currentTimestamp();
        }
        boolean expression = raw.extra() != null && raw.extra().contains("DEFAULT_GENERATED");
        if (mysql && !expression && !reported.startsWith("'")) {
            reported = Defaults.parse(reported) instanceof Expr.Literal ? reported
                    : "'" + reported.replace("'", "''") + "'";
        }
        Expr parsed = Defaults.parse(reported);
        if (parsed instanceof Expr.Literal literal && literal.value() instanceof java.math.BigDecimal decimal
                && decimal.stripTrailingZeros().scale() <= 0) {
            parsed = Expr.literal(decimal.longValue()); // DECIMAL(12, 2) reports 0 as 0.00
        }
        if (type.kind() == Type.Kind.BOOLEAN && parsed instanceof Expr.Literal literal
                && literal.value() instanceof Number number) {
            return Expr.literal(number.intValue() != 0);
        }
        return parsed;
    }

    @Override
    public boolean autoIncrementMustLeadAKey() {
        return true;
    }

    /** {@code DATA_TYPE} and {@code COLUMN_TYPE} as a portable type; the rest as {@code Type.raw(COLUMN_TYPE)}. */
    static Type type(String dataType, String columnType, boolean mysql) {
        String data = dataType.toLowerCase(Locale.ROOT);
        String full = columnType.toLowerCase(Locale.ROOT).strip();
        switch (data) {
            case "int": return full.contains("unsigned") ? Type.raw(columnType) : Type.INTEGER;
            case "bigint": return full.contains("unsigned") ? Type.raw(columnType) : Type.BIGINT;
            case "smallint": return full.contains("unsigned") ? Type.raw(columnType) : Type.SMALLINT;
            case "tinyint": return full.equals("tinyint(1)") ? Type.BOOLEAN : Type.raw(columnType);
            case "boolean": return Type.BOOLEAN;
            // JDBC reads BIT(1) as a boolean, and Hibernate declares its booleans that way.
            case "bit": return full.equals("bit(1)") ? Type.BOOLEAN : Type.raw(columnType);
            case "longtext": return Type.TEXT;
            case "double": return full.equals("double") ? Type.DOUBLE : Type.raw(columnType);
            // FLOAT(p) up to 24 is stored as plain float; float(m,d) stays raw.
            case "float": return full.equals("float") ? Type.REAL : Type.raw(columnType);
            case "date": return Type.DATE;
            case "longblob": return Type.BINARY;
            case "uuid": return Type.UUID;
            case "json": return Type.JSON;
            default: break;
        }
        Matcher sized = SIZED.matcher(full);
        if (sized.matches() && sized.group(4) == null) {
            String base = sized.group(1).strip();
            int first = Integer.parseInt(sized.group(2));
            boolean single = sized.group(3) == null;
            if (base.equals("varchar") && single) {
                return Type.varchar(first);
            }
            if (base.equals("varbinary") && single) {
                return Type.varbinary(first);
            }
            if (base.equals("decimal")) {
                return Type.numeric(first, single ? 0 : Integer.parseInt(sized.group(3)));
            }
            if (base.equals("time") && first == 6) {
                return Type.TIME;
            }
            if (base.equals("datetime") && first == 6) {
                return Type.TIMESTAMP;
            }
            if (base.equals("timestamp") && first == 6) {
                return Type.TIMESTAMP_TZ;
            }
            if (mysql && base.equals("char") && first == 36) {
                return Type.UUID;
            }
            if (base.equals("char") && single) {
                return Type.character(first);
            }
        }
        return Type.raw(columnType);
    }
}
