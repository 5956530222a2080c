package dev.retort.runtime.operation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Argument checks shared by the operation records; messages name the object involved. */
final class Checks {

    private Checks() {
    }

    static String name(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be blank");
        }
        return value;
    }

    static Optional<String> schema(Optional<String> schema) {
        Objects.requireNonNull(schema, "schema (use Optional.empty() for the connection's current schema)");
        schema.ifPresent(s -> name("schema", s));
        return schema;
    }

    /** A non-empty, duplicate-free, unmodifiable copy of a list of column names. */
    static List<String> columnNames(String what, List<String> columns) {
        Objects.requireNonNull(columns, what);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " must name at least one column");
        }
        var seen = new HashSet<String>();
        for (String column : columns) {
            name("column name in " + what, column);
            if (!seen.add(column)) {
                throw new IllegalArgumentException("The " + what + " name column " + column + " twice");
            }
        }
        return List.copyOf(columns);
    }
}
