package dev.retort.runtime.schema;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL enum type in a {@link Metadata} model: a named, ordered set of labels ({@code
 * CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')}). A column of the type declares it as
 * {@code Type.raw("mood")}.
 *
 * <pre>{@code
 * Metadata.builder()
 *     .enumType(EnumType.of("mood", "sad", "ok", "happy"))
 *     .table("person", t -> t.column(Column.of("mood", Type.raw("mood"))))
 *     .build();
 * }</pre>
 *
 * <p>Autogenerate creates and drops enum types by name and adds the labels a type lacks, in
 * their place; it does not remove or reorder labels (PostgreSQL cannot), and says so in a
 * note. Other databases have no named enum types.
 */
public final class EnumType {

    private final String name;
    private final List<String> values;

    private EnumType(String name, List<String> values) {
        this.name = Table.requireName("enum type name", name);
        this.values = List.copyOf(values);
        if (this.values.isEmpty()) {
            throw new IllegalArgumentException("Enum type " + name + " needs at least one value");
        }
        if (this.values.stream().distinct().count() != this.values.size()) {
            throw new IllegalArgumentException("Enum type " + name + " repeats a value: " + this.values);
        }
    }

    /**
     * An enum type named {@code name} with {@code values}, in order.
     *
     * @throws IllegalArgumentException when the name is blank, or there is no value or a repeated one
     */
    public static EnumType of(String name, String... values) {
        return of(name, List.of(values));
    }

    /**
     * An enum type named {@code name} with {@code values}, in order.
     *
     * @throws IllegalArgumentException when the name is blank, or there is no value or a repeated one
     */
    public static EnumType of(String name, List<String> values) {
        return new EnumType(name, values);
    }

    /** This type under another name, its values kept. */
    EnumType withName(String newName) {
        return new EnumType(newName, values);
    }

    /** The type's name, unique in the schema. */
    public String name() {
        return name;
    }

    /** The labels, in their order. */
    public List<String> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumType that && name.equals(that.name) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, values);
    }

    /** The name and labels, for messages and test failures. */
    @Override
    public String toString() {
        return "EnumType[" + name + ", " + values + "]";
    }
}
