package dev.retort.runtime.schema;

import java.util.List;

/**
 * An index on columns of a table in a {@link Metadata} model: {@code Index.of("ix_order_placed",
 * "placed_at")}, {@code Index.uniqueOf("ix_account_email", "email")}. Indexes are
 * compared by name; a change of columns or uniqueness drops and recreates the index.
 * Indexes the database creates to back a primary key, unique constraint or foreign key are
 * not indexes of the model.
 *
 * @param name the index's name, unique in the schema
 * @param columns the indexed columns, in key order
 * @param unique true for a unique index
 */
public record Index(String name, List<String> columns, boolean unique) {

    /** @throws IllegalArgumentException for a blank name, no columns or a column named twice */
    public Index {
        Table.requireName("index name", name);
        columns = Table.columnList("Index " + name, columns);
    }

    /** A non-unique index named {@code name} on {@code columns}. */
    public static Index of(String name, String... columns) {
        return new Index(name, List.of(columns), false);
    }

    /** A unique index named {@code name} on {@code columns}. */
    public static Index uniqueOf(String name, String... columns) {
        return new Index(name, List.of(columns), true);
    }
}
