package dev.retort.autogenerate.internal.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between two schema trees of {@link SchemaJson}, one line per object:
 * {@code index orders.ix_orders_account_id: {"columns": ["account_id"], "unique": false} before, absent after}.
 * A table present on one side only is one line, not one per column. A part one tree lacks is
 * its default; to compare a file of an older format, first bring the other tree to that
 * format with {@link SchemaJson#inFormat}.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /**
     * Lines naming each object that differs, in a stable order: the current schema's tables by
     * name, then its sequences, enum types, each other schema's tables and sequences (named
     * {@code billing.invoice}), and whether names are unquoted.
     *
     * @param beforeLabel what the first tree is ("expected", "in the snapshot", "before")
     * @param afterLabel  what the second tree is
     */
    public static List<String> diff(Map<String, Object> before, Map<String, Object> after, String beforeLabel,
                                    String afterLabel) {
        List<String> out = new ArrayList<>();
        objects("", before, after, beforeLabel, afterLabel, out);
        compare(named("enum type ", before.get("enumTypes")), named("enum type ", after.get("enumTypes")),
                beforeLabel, afterLabel, out);
        Map<String, Object> beforeSchemas = map(before.get("schemas"));
        Map<String, Object> afterSchemas = map(after.get("schemas"));
        for (String schema : union(beforeSchemas.keySet(), afterSchemas.keySet())) {
            objects(schema + ".", map(beforeSchemas.get(schema)), map(afterSchemas.get(schema)), beforeLabel,
                    afterLabel, out);
        }
        Map<String, String> bNames = new LinkedHashMap<>();
        Map<String, String> aNames = new LinkedHashMap<>();
        Optional.ofNullable(before.get("unquotedNames")).ifPresent(v -> bNames.put("unquoted names", inline(v)));
        Optional.ofNullable(after.get("unquotedNames")).ifPresent(v -> aNames.put("unquoted names", inline(v)));
        compare(bNames, aNames, beforeLabel, afterLabel, out);
        return out;
    }

    /** The tables and sequences of one schema, each named with {@code prefix} (the schema and a dot, or nothing). */
    private static void objects(String prefix, Map<String, Object> before, Map<String, Object> after,
                                String beforeLabel, String afterLabel, List<String> out) {
        Map<String, Object> beforeTables = map(before.get("tables"));
        Map<String, Object> afterTables = map(after.get("tables"));
        for (String table : union(beforeTables.keySet(), afterTables.keySet())) {
            Object b = beforeTables.get(table);
            Object a = afterTables.get(table);
            if (b == null || a == null) {
                out.add("table " + prefix + table + ": " + (b == null ? "absent " + beforeLabel + ", present "
                        + afterLabel : "present " + beforeLabel + ", absent " + afterLabel) + " (columns "
                        + map(Objects.requireNonNullElse(b, a)).getOrDefault("columns", Map.of()) + ")");
                continue;
            }
            Map<String, String> bLeaves = new LinkedHashMap<>();
            Map<String, String> aLeaves = new LinkedHashMap<>();
            flatten(List.of(prefix + table), b, bLeaves);
            flatten(List.of(prefix + table), a, aLeaves);
            compare(bLeaves, aLeaves, beforeLabel, afterLabel, out);
        }
        compare(named("sequence " + prefix, before.get("sequences")), named("sequence " + prefix,
                after.get("sequences")), beforeLabel, afterLabel, out);
    }

    /** Each entry of a map of named objects as one line's name and value. */
    private static Map<String, String> named(String kind, Object objects) {
        Map<String, String> out = new LinkedHashMap<>();
        map(objects).forEach((k, v) -> out.put(kind + k, inline(v)));
        return out;
    }

    private static void compare(Map<String, String> before, Map<String, String> after, String beforeLabel,
                                String afterLabel, List<String> out) {
        for (String object : union(before.keySet(), after.keySet())) {
            String b = before.get(object);
            String a = after.get(object);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (b == null) {
                out.add(object + ": absent " + beforeLabel + ", " + a + " " + afterLabel);
            } else if (a == null) {
                out.add(object + ": " + b + " " + beforeLabel + ", absent " + afterLabel);
            } else {
                out.add(object + ": " + b + " " + beforeLabel + ", " + a + " " + afterLabel);
            }
        }
    }

    /** Leaves of one table under names a reader knows: {@code column orders.total}, {@code index orders.ix}. */
    private static void flatten(List<String> path, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map && !SchemaJson.isLeaf(map) && !map.isEmpty()) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                List<String> child = new ArrayList<>(path);
                child.add(entry.getKey().toString());
                flatten(child, entry.getValue(), out);
            }
            return;
        }
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return;
        }
        out.put(name(path), inline(value));
    }

    private static String name(List<String> path) {
        String table = path.get(0);
        if (path.size() == 2) {
            return switch (path.get(1)) {
                case "primaryKey" -> "primary key of " + table;
                case "comment" -> "comment of table " + table;
                default -> path.get(1) + " of table " + table;
            };
        }
        String kind = switch (path.get(1)) {
            case "columns" -> "column";
            case "indexes" -> "index";
            case "uniqueConstraints" -> "unique constraint";
            case "foreignKeys" -> "foreign key";
            case "checks" -> "check constraint";
            default -> path.get(1);
        };
        return kind + " " + table + "." + String.join(".", path.subList(2, path.size()));
    }

    private static String inline(Object value) {
        String text = SchemaJson.write(Map.of("v", value));
        // {"v": …}: the value as the snapshot file writes it, on one line.
        text = text.strip();
        return text.substring(text.indexOf(':') + 2, text.length() - 1).strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
