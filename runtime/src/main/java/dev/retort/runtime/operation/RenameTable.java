package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * Renames a table within its schema.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's current name
 * @param newName the table's new name
 */
public record RenameTable(Optional<String> schema, String table, String newName) implements Operation {

    /** @throws IllegalArgumentException for a blank name */
    public RenameTable {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Checks.name("new table name", newName);
    }

    /** A table in the connection's current schema. */
    public RenameTable(String table, String newName) {
        this(Optional.empty(), table, newName);
    }

    /** Renames the table back. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameTable(schema, newName, table));
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
