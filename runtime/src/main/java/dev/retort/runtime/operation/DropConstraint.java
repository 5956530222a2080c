package dev.retort.runtime.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * Drops a named constraint of a table. It has no {@link #reverse()}: the value does not
 * know what the constraint checked.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param name the constraint's name
 * @param table the constrained table
 * @param type the constraint's kind, when known: H2 and PostgreSQL do not need it,
 *     MariaDB and MySQL do, so portable migrations give it
 */
public record DropConstraint(Optional<String> schema, String name, String table, Optional<ConstraintType> type)
        implements TableChange {

    /** @throws IllegalArgumentException for a blank name */
    public DropConstraint {
        schema = Checks.schema(schema);
        Checks.name("constraint name", name);
        Checks.name("table name", table);
        Objects.requireNonNull(type, "type (use Optional.empty() when unknown)");
    }

    /** A constraint of a table in the connection's current schema, of unstated kind. */
    public DropConstraint(String name, String table) {
        this(Optional.empty(), name, table, Optional.empty());
    }

    /** None: see the class description. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<String> changedTable() {
        return Optional.of(table);
    }

    @Override
    public <R> R accept(TableChange.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
