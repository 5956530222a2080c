package dev.retort.runtime.operation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a PostgreSQL enum type: {@code CREATE TYPE name AS ENUM ('a', 'b')}. A column then
 * takes it as its type, {@code Type.raw("name")}. Other databases refuse it (MariaDB's {@code
 * ENUM} is a column type of its own, written {@code Type.raw("ENUM('a', 'b')")}).
 *
 * @param schema the type's schema; empty for the connection's current schema
 * @param name the type's name
 * @param values its labels, in order (the order compares and sorts them); at least one, no repeats
 */
public record CreateEnumType(Optional<String> schema, String name, List<String> values) implements Operation {

    /** @throws IllegalArgumentException for a blank name, no values or a repeated value */
    public CreateEnumType {
        schema = Checks.schema(schema);
        Checks.name("enum type name", name);
        Objects.requireNonNull(values, "values");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Enum type " + name + " needs at least one value");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("Enum type " + name + " repeats a value: " + values);
        }
    }

    /** Drops the type. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropEnumType(schema, name));
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
