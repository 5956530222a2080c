package dev.retort.runtime.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table's primary key in a {@link Metadata} model. Declare it by marking columns
 * {@code Column.of("id", Type.BIGINT).primaryKey()}, or, for a named or composite key in
 * another order, with {@code Table.Builder.primaryKey(PrimaryKey.of("tenant_id", "id").named("pk_account"))}.
 *
 * @param name the constraint's name; empty when the database (or the naming convention) names it
 * @param columns the key's columns, in key order
 */
public record PrimaryKey(Optional<String> name, List<String> columns) {

    /** @throws IllegalArgumentException for no columns, a column named twice or a blank name */
    public PrimaryKey {
        name = Table.optionalName("primary key name", name);
        columns = Table.columnList("A primary key", columns);
    }

    /** An unnamed primary key on {@code columns}. */
    public static PrimaryKey of(String... columns) {
        return new PrimaryKey(Optional.empty(), List.of(columns));
    }

    /** This key named {@code name}. */
    public PrimaryKey named(String name) {
        return new PrimaryKey(Optional.of(name), columns);
    }

    /** The same key as a {@code createTable} constraint. */
    public TableConstraint.PrimaryKey toTableConstraint() {
        return new TableConstraint.PrimaryKey(name, columns);
    }
}
