package dev.retort.runtime.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A check constraint in a {@link Metadata} model: {@code CheckConstraint.of("total >= 0").named("ck_order_total")}.
 * The condition is SQL, passed through unchanged. Databases rewrite a condition when they
 * store it ({@code (total >= (0)::numeric)} on PostgreSQL), so autogenerate reads checks
 * back but does not compare them.
 *
 * @param name the constraint's name; empty when the database names it
 * @param condition the SQL condition every row satisfies
 */
public record CheckConstraint(Optional<String> name, String condition) {

    /** @throws IllegalArgumentException for a blank condition or name */
    public CheckConstraint {
        name = Table.optionalName("check constraint name", name);
        Objects.requireNonNull(condition, "condition");
        Table.requireName("check constraint's condition", condition);
    }

    /** An unnamed check of {@code condition}. */
    public static CheckConstraint of(String condition) {
        return new CheckConstraint(Optional.empty(), condition);
    }

    /** This check named {@code name}. */
    public CheckConstraint named(String name) {
        return new CheckConstraint(Optional.of(name), condition);
    }

    /** The same check as a {@code createTable} constraint. */
    public TableConstraint.Check toTableConstraint() {
        return new TableConstraint.Check(name, condition);
    }
}
