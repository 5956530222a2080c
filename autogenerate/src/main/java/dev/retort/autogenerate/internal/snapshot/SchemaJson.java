package dev.retort.autogenerate.internal.snapshot;

import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.EnumType;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema as a JSON tree (maps, lists, strings, booleans, longs) and back to text.
 *
 * <p>The text is made for review in a pull request: keys sorted, two-space indent, and every
 * leaf object (a column, an index, a key, a sequence) on one line of its own, so a changed
 * column is a one-line diff that names it. Tables and every named object are sorted by name;
 * columns keep their order in the table, which the database keeps too.
 */
public final class SchemaJson {

    private SchemaJson() {
    }

    /**
     * The format this class writes, in every file's {@code "format"} entry. A file without one
     * was written before the entry existed (format 1), and records less: see {@link #inFormat}.
     */
    public static final long FORMAT = 2;

    /**
     * The schema as a tree; {@code header} entries ({@code revision}, {@code database}) come
     * first, then the format. What only some schemas have (enum types, other schemas, unquoted
     * names, and in a column or key the parts format 1 lacked) is written only where present,
     * so a schema without it reads as it did in format 1.
     */
    public static Map<String, Object> tree(Metadata schema, Map<String, Object> header) {
        Map<String, Object> root = new LinkedHashMap<>(header);
        root.put("format", FORMAT);
        root.putAll(objects(schema, Optional.empty()));
        Map<String, Object> enumTypes = new TreeMap<>();
        for (EnumType type : schema.enumTypes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("values", new ArrayList<Object>(type.values()));
            enumTypes.put(type.name(), e);
        }
        if (!enumTypes.isEmpty()) {
            root.put("enumTypes", enumTypes);
        }
        TreeSet<String> others = new TreeSet<>();
        schema.tables().forEach(t -> t.schema().ifPresent(others::add));
        schema.sequences().forEach(s -> s.schema().ifPresent(others::add));
        if (!others.isEmpty()) {
            Map<String, Object> schemas = new TreeMap<>();
            others.forEach(name -> schemas.put(name, objects(schema, Optional.of(name))));
            root.put("schemas", schemas);
        }
        if (schema.hasUnquotedNames()) {
            root.put("unquotedNames", true);
        }
        return root;
    }

