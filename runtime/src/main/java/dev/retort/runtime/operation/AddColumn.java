package dev.retort.runtime.operation;

import dev.retort.runtime.schema.Column;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds a column to an existing table. A {@code NOT NULL} column added to a table that has
 * rows needs a server default.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name
 * @param column the new column
 */
public record AddColumn(Optional<String> schema, String table, Column column) implements TableChange {

    /** @throws IllegalArgumentException for a blank table name */
    public AddColumn {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Objects.requireNonNull(column, "column");
    }

    /** A column of a table in the connection's current schema. */
    public AddColumn(String table, Column column) {
        this(Optional.empty(), table, column);
    }

    /** Drops the column again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropColumn(schema, table, column.name()));
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
