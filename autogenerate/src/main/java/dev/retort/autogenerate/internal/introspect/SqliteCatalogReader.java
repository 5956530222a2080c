package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.SqliteTableText;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQLite database in four queries, whatever the number of tables: the {@code CREATE
 * TABLE} statements from {@code sqlite_master} (for constraint names, checks and {@code
 * AUTOINCREMENT}, which the pragmas do not tell; see {@link SqliteTableText}), then the
 * columns, the indexes with their columns, and the foreign keys of every table at once,
 * through the table-valued pragma functions ({@code pragma_table_xinfo}, {@code
 * pragma_index_list} with {@code pragma_index_info}, {@code pragma_foreign_key_list})
 * joined to {@code sqlite_master}. It reads a table as batch mode's reader does.
 *
 * <p>Declared types read back as the portable types the SQLite dialect writes: {@code
 * TEXT} is {@code TEXT} (a JSON column, written as {@code TEXT}, reads as {@code TEXT}),
 * {@code BLOB} is {@code BINARY}, {@code CHAR(36)} is {@code UUID}. The auto-increment
 * key ({@code INTEGER PRIMARY KEY AUTOINCREMENT}, the rowid) reads as {@code BIGINT}: the
 * rowid is a 64-bit integer whatever the model called it. No comments: SQLite keeps none.
 */
final class SqliteCatalogReader implements CatalogReader {

    private static final System.Logger LOG = System.getLogger("dev.retort.autogenerate");