    /** The tables and sequences of {@code in} (empty: the connection's current schema). */
    private static Map<String, Object> objects(Metadata schema, Optional<String> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> tables = new TreeMap<>();
        for (Table table : schema.tables()) {
            if (table.schema().equals(in)) {
                tables.put(table.name(), table(table));
            }
        }
        out.put("tables", tables);
        Map<String, Object> sequences = new TreeMap<>();
        for (Sequence sequence : schema.sequences()) {
            if (sequence.schema().equals(in)) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("start", sequence.start());
                s.put("increment", sequence.increment());
                sequences.put(sequence.name(), s);
            }
        }
        out.put("sequences", sequences);
        return out;
    }

    /**
     * The tree as a file of {@code format} records it: format 1 had no enum types, other
     * schemas, unquoted names, kind of auto-increment, computed columns or primary-key names,
     * so a file of that format is compared on what it holds, and one written before those
     * parts were recorded still matches the revision that wrote it.
     */
    public static Map<String, Object> inFormat(Map<String, Object> tree, long format) {
        if (format >= FORMAT) {
            return tree;
        }
        Map<String, Object> root = new LinkedHashMap<>(tree);
        root.keySet().removeAll(Set.of("format", "enumTypes", "schemas", "unquotedNames"));
        Map<String, Object> tables = new TreeMap<>();
        map(root.get("tables")).forEach((name, t) -> {
            Map<String, Object> table = new LinkedHashMap<>(map(t));
            Map<String, Object> columns = new LinkedHashMap<>();
            map(table.get("columns")).forEach((column, c) -> {
                Map<String, Object> kept = new LinkedHashMap<>(map(c));
                kept.keySet().removeAll(Set.of("autoIncrementKind", "computed", "stored"));
                columns.put(column, kept);
            });
            table.put("columns", columns);
            if (table.get("primaryKey") instanceof Map<?, ?> key) {
                Map<String, Object> kept = new LinkedHashMap<>(map(key));
                kept.remove("name");
                table.put("primaryKey", kept);
            }
            tables.put(name, table);
        });
        root.put("tables", tables);
        return root;
    }

    /** The format of a tree read from a file: 1 when it names none. */
    public static long format(Map<String, Object> tree) {
        return tree.get("format") instanceof Long format ? format : 1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> table(Table table) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("type", type(column.type()));
            c.put("nullable", column.isNullable());
            if (column.isAutoIncrement()) {
                c.put("autoIncrement", true);
            }
            // BY_DEFAULT is what format 1's "autoIncrement": true meant; only the others are named.
            column.autoIncrementKind().filter(k -> k != Column.AutoIncrement.BY_DEFAULT)
                    .ifPresent(k -> c.put("autoIncrementKind", k.name()));
            if (column.isUnique()) {
                c.put("unique", true);
            }
            column.serverDefault().ifPresent(d -> c.put("default", expression(d)));
            column.computed().ifPresent(computed -> {
                c.put("computed", computed.expression());
                if (!computed.stored()) {
                    c.put("stored", false);
                }
            });
            column.comment().ifPresent(d -> c.put("comment", d));
            columns.put(column.name(), c);
        }
        out.put("columns", columns);
        table.primaryKey().ifPresent(key -> {
            Map<String, Object> pk = new LinkedHashMap<>();
            pk.put("columns", new ArrayList<Object>(key.columns()));
            key.name().ifPresent(name -> pk.put("name", name));
            out.put("primaryKey", pk);
        });
        Map<String, Object> indexes = new TreeMap<>();
        for (Index index : table.indexes()) {
            Map<String, Object> i = new LinkedHashMap<>();
            // An expression is written in parentheses among the columns, in key order.
            i.put("columns", new ArrayList<Object>(index.elements().stream()
                    .map(e -> e.expression() ? "(" + e.sql() + ")" : e.sql()).toList()));
            i.put("unique", index.unique());
            index.where().ifPresent(w -> i.put("where", w));
            indexes.put(index.name(), i);
        }
        out.put("indexes", indexes);
        Map<String, Object> uniques = new TreeMap<>();
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("columns", new ArrayList<Object>(unique.columns()));
            uniques.put(unique.name().orElse(String.join(",", unique.columns())), u);
        }
        out.put("uniqueConstraints", uniques);
        Map<String, Object> foreignKeys = new TreeMap<>();
        for (ForeignKey key : table.foreignKeys()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("columns", new ArrayList<Object>(key.columns()));
            f.put("references", key.referentTable());
            key.referentSchema().ifPresent(schema -> f.put("referencesSchema", schema));
            f.put("referencedColumns", new ArrayList<Object>(key.referentColumns()));
            key.onDelete().ifPresent(a -> f.put("onDelete", a.sql()));
            key.onUpdate().ifPresent(a -> f.put("onUpdate", a.sql()));
            foreignKeys.put(key.name().orElse(String.join(",", key.columns()) + "->" + key.referentTable()), f);
        }
        out.put("foreignKeys", foreignKeys);
        Map<String, Object> checks = new TreeMap<>();
        for (CheckConstraint check : table.checkConstraints()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("condition", check.condition());
            checks.put(check.name().orElse(check.condition()), k);
        }
        out.put("checks", checks);
        table.comment().ifPresent(c -> out.put("comment", c));
        return out;
    }

    /**
     * A type as a migration writes it ({@code Type.varchar(50)}): the files' own form, kept here
     * rather than taken from {@code Type.toString()}, so committed snapshots do not change when
     * that does.
     */
    static String type(Type type) {
        return switch (type.kind()) {
            case VARCHAR -> "Type.varchar(" + type.length().orElseThrow() + ")";
            case CHAR -> "Type.character(" + type.length().orElseThrow() + ")";
            case NUMERIC -> "Type.numeric(" + type.precision().orElseThrow() + ", " + type.scale().orElseThrow() + ")";
            case BINARY -> type.length().isPresent() ? "Type.varbinary(" + type.length().getAsInt() + ")" : "Type.BINARY";
            case RAW -> "Type.raw(" + javaString(type.rawSql()) + ")";
            default -> "Type." + type.kind().name();
        };
    }

    /** A server default as a migration writes it ({@code Expr.literal("new")}), for the same reason. */
    static String expression(Expr expression) {
        if (expression instanceof Expr.Literal literal) {
            Object value = literal.value();
            String source = value instanceof String string ? javaString(string)
                    : value instanceof Long ? value + "L"
                    : value instanceof Float ? value + "f"
                    : value instanceof java.math.BigDecimal decimal ? "new BigDecimal(\"" + decimal + "\")"
                    : value.toString();
            return "Expr.literal(" + source + ")";
        }
        if (expression instanceof Expr.Raw raw) {
            return "Expr.raw(" + javaString(raw.sql()) + ")";
        }
        return "Expr.currentTimestamp()";
    }

    private static String javaString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** The tree as text, ending with a newline. */
    public static String write(Map<String, Object> tree) {
        StringBuilder out = new StringBuilder();
        writeValue(out, tree, 0);
        return out.append('\n').toString();
    }

    private static void writeValue(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map && !isLeaf(map)) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append("  ".repeat(indent + 1));
                writeString(out, entry.getKey().toString());
                out.append(": ");
                writeValue(out, entry.getValue(), indent + 1);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append("  ".repeat(indent)).append('}');
        } else {
            writeInline(out, value);
        }
    }

    private static void writeInline(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (i++ > 0) {
                    out.append(", ");
                }
                writeString(out, entry.getKey().toString());
                out.append(": ");
                writeInline(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                writeInline(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof String string) {
            writeString(out, string);
        } else {
            out.append(value);
        }
    }

    /** A leaf object holds no object: it is written on one line. */
    static boolean isLeaf(Map<?, ?> map) {
        return !map.isEmpty() && map.values().stream().noneMatch(v -> v instanceof Map);
    }

    private static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads text this class wrote (or any JSON of objects, arrays, strings, integers,
     * booleans and null) back into a tree.
     *
     * @throws IllegalArgumentException naming the offset of the first thing it cannot read
     */
    public static Map<String, Object> parse(String text) {
        Parser parser = new Parser(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length() || !(value instanceof Map)) {
            throw new IllegalArgumentException("Not a JSON object at offset " + parser.pos);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            pos++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            }
            throw error("the end of a string");
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error(word);
            }
            pos += word.length();
            return value;
        }

        private Object number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (digits.isEmpty()) {
                throw error("a value");
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                try {
                    return Double.parseDouble(digits);
                } catch (NumberFormatException notANumber) {
                    throw error("a number");
                }
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("Expected " + expected + " at offset " + pos);
        }
    }
}
