package dev.retort.runtime.operation;

import java.util.List;
import java.util.Optional;

/**
 * Creates an index on one or more columns of a table.
 *
 * @param schema the table's schema (the index is created beside it); empty for the
 *     connection's current schema
 * @param name the index's name, unique within the schema
 * @param table the indexed table
 * @param columns the indexed columns, in key order; at least one
 * @param unique true for a unique index
 */
public record CreateIndex(Optional<String> schema, String name, String table, List<String> columns, boolean unique)
        implements TableChange {

    /** @throws IllegalArgumentException for a blank name, no columns or a column named twice */
    public CreateIndex {
        schema = Checks.schema(schema);
        Checks.name("index name", name);
        Checks.name("table name", table);
        columns = Checks.columnNames("columns of index " + name, columns);
    }

    /** An index on a table in the connection's current schema. */
    public CreateIndex(String name, String table, List<String> columns, boolean unique) {
        this(Optional.empty(), name, table, columns, unique);
    }

    /** Drops the index again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropIndex(schema, name, Optional.of(table)));
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<String> changedTable() {
        return Optional.of(table);
    }

    @Override
    public <R> R accept(TableChange.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