    private static final Pattern SIZED = Pattern.compile("([A-Z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    /** A column as {@code pragma_table_xinfo} reports it. */
    private record RawColumn(String name, String type, boolean notNull, String defaultSql, int keyPosition,
            int hidden) {
    }

    /**
     * An index as {@code pragma_index_list} reports it, with its columns (empty when on an
     * expression) and its {@code CREATE INDEX} text (null for one SQLite made for a constraint).
     */
    private record RawIndex(String name, boolean unique, String origin, boolean partial, List<String> columns,
            String sql) {
    }

    /** One column pair of a foreign key as {@code pragma_foreign_key_list} reports it. */
    private record FkRow(String table, String from, String to, String onUpdate, String onDelete) {
    }

    @Override
    public String currentSchema(Connection connection) {
        return "main";
    }

    @Override
    public Metadata read(Connection connection, Dialect dialect, String schema, Predicate<String> includeTable)
            throws SQLException {
        Optional<String> attached = schema.equals("main") ? Optional.empty() : Optional.of(schema);
        String master = attached.map(s -> dialect.quote(s) + ".").orElse("") + "sqlite_master m";
        String indexMaster = attached.map(s -> dialect.quote(s) + ".").orElse("") + "sqlite_master";
        // An attached schema is bound: each ", ?" below takes its name.
        String pragmaSchema = attached.map(s -> ", ?").orElse("");
        String userTables = " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

        Map<String, String> tableSql = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT m.name, m.sql FROM " + master + userTables)) {
            while (rs.next()) {
                tableSql.put(rs.getString(1), rs.getString(2));
            }
        }

        // Every table's columns, the excluded ones too: a foreign key may reference one without naming columns.
        Map<String, List<RawColumn>> columnsOf = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT m.name AS table_name, p.name, p.type,"
                     + " p.\"notnull\", p.dflt_value, p.pk, p.hidden FROM " + master + " JOIN pragma_table_xinfo(m.name"
                     + pragmaSchema + ") p" + userTables + " AND p.hidden IN (0, 2, 3) ORDER BY m.name, p.cid");
             ResultSet rs = bindSchema(statement, attached, 1).executeQuery()) {
            while (rs.next()) {
                columnsOf.computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>()).add(new RawColumn(
                        rs.getString("name"), rs.getString("type"), rs.getInt("notnull") != 0,
                        rs.getString("dflt_value"), rs.getInt("pk"), rs.getInt("hidden")));
            }
        }

        Map<String, Map<String, RawIndex>> indexesOf = new LinkedHashMap<>();
        List<RawIndex> expressions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT m.name AS table_name, il.name AS "
                     + "index_name, il.\"unique\", il.origin, il.partial, ii.seqno, ii.name AS column_name,"
                     + " (SELECT x.sql FROM " + indexMaster + " x WHERE x.type = 'index' AND x.name = il.name) AS index_sql"
                     + " FROM " + master + " JOIN pragma_index_list(m.name" + pragmaSchema + ") il"
                     + " LEFT JOIN pragma_index_info(il.name" + pragmaSchema + ") ii" + userTables
                     + " ORDER BY m.name, il.seq, ii.seqno");
             ResultSet rs = bindSchema(statement, attached, 2).executeQuery()) {
            while (rs.next()) {
                Map<String, RawIndex> ofTable = indexesOf.computeIfAbsent(rs.getString("table_name"),
                        t -> new LinkedHashMap<>());
                String name = rs.getString("index_name");
                RawIndex index = ofTable.get(name);
                if (index == null) {
                    index = new RawIndex(name, rs.getInt("unique") != 0, rs.getString("origin"),
                            rs.getInt("partial") != 0, new ArrayList<>(), rs.getString("index_sql"));
                    ofTable.put(name, index);
                }
                String column = rs.getString("column_name");
                if (rs.getObject("seqno") == null || column == null) {
                    expressions.add(index); // on an expression: the pragmas cannot describe it
                } else {
                    index.columns().add(column);
                }
            }
        }
        for (RawIndex index : expressions) {
            index.columns().clear();
        }

        Map<String, Map<Integer, TreeMap<Integer, FkRow>>> foreignKeysOf = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT m.name AS table_name, fk.id, fk.seq,"
                     + " fk.\"table\", fk.\"from\", fk.\"to\", fk.on_update, fk.on_delete FROM " + master
                     + " JOIN pragma_foreign_key_list(m.name" + pragmaSchema + ") fk" + userTables
                     + " ORDER BY m.name, fk.id, fk.seq");
             ResultSet rs = bindSchema(statement, attached, 1).executeQuery()) {
            while (rs.next()) {
                foreignKeysOf.computeIfAbsent(rs.getString("table_name"), t -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getInt("id"), id -> new TreeMap<>()).put(rs.getInt("seq"),
                                new FkRow(rs.getString("table"), rs.getString("from"), rs.getString("to"),
                                        rs.getString("on_update"), rs.getString("on_delete")));
            }
        }

        SchemaAssembly assembly = new SchemaAssembly();
        for (var entry : tableSql.entrySet()) {
            String table = entry.getKey();
            if (includeTable.test(table)) {
                assemble(assembly.add(table), table, entry.getValue(), columnsOf,
                        indexesOf.getOrDefault(table, Map.of()), foreignKeysOf.getOrDefault(table, Map.of()));
            }
        }
        return assembly.build();
    }

    /** The expression of generated column {@code column} in {@code CREATE TABLE} text {@code sql}. */
    static String generatedExpression(String sql, String column, String table) {
        return SqliteTableText.generatedExpression(sql, column, table);
    }

    private static void assemble(SchemaAssembly.Parts parts, String table, String sql,
            Map<String, List<RawColumn>> columnsOf, Map<String, RawIndex> indexes,
            Map<Integer, TreeMap<Integer, FkRow>> foreignKeys) throws SQLException {
        SqliteTableText parsed = SqliteTableText.parse(sql);
        boolean autoIncrementTable = sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
        List<RawColumn> raw = columnsOf.getOrDefault(table, List.of());
        long keyColumns = raw.stream().filter(c -> c.keyPosition() > 0).count();

        // Unique constraints (origin u) and indexes created by CREATE INDEX (origin c).
        List<List<String>> uniqueColumns = new ArrayList<>();
        for (RawIndex index : indexes.values()) {
            if ("pk".equals(index.origin())) {
                continue;
            }
            if ("c".equals(index.origin()) && (index.partial() || index.columns().isEmpty())) {
                // The pragmas do not tell the expressions or the predicate: the CREATE INDEX text does.
                Index read = parseIndex(index.name(), index.unique(), index.sql());
                if (read != null) {
                    parts.indexes.put(index.name(), read);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "Autogenerate skips index {0} of table {1}: its CREATE INDEX"
                            + " statement could not be read; compare it by hand", index.name(), table);
                }
                continue;
            }
            if ("u".equals(index.origin())) {
                uniqueColumns.add(List.copyOf(index.columns()));
            } else if (!index.columns().isEmpty()) {
                parts.indexes.put(index.name(), new Index(index.name(), List.copyOf(index.columns()), index.unique()));
            }
        }

        int position = 0;
        List<String> key = new ArrayList<>();
        for (RawColumn c : raw) {
            Type declared = SqliteTableText.declaredType(c.type());
            boolean primaryKey = c.keyPosition() > 0;
            boolean autoIncrement = autoIncrementTable && primaryKey && keyColumns == 1 && declared.isInteger();
            Type type = autoIncrement ? Type.BIGINT : type(declared);
            boolean nullable = !primaryKey && !c.notNull();
            Expr serverDefault = autoIncrement || c.defaultSql() == null ? null
                    : defaultOf(Expr.raw(c.defaultSql()), type);
            Column column = SchemaAssembly.column(c.name(), type, nullable, autoIncrement,
                    c.hidden() == 0 ? serverDefault : null, null);
            // pragma_table_xinfo marks generated columns hidden 2 (virtual) and 3 (stored); their
            // expression is only in the CREATE TABLE text.
            if (c.hidden() != 0) {
                column = column.computed(generatedExpression(sql, c.name(), table), c.hidden() == 3);
            }
            parts.columns.put(position++, column);
            if (primaryKey) {
                key.add(c.name());
            }
            if (uniqueColumns.contains(List.of(c.name())) && !parsed.uniqueNames().containsKey(List.of(c.name()))) {
                parts.uniques.put("\u0000" + c.name(), new UniqueConstraint(Optional.empty(), List.of(c.name())));
            }
        }
        if (!key.isEmpty()) {
            parts.primaryKey = new PrimaryKey(Optional.empty(), key);
        }
        for (List<String> unique : uniqueColumns) {
            Optional<String> name = Optional.ofNullable(parsed.uniqueNames().get(unique));
            if (name.isEmpty() && unique.size() == 1) {
                continue; // a column's own UNIQUE, kept on the column above
            }
            parts.uniques.put(name.orElse("\u0000" + String.join(",", unique)), new UniqueConstraint(name, unique));
        }
        int unnamed = 0;
        for (var check : parsed.checks()) {
            parts.checks.put(check.name().orElse("\u0000" + unnamed++), new CheckConstraint(check.name(), check.sql()));
        }
        // pragma_foreign_key_list numbers the keys in reverse order of declaration.
        List<Integer> ids = new ArrayList<>(foreignKeys.keySet());
        ids.sort((a, b) -> Integer.compare(b, a));
        for (Integer id : ids) {
            List<FkRow> rows = List.copyOf(foreignKeys.get(id).values());
            List<String> from = rows.stream().map(FkRow::from).toList();
            FkRow first = rows.get(0);
            List<String> to = rows.stream().map(FkRow::to).toList();
            if (to.contains(null)) {
                to = primaryKeyOf(first.table(), from.size(), columnsOf);
            }
            Optional<String> name = Optional.ofNullable(parsed.foreignKeyNames().get(from));
            parts.foreignKeys.put(name.orElse("\u0000" + String.join(",", from)), new ForeignKey(name, from,
                    first.table(), to, SchemaAssembly.action(first.onDelete()), SchemaAssembly.action(first.onUpdate())));
        }
    }

    private static final Pattern INDEX_HEAD = Pattern.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+.*?\\bON\\s+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+\\]");
    private static final Pattern ORDER = Pattern.compile("(?i)\\s+(ASC|DESC)$");

    /**
     * An index from its {@code CREATE INDEX} text as SQLite keeps it: each key part a column
     * (an identifier, quotes removed) or an expression (outer parentheses removed), and the
     * {@code WHERE} predicate; null when the text cannot be read.
     */
    static Index parseIndex(String name, boolean unique, String sql) {
        if (sql == null) {
            return null;
        }
        Matcher head = INDEX_HEAD.matcher(sql);
        if (!head.find()) {
            return null;
        }
        int open = sql.indexOf('(', head.end());
        int close = closing(sql, open);
        if (open < 0 || close < 0) {
            return null;
        }
        List<Index.Element> elements = new ArrayList<>();
        for (String part : topLevelParts(sql.substring(open + 1, close))) {
            String key = ORDER.matcher(part.strip()).replaceFirst("").strip();
            if (IDENTIFIER.matcher(key).matches()) {
                elements.add(Index.Element.column(unquote(key)));
            } else {
                elements.add(Index.Element.expression(key.startsWith("(") && closing(key, 0) == key.length() - 1
                        ? key.substring(1, key.length() - 1).strip() : key));
            }
        }
        String rest = sql.substring(close + 1).strip();
        Optional<String> where = Optional.empty();
        if (rest.regionMatches(true, 0, "WHERE", 0, 5)) {
            where = Optional.of(rest.substring(5).strip());
        } else if (!rest.isEmpty()) {
            return null;
        }
        return elements.isEmpty() ? null : new Index(name, elements, unique, where);
    }

    /** The position of the parenthesis that closes the one at {@code open}, quotes skipped; -1 when none. */
    private static int closing(String sql, int open) {
        if (open < 0) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = sql.indexOf(c == '[' ? ']' : c, i + 1);
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated parts of {@code list} outside parentheses and quotes. */
    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = list.indexOf(c == '[' ? ']' : c, i + 1);
                i = end < 0 ? list.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    private static String unquote(String identifier) {
        char first = identifier.charAt(0);
        if (first == '"') {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return first == '`' || first == '[' ? identifier.substring(1, identifier.length() - 1) : identifier;
    }

    /** The referenced table's primary key, for {@code REFERENCES t} without columns. */
    private static List<String> primaryKeyOf(String table, int size, Map<String, List<RawColumn>> columnsOf)
            throws SQLException {
        TreeMap<Integer, String> key = new TreeMap<>();
        for (RawColumn column : columnsOf.getOrDefault(table, List.of())) {
            if (column.keyPosition() > 0) {
                key.put(column.keyPosition(), column.name());
            }
        }
        if (key.size() != size) {
            throw new SQLException("A foreign key references table " + table
                    + " without naming columns, and its primary key does not match");
        }
        return List.copyOf(key.values());
    }

    /** Binds the attached schema's name to the first {@code count} parameters, when there is one. */
    private static PreparedStatement bindSchema(PreparedStatement statement, Optional<String> attached, int count)
            throws SQLException {
        if (attached.isPresent()) {
            for (int i = 1; i <= count; i++) {
                statement.setString(i, attached.get());
            }
        }
        return statement;
    }

    /** A default as SQLite keeps its SQL text; a boolean's {@code 1}/{@code 0} is {@code TRUE}/{@code FALSE}. */
    private static Expr defaultOf(Expr reported, Type type) {
        Expr parsed = reported instanceof Expr.Raw raw ? Defaults.parse(raw.sql()) : reported;
        if (type.kind() == Type.Kind.BOOLEAN && parsed instanceof Expr.Literal literal
                && literal.value() instanceof Number number) {
            return Expr.literal(number.intValue() != 0);
        }
        return parsed;
    }

    /** A declared type, as batch mode's reader keeps it, as the portable type the SQLite dialect writes for it. */
    static Type type(Type declared) {
        if (declared.kind() != Type.Kind.RAW) {
            return declared;
        }
        String upper = declared.rawSql().strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (upper) {
            case "INTEGER", "INT": return Type.INTEGER;
            case "BIGINT": return Type.BIGINT;
            case "SMALLINT": return Type.SMALLINT;
            case "BOOLEAN": return Type.BOOLEAN;
            case "TEXT": return Type.TEXT;
            case "DOUBLE", "DOUBLE PRECISION": return Type.DOUBLE;
            case "REAL": return Type.REAL;
            case "DATE": return Type.DATE;
            case "TIME": return Type.TIME;
            case "TIMESTAMP": return Type.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE": return Type.TIMESTAMP_TZ;
            case "BLOB": return Type.BINARY;
            case "JSON": return Type.JSON;
            case "UUID": return Type.UUID;
            default: break;
        }
        Matcher sized = SIZED.matcher(upper);
        if (sized.matches()) {
            String base = sized.group(1).strip();
            int first = Integer.parseInt(sized.group(2));
            if (sized.group(3) == null && base.equals("VARCHAR")) {
                return Type.varchar(first);
            }
            // The SQLite dialect declares a UUID CHAR(36) and a fixed-length text CHARACTER(n).
            if (sized.group(3) == null && base.equals("CHAR") && first == 36) {
                return Type.UUID;
            }
            if (sized.group(3) == null && (base.equals("CHARACTER") || base.equals("CHAR"))) {
                return Type.character(first);
            }
            if (base.equals("NUMERIC") || base.equals("DECIMAL")) {
                return Type.numeric(first, sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3)));
            }
        }
        return declared;
    }
}
