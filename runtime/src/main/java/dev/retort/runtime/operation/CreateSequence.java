package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * Creates a sequence: {@code CREATE SEQUENCE name START WITH start INCREMENT BY increment}.
 * SQLite has no sequences and refuses it.
 *
 * @param schema the sequence's schema; empty for the connection's current schema
 * @param name the sequence's name
 * @param start the first value it gives
 * @param increment what each value adds to the one before; not 0
 */
public record CreateSequence(Optional<String> schema, String name, long start, long increment) implements Operation {

    /** @throws IllegalArgumentException for a blank name or an increment of 0 */
    public CreateSequence {
        schema = Checks.schema(schema);
        Checks.name("sequence name", name);
        if (increment == 0) {
            throw new IllegalArgumentException("Sequence " + name + " needs an increment other than 0");
        }
    }

    /** A sequence in the connection's current schema that starts with 1 and counts up by 1. */
    public CreateSequence(String name) {
        this(Optional.empty(), name, 1, 1);
    }

    /** Drops the sequence. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropSequence(schema, name));
    }

    /** Starts a sequence named {@code name}; see {@code Operations.createSequence}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The start and increment of a sequence being created; by default 1 and 1. */
    public static final class Builder {

        private final String name;
        private Optional<String> schema = Optional.empty();
        private long start = 1;
        private long increment = 1;

        private Builder(String name) {
            this.name = name;
        }

        /** The sequence's schema; by default the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = Optional.of(schema);
            return this;
        }

        /** The first value the sequence gives. */
        public Builder startWith(long start) {
            this.start = start;
            return this;
        }

        /** What each value adds to the one before (Hibernate's default id generator uses 50). */
        public Builder incrementBy(long increment) {
            this.increment = increment;
            return this;
        }

        /**
         * The operation.
         *
         * @throws IllegalArgumentException for a blank name or an increment of 0
         */
        public CreateSequence build() {
            return new CreateSequence(schema, name, start, increment);
        }
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
