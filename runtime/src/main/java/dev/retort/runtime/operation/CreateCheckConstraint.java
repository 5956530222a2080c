package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * Adds a named check constraint. Existing rows must satisfy it.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param name the constraint's name
 * @param table the table
 * @param condition the SQL condition, passed through unchanged: write column names as the
 *     database expects them (bare when lower case), e.g. {@code "total >= 0"}
 */
public record CreateCheckConstraint(Optional<String> schema, String name, String table, String condition)
        implements TableChange {

    /** @throws IllegalArgumentException for a blank name or condition */
    public CreateCheckConstraint {
        schema = Checks.schema(schema);
        Checks.name("constraint name", name);
        Checks.name("table name", table);
        Checks.name("condition of check constraint " + name, condition);
    }

    /** Drops the constraint again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropConstraint(schema, name, table, Optional.of(ConstraintType.CHECK)));
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
