package dev.retort.runtime.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * Drops an index. It has no {@link #reverse()}: the value does not know the indexed columns.
 *
 * @param schema the index's schema; empty for the connection's current schema
 * @param name the index's name
 * @param table the indexed table, when known: H2 and PostgreSQL do not need it, MariaDB
 *     and MySQL do, so portable migrations give it
 */
public record DropIndex(Optional<String> schema, String name, Optional<String> table) implements TableChange {

    /** @throws IllegalArgumentException for a blank name */
    public DropIndex {
        schema = Checks.schema(schema);
        Checks.name("index name", name);
        Objects.requireNonNull(table, "table (use Optional.empty() when unknown)");
        table.ifPresent(t -> Checks.name("table name", t));
    }

    /** An index of a table in the connection's current schema. */
    public DropIndex(String name, String table) {
        this(Optional.empty(), name, Optional.of(table));
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

    @Override
    public Optional<String> changedTable() {
        return table;
    }

    @Override
    public <R> R accept(TableChange.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
