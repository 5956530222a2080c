package dev.retort.runtime.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * Adds a label to a PostgreSQL enum type: {@code ALTER TYPE name ADD VALUE 'v' [BEFORE 'b' |
 * AFTER 'a']}, at the end unless placed. PostgreSQL 12 and later run it inside the
 * migration's transaction, but a value added there cannot be used (as a default, in an insert)
 * until that transaction commits: use it in a later revision. PostgreSQL 11 and older refuse
 * it inside a transaction block altogether. It has no {@link #reverse()}: PostgreSQL cannot
 * remove a label from an enum type.
 *
 * @param schema the type's schema; empty for the connection's current schema
 * @param type the enum type's name
 * @param value the new label
 * @param before the label it goes before; empty unless placed so
 * @param after the label it goes after; empty unless placed so
 */
public record AddEnumValue(Optional<String> schema, String type, String value, Optional<String> before,
        Optional<String> after) implements Operation {

    /** @throws IllegalArgumentException for a blank name, or a value placed both before and after */
    public AddEnumValue {
        schema = Checks.schema(schema);
        Checks.name("enum type name", type);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.isPresent() && after.isPresent()) {
            throw new IllegalArgumentException("Value " + value + " of enum type " + type
                    + " is placed both before and after a label; give one of them");
        }
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
