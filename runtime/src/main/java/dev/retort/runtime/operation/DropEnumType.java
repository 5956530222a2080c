package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * Drops a PostgreSQL enum type: {@code DROP TYPE name}; it fails while a column still uses
 * it. It has no {@link #reverse()}: the value does not know the type's labels; write the
 * downgrade's {@code createEnumType} out.
 *
 * @param schema the type's schema; empty for the connection's current schema
 * @param name the type's name
 */
public record DropEnumType(Optional<String> schema, String name) implements Operation {

    /** @throws IllegalArgumentException for a blank name */
    public DropEnumType {
        schema = Checks.schema(schema);
        Checks.name("enum type name", name);
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
