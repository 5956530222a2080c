package dev.retort.runtime.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * Drops an index with the options {@link DropIndex} lacks: {@code IF EXISTS} and {@code
 * CONCURRENTLY}. Built by {@code op.dropIndex(name, table, ix -> …)}. It has no {@link
 * #reverse()}: the value does not know the indexed columns.
 *
 * @param schema the index's schema; empty for the connection's current schema
 * @param name the index's name
 * @param table the indexed table, when known: MariaDB and MySQL need it
 * @param concurrently drop the index without blocking the table ({@code DROP INDEX
 *     CONCURRENTLY}) where the database can (PostgreSQL); it must run outside a transaction:
 *     see {@code Operations.autocommitBlock}
 * @param ifExists do nothing when no index of that name exists
 */
public record DropIndexWithOptions(Optional<String> schema, String name, Optional<String> table,
        boolean concurrently, boolean ifExists) implements Operation {

    /** @throws IllegalArgumentException for a blank name */
    public DropIndexWithOptions {
        schema = Checks.schema(schema);
        Checks.name("index name", name);
        Objects.requireNonNull(table, "table (use Optional.empty() when unknown)");
        table.ifPresent(t -> Checks.name("table name", t));
    }

    /** A builder for dropping index {@code name} of {@code table}. */
    public static Builder builder(String name, String table) {
        return new Builder(name, table);
    }

    /** The options of dropping an index. */
    public static final class Builder {

        private final String name;
        private final String table;
        private Optional<String> schema = Optional.empty();
        private boolean concurrently;
        private boolean ifExists;

        private Builder(String name, String table) {
            this.name = name;
            this.table = table;
        }

        /** The index's schema; by default the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = Optional.of(schema);
            return this;
        }

        /**
         * Drops the index without blocking the table, as PostgreSQL's {@code DROP INDEX
         * CONCURRENTLY}; other databases drop it as usual. Must sit in {@code
         * op.autocommitBlock(() -> …)}.
         */
        public Builder concurrently() {
            this.concurrently = true;
            return this;
        }

        /** Does nothing when the index does not exist: {@code DROP INDEX IF EXISTS}. */
        public Builder ifExists() {
            this.ifExists = true;
            return this;
        }

        /** The drop. */
        public DropIndexWithOptions build() {
            return new DropIndexWithOptions(schema, name, Optional.of(table), concurrently, ifExists);
        }
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
}
