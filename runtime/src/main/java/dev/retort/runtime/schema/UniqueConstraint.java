package dev.retort.runtime.schema;

import java.util.List;
import java.util.Optional;

/**
 * A unique constraint in a {@link Metadata} model: {@code UniqueConstraint.of("tenant_id",
 * "email").named("uq_account_tenant_email")}. A column marked {@code Column.unique()} is an
 * unnamed one-column unique constraint. Autogenerate matches unique constraints by their
 * columns, so an unnamed one matches whatever name the database gave it.
 *
 * @param name the constraint's name; empty when the database names it
 * @param columns the constrained columns, in order
 */
public record UniqueConstraint(Optional<String> name, List<String> columns) {

    /** @throws IllegalArgumentException for no columns, a column named twice or a blank name */
    public UniqueConstraint {
        name = Table.optionalName("unique constraint name", name);
        columns = Table.columnList("A unique constraint", columns);
    }

    /** An unnamed unique constraint on {@code columns}. */
    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(Optional.empty(), List.of(columns));
    }

    /** This constraint named {@code name}. */
    public UniqueConstraint named(String name) {
        return new UniqueConstraint(Optional.of(name), columns);
    }

    /** The same constraint as a {@code createTable} constraint. */
    public TableConstraint.Unique toTableConstraint() {
        return new TableConstraint.Unique(name, columns);
    }
}
