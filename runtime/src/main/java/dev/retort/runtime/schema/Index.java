package dev.retort.runtime.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An index on columns of a table in a {@link Metadata} model: {@code Index.of("ix_order_placed",
 * "placed_at")}, {@code Index.uniqueOf("ix_account_email", "email")}. Indexes are
 * compared by name; a change of columns or uniqueness drops and recreates the index.
 * Indexes the database creates to back a primary key, unique constraint or foreign key are
 * not indexes of the model.
 *
 * <p>An index may also key on expressions and cover only some rows (PostgreSQL and SQLite):
 *
 * <pre>{@code
 * Index.of("ix_account_active_email", "email").where("deleted_at IS NULL")
 * Index.builder("ix_account_lower_email").expression("lower(email)").unique().build()
 * }</pre>
 *
 * <p>Expressions and predicates are SQL, compared as the database prints them back (its
 * casts, quotes, case and parentheses aside), so write them as you would in {@code CREATE
 * INDEX}. Where a database has no partial indexes (MariaDB, H2) the predicate is left out
 * there, as Alembic's {@code postgresql_where} is on other databases; where it has no
 * expression indexes, an index on expressions is not compared there.
 *
 * @param name the index's name, unique in the schema
 * @param elements the index's key, in order: columns and expressions; at least one
 * @param unique true for a unique index
 * @param where the predicate of a partial index, as SQL; empty for an index on every row
 */
public record Index(String name, List<Element> elements, boolean unique, Optional<String> where) {

    /**
     * @throws IllegalArgumentException for a blank name, no elements, a column named twice or
     *     a blank expression or predicate
     */
    public Index {
        Table.requireName("index name", name);
        Objects.requireNonNull(elements, "elements of index " + name);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("Index " + name + " needs at least one column or expression");
        }
        Set<String> seen = new HashSet<>();
        for (Element element : elements) {
            Objects.requireNonNull(element, "element of index " + name);
            if (!element.expression() && !seen.add(element.sql())) {
                throw new IllegalArgumentException("Index " + name + " names column " + element.sql() + " twice");
            }
        }
        elements = List.copyOf(elements);
        where = Table.optionalName("where clause of index " + name, where);
    }

    /** An index on {@code columns} only, on every row. */
    public Index(String name, List<String> columns, boolean unique) {
        this(name, Table.columnList("Index " + name, columns).stream().map(Element::column).toList(), unique,
                Optional.empty());
    }

    /** A non-unique index named {@code name} on {@code columns}. */
    public static Index of(String name, String... columns) {
        return new Index(name, List.of(columns), false);
    }

    /** A unique index named {@code name} on {@code columns}. */
    public static Index uniqueOf(String name, String... columns) {
        return new Index(name, List.of(columns), true);
    }

    /** A builder for an index with expressions: {@code Index.builder("ix").columns("a").expression("lower(b)").build()}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The indexed columns, in key order; an index with expressions lists only its plain
     * columns here (see {@link #elements()}).
     */
    public List<String> columns() {
        return elements.stream().filter(e -> !e.expression()).map(Element::sql).toList();
    }

    /** True when any part of the key is an expression rather than a column. */
    public boolean hasExpressions() {
        return elements.stream().anyMatch(Element::expression);
    }

    /** This index covering only the rows where {@code predicate} (SQL) holds: a partial index. */
    public Index where(String predicate) {
        return new Index(name, elements, unique, Optional.of(predicate));
    }

    /**
     * One part of an index's key: a column, or an expression over the table's columns as SQL.
     *
     * @param sql the column's name, or the expression's SQL
     * @param expression true for an expression
     */
    public record Element(String sql, boolean expression) {

        /** @throws IllegalArgumentException when {@code sql} is blank */
        public Element {
            Table.requireName(expression ? "index expression" : "index column name", sql);
        }

        /** A column of the table. */
        public static Element column(String name) {
            return new Element(name, false);
        }

        /** An expression, as SQL: {@code Element.expression("lower(email)")}. Never build it from input. */
        public static Element expression(String sql) {
            return new Element(sql, true);
        }
    }

    /** The parts of an index, in key order; {@link #build()} checks the whole. */
    public static final class Builder {

        private final String name;
        private final List<Element> elements = new ArrayList<>();
        private boolean unique;
        private Optional<String> where = Optional.empty();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds columns to the key, in order. */
        public Builder columns(String... columns) {
            for (String column : columns) {
                elements.add(Element.column(column));
            }
            return this;
        }

        /** Adds an expression to the key: {@code expression("lower(email)")}. PostgreSQL and SQLite only. */
        public Builder expression(String sql) {
            elements.add(Element.expression(sql));
            return this;
        }

        /** Makes the index unique. */
        public Builder unique() {
            this.unique = true;
            return this;
        }

        /** Indexes only the rows where {@code predicate} holds: {@code where("deleted_at IS NULL")}. */
        public Builder where(String predicate) {
            this.where = Optional.of(predicate);
            return this;
        }

        /** The index. */
        public Index build() {
            return new Index(name, elements, unique, where);
        }
    }
}
