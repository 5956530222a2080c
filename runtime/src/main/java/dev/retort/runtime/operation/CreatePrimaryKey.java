package dev.retort.runtime.operation;

import java.util.List;
import java.util.Optional;

/**
 * Adds a named primary key to a table that has none.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param name the constraint's name
 * @param table the table
 * @param columns the key's columns, in key order; they must be {@code NOT NULL}
 */
public record CreatePrimaryKey(Optional<String> schema, String name, String table, List<String> columns)
        implements TableChange {

    /** @throws IllegalArgumentException for a blank name, no columns or a column named twice */
    public CreatePrimaryKey {
        schema = Checks.schema(schema);
        Checks.name("constraint name", name);
        Checks.name("table name", table);
        columns = Checks.columnNames("columns of primary key " + name, columns);
    }

    /** Drops the primary key again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropConstraint(schema, name, table, Optional.of(ConstraintType.PRIMARY_KEY)));
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
