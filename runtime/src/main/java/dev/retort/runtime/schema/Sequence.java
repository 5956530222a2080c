package dev.retort.runtime.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence in a {@link Metadata} model: a named counter the database advances on each
 * {@code nextval}, as Hibernate's default id generator uses ({@code account_seq}, increment
 * 50). Built fluently; every method returns a new sequence.
 *
 * <pre>{@code
 * Sequence.of("account_seq").incrementBy(50)
 * Sequence.of("invoice_number").startWith(1000)
 * }</pre>
 *
 * <p>Sequences are compared by name: autogenerate creates and drops them but does not
 * compare their start or increment, since restarting a sequence in use would lose its
 * position. Sequences that back identity or serial columns belong to their columns and are
 * not sequences of a model. A sequence lives in the connection's current schema unless {@link
 * #inSchema(String)} names another.
 */
public final class Sequence {

    private final String name;
    private final long start;
    private final long increment;
    private final Optional<String> schema;

    private Sequence(String name, long start, long increment) {
        this(name, start, increment, Optional.empty());
    }

    private Sequence(String name, long start, long increment, Optional<String> schema) {
        this.name = Table.requireName("sequence name", name);
        this.schema = schema;
        if (increment == 0) {
            throw new IllegalArgumentException("Sequence " + name + " needs an increment other than 0");
        }
        this.start = start;
        this.increment = increment;
    }

    /**
     * A sequence named {@code name} that starts with 1 and counts up by 1.
     *
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public static Sequence of(String name) {
        return new Sequence(name, 1, 1);
    }

    /** This sequence, giving {@code start} first. */
    public Sequence startWith(long start) {
        return new Sequence(name, start, increment, schema);
    }

    /**
     * This sequence, advancing by {@code increment} on each value (negative counts down).
     *
     * @throws IllegalArgumentException when {@code increment} is 0
     */
    public Sequence incrementBy(long increment) {
        return new Sequence(name, start, increment, schema);
    }

    /** This sequence under another name, everything else kept. */
    Sequence withName(String newName) {
        return new Sequence(newName, start, increment, schema);
    }

    /** This sequence in {@code schema} rather than the connection's current schema. */
    public Sequence inSchema(String schema) {
        return new Sequence(name, start, increment, Optional.of(Table.requireName("schema", schema)));
    }

    /** This sequence in {@code schema}, empty for the connection's current schema. */
    public Sequence withSchema(Optional<String> schema) {
        return new Sequence(name, start, increment, Table.optionalName("schema", schema));
    }

    /** The sequence's schema; empty for the connection's current schema. */
    public Optional<String> schema() {
        return schema;
    }

    /** The sequence's name, unique in the schema. */
    public String name() {
        return name;
    }

    /** The first value the sequence gives. */
    public long start() {
        return start;
    }

    /** What each value adds to the one before. */
    public long increment() {
        return increment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sequence that && name.equals(that.name) && start == that.start
                && increment == that.increment && schema.equals(that.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, start, increment, schema);
    }

    /** The name, start and increment, for messages and test failures. */
    @Override
    public String toString() {
        return "Sequence[" + schema.map(s -> s + ".").orElse("") + name + ", start " + start + ", increment " + increment + "]";
    }
}
