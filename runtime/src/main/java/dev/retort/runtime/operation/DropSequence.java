package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * Drops a sequence, and with it the position it had reached. It has no {@link #reverse()}:
 * the value does not know the sequence's start and increment; write the downgrade's {@code
 * createSequence} out. SQLite has no sequences and refuses it.
 *
 * @param schema the sequence's schema; empty for the connection's current schema
 * @param name the sequence's name
 */
public record DropSequence(Optional<String> schema, String name) implements Operation {

    /** @throws IllegalArgumentException for a blank name */
    public DropSequence {
        schema = Checks.schema(schema);
        Checks.name("sequence name", name);
    }

    /** A sequence in the connection's current schema. */
    public DropSequence(String name) {
        this(Optional.empty(), name);
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
