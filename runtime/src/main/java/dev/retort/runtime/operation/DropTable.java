package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * Drops a table and its data. It has no {@link #reverse()}: the value does not know the
 * table's columns; write the downgrade's {@code createTable} out.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name
 */
public record DropTable(Optional<String> schema, String table) implements Operation {

    /** @throws IllegalArgumentException for a blank name */
    public DropTable {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
    }

    /** A table in the connection's current schema. */
    public DropTable(String table) {
        this(Optional.empty(), table);
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
}
