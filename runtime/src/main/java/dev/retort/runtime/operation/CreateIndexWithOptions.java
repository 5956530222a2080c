package dev.retort.runtime.operation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates an index with the options {@link CreateIndex} lacks: expressions as well as
 * columns, a partial-index predicate, {@code CONCURRENTLY} and {@code IF NOT EXISTS}. Built
 * by {@code op.createIndex(name, table, ix -> …)}.
 *
 * <pre>{@code
 * CreateIndexWithOptions ix = CreateIndexWithOptions.builder("ix_account_email", "account")
 *     .expression("lower(email)")
 *     .unique()
 *     .where("deleted_at IS NULL")
 *     .build();
 * }</pre>
 *
 * @param schema the table's schema (the index is created beside it); empty for the
 *     connection's current schema
 * @param name the index's name, unique within the schema
 * @param table the indexed table
 * @param elements the index's key, in order: columns and expressions; at least one
 * @param unique true for a unique index
 * @param where the predicate of a partial index, as SQL ({@code deleted_at IS NULL});
 *     PostgreSQL and SQLite have partial indexes, other databases refuse it
 * @param concurrently build the index without blocking writes ({@code CREATE INDEX
 *     CONCURRENTLY}) where the database can (PostgreSQL); other databases build it as
 *     usual. It must run outside a transaction: see {@code Operations.autocommitBlock}
 * @param ifNotExists do nothing when an index of that name exists
 */
public record CreateIndexWithOptions(
        Optional<String> schema,
        String name,
        String table,
        List<Element> elements,
        boolean unique,
        Optional<String> where,
        boolean concurrently,
        boolean ifNotExists) implements Operation {

    /**
     * @throws IllegalArgumentException for a blank name, no elements, a column named twice
     *     or a blank predicate
     */
    public CreateIndexWithOptions {
        schema = Checks.schema(schema);
        Checks.name("index name", name);
        Checks.name("table name", table);
        Objects.requireNonNull(elements, "elements");
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("Index " + name + " on " + table
                    + " needs at least one column or expression: ix.columns(\"email\") or ix.expression(\"lower(email)\")");
        }
        var columns = new HashSet<String>();
        for (Element element : elements) {
            Objects.requireNonNull(element, "element of index " + name);
            if (!element.isExpression() && !columns.add(element.sql())) {
                throw new IllegalArgumentException("Index " + name + " names column " + element.sql() + " twice");
            }
        }
        elements = List.copyOf(elements);
        Objects.requireNonNull(where, "where (use Optional.empty() for an index on every row)");
        where.ifPresent(w -> Checks.name("where clause of index " + name, w));
    }

    /** A builder for an index named {@code name} on {@code table}; add its columns or expressions. */
    public static Builder builder(String name, String table) {
        return new Builder(name, table);
    }

    /** True when any element is an expression rather than a column. */
    public boolean hasExpressions() {
        return elements.stream().anyMatch(Element::isExpression);
    }

    /** Drops the index again, concurrently if it was created so, with {@code IF EXISTS} if it was created with {@code IF NOT EXISTS}. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropIndexWithOptions(schema, name, Optional.of(table), concurrently, ifNotExists));
    }

    /**
     * One part of an index's key: a column, quoted by the dialect, or an expression, passed
     * through as SQL and parenthesised.
     *
     * @param sql the column's name, or the expression's SQL
     * @param isExpression true for an expression
     */
    public record Element(String sql, boolean isExpression) {

        /** @throws IllegalArgumentException when {@code sql} is blank */
        public Element {
            Checks.name(isExpression ? "index expression" : "index column name", sql);
        }

        /** A column of the table: {@code Element.column("email")}. */
        public static Element column(String name) {
            return new Element(name, false);
        }

        /**
         * An expression over the table's columns, as SQL: {@code Element.expression("lower(email)")}.
         * It is not escaped: never build it from input.
         */
        public static Element expression(String sql) {
            return new Element(sql, true);
        }
    }

    /** The parts of an index; {@link #build()} checks the whole. */
    public static final class Builder {

        private final String name;
        private final String table;
        private final List<Element> elements = new ArrayList<>();
        private Optional<String> schema = Optional.empty();
        private boolean unique;
        private Optional<String> where = Optional.empty();
        private boolean concurrently;
        private boolean ifNotExists;

        private Builder(String name, String table) {
            this.name = name;
            this.table = table;
        }

        /** The table's schema; by default the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = Optional.of(schema);
            return this;
        }

        /** Adds columns to the key, in order: {@code ix.columns("account_id", "placed_at")}. */
        public Builder columns(String... columns) {
            for (String column : columns) {
                elements.add(Element.column(column));
            }
            return this;
        }

        /**
         * Adds an expression to the key: {@code ix.expression("lower(email)")}. PostgreSQL and
         * SQLite index expressions; H2 and MariaDB do not (index a generated column there).
         * The SQL is not escaped: never build it from input.
         */
        public Builder expression(String sql) {
            elements.add(Element.expression(sql));
            return this;
        }

        /** Makes the index unique. */
        public Builder unique() {
            this.unique = true;
            return this;
        }

        /**
         * Indexes only the rows where {@code predicate} holds, as SQL: {@code
         * ix.where("deleted_at IS NULL")}. PostgreSQL and SQLite only.
         */
        public Builder where(String predicate) {
            this.where = Optional.of(predicate);
            return this;
        }

        /**
         * Builds the index without blocking writes to the table, as PostgreSQL's {@code
         * CREATE INDEX CONCURRENTLY}; databases without it build the index as usual. On
         * every database the call must sit in {@code op.autocommitBlock(() -> …)}, since
         * PostgreSQL refuses it inside a transaction.
         */
        public Builder concurrently() {
            this.concurrently = true;
            return this;
        }

        /** Does nothing when an index of that name already exists: {@code CREATE INDEX IF NOT EXISTS}. */
        public Builder ifNotExists() {
            this.ifNotExists = true;
            return this;
        }

        /** The index. */
        public CreateIndexWithOptions build() {
            return new CreateIndexWithOptions(schema, name, table, elements, unique, where, concurrently, ifNotExists);
        }
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
