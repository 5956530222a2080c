package dev.retort.runtime.operation;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.TableConstraint;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a table. Primary-key columns form one primary-key constraint; unique columns
 * get a unique constraint each; {@code constraints} adds table constraints (a composite
 * primary key, unique, check, foreign key); comments on the table and its columns follow
 * the {@code CREATE TABLE}.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name
 * @param columns the columns, in order; at least one, names unique
 * @param constraints table constraints, in order
 * @param comment the table's comment
 */
public record CreateTable(Optional<String> schema, String table, List<Column> columns,
        List<TableConstraint> constraints, Optional<String> comment) implements Operation {

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
        constraints = List.copyOf(Objects.requireNonNull(constraints, "constraints"));
        Objects.requireNonNull(comment, "comment");
        for (TableConstraint constraint : constraints) {
            for (String column : constraint.columns()) {
                if (!names.contains(column)) {
                    throw new IllegalArgumentException("A constraint of table " + table + " names column " + column
                            + ", which the table does not define");
                }
            }
            List<String> marked = columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
            if (constraint instanceof TableConstraint.PrimaryKey pk && !marked.isEmpty() && !marked.equals(pk.columns())) {
                throw new IllegalArgumentException("Table " + table + " declares two primary keys: columns " + marked
                        + " marked primaryKey() and TableConstraint.primaryKey" + pk.columns() + "; keep one");
            }
        }
    }

    /** A table of columns alone. */
    public CreateTable(Optional<String> schema, String table, List<Column> columns) {
        this(schema, table, columns, List.of(), Optional.empty());
    }

    /** A table in the connection's current schema. */
    public CreateTable(String table, List<Column> columns) {
        this(Optional.empty(), table, columns);
    }

    /**
     * The columns marked {@code primaryKey()}, in table order; empty when there are none
     * (a {@link TableConstraint.PrimaryKey} in {@link #constraints()} may declare the key instead).
     */
    public List<Column> primaryKey() {
        return columns.stream().filter(Column::isPrimaryKey).toList();
    }

    /** The primary-key constraint among {@link #constraints()}, if one is declared there. */
    public Optional<TableConstraint.PrimaryKey> primaryKeyConstraint() {
        return constraints.stream().filter(TableConstraint.PrimaryKey.class::isInstance)
                .map(TableConstraint.PrimaryKey.class::cast).findFirst();
    }

    /**
     * What {@code createTable} takes besides columns: table constraints and a comment.
     * {@code t -> t.constraint(TableConstraint.unique("email")).comment("Customers")}.
     */
    public static final class Options {

        private final List<TableConstraint> constraints = new java.util.ArrayList<>();
        private Optional<String> comment = Optional.empty();

        /** A builder with nothing set; {@code Operations.createTable} hands one to its callback. */
        public Options() {
        }

        /** Adds a table constraint. */
        public Options constraint(TableConstraint constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /** Sets the table's comment. */
        public Options comment(String comment) {
            this.comment = Optional.of(Objects.requireNonNull(comment, "comment"));
            return this;
        }

        /** The constraints added so far, in order. */
        public List<TableConstraint> constraints() {
            return List.copyOf(constraints);
        }

        /** The comment, if set. */
        public Optional<String> comment() {
            return comment;
        }
    }

    /** Drops the table again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropTable(schema, table));
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
