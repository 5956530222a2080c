package dev.retort.runtime.operation;

import dev.retort.runtime.schema.Column;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a table. Primary-key columns form one primary-key constraint; unique columns
 * get a unique constraint each.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name
 * @param columns the columns, in order; at least one, names unique
 */
public record CreateTable(Optional<String> schema, String table, List<Column> columns) implements Operation {

    /** @throws IllegalArgumentException for a blank name, no columns or a column named twice */
    public CreateTable {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + table + " needs at least one column");
        }
        var names = new HashSet<String>();
        for (Column column : columns) {
            Objects.requireNonNull(column, "a column of table " + table);
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Table " + table + " defines column " + column.name() + " twice");
            }
        }
        columns = List.copyOf(columns);
    }

    /** A table in the connection's current schema. */
    public CreateTable(String table, List<Column> columns) {
        this(Optional.empty(), table, columns);
    }

    /** The primary-key columns, in table order; empty when the table has no primary key. */
    public List<Column> primaryKey() {
        return columns.stream().filter(Column::isPrimaryKey).toList();
    }

    /** Drops the table again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropTable(schema, table));
    }
}
