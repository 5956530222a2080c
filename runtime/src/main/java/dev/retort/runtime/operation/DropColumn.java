package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * Drops a column and its data. It has no {@link #reverse()}: the value does not know the
 * column's definition; write the downgrade's {@code addColumn} out.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name
 * @param column the column's name
 */
public record DropColumn(Optional<String> schema, String table, String column) implements TableChange {

    /** @throws IllegalArgumentException for a blank name */
    public DropColumn {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Checks.name("column name", column);
    }

    /** A column of a table in the connection's current schema. */
    public DropColumn(String table, String column) {
        this(Optional.empty(), table, column);
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
