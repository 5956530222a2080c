package dev.retort.runtime.operation;

import java.util.List;
import java.util.Optional;

/**
 * Adds a named unique constraint: no two rows have the same values in {@code columns}.
 * Unlike a unique index, a foreign key may reference it on every database.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param name the constraint's name
 * @param table the table
 * @param columns the columns; at least one
 */
public record CreateUniqueConstraint(Optional<String> schema, String name, String table, List<String> columns)
        implements TableChange {

    /** @throws IllegalArgumentException for a blank name, no columns or a column named twice */
    public CreateUniqueConstraint {
        schema = Checks.schema(schema);
        Checks.name("constraint name", name);
        Checks.name("table name", table);
        columns = Checks.columnNames("columns of unique constraint " + name, columns);
    }

    /** Drops the constraint again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropConstraint(schema, name, table, Optional.of(ConstraintType.UNIQUE)));
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
