package dev.retort.runtime.operation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds a PostgreSQL exclusion constraint: no two rows have elements that all compare true
 * with their operators, e.g. no two bookings of one room with overlapping periods
 * ({@code EXCLUDE USING gist (room WITH =, during WITH &&)}). Other databases have none and
 * their dialects refuse it before anything runs.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param name the constraint's name
 * @param table the table
 * @param elements the compared columns and their operators; at least one
 * @param using the index method, e.g. {@code gist}; empty for the database's default ({@code btree})
 * @param where a condition limiting the rows the constraint covers, passed through unchanged
 */
public record CreateExcludeConstraint(Optional<String> schema, String name, String table, List<Element> elements,
        Optional<String> using, Optional<String> where) implements Operation {

    /** @throws IllegalArgumentException for a blank name or no elements */
    public CreateExcludeConstraint {
        schema = Checks.schema(schema);
        Checks.name("constraint name", name);
        Checks.name("table name", table);
        Objects.requireNonNull(elements, "elements");
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("Exclusion constraint " + name + " needs at least one element");
        }
        elements = List.copyOf(elements);
        Objects.requireNonNull(using, "using");
        using.ifPresent(u -> Checks.name("index method", u));
        Objects.requireNonNull(where, "where");
        where.ifPresent(w -> Checks.name("where condition", w));
    }

    /** Drops the constraint again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropConstraint(schema, name, table, Optional.empty()));
    }

    /**
     * One element of an exclusion constraint.
     *
     * @param column the compared column (quoted by the dialect where it must be)
     * @param operator the operator, e.g. {@code =} or {@code &&}
     */
    public record Element(String column, String operator) {

        /** @throws IllegalArgumentException for a blank column or operator */
        public Element {
            Checks.name("column of an exclusion element", column);
            Checks.name("operator of exclusion element " + column, operator);
        }
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
