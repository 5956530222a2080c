package dev.retort.runtime.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A whole schema as values: the tables an application expects, or the tables a database
 * has. Autogenerate compares two of them, the model declared in Java (or generated from
 * JPA entities) with the one read from the database, and turns the differences into
 * operations. Immutable.
 *
 * <pre>{@code
 * Metadata model = Metadata.builder()
 *     .table("account", t -> t
 *         .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
 *         .column(Column.of("email", Type.varchar(200)).notNull())
 *         .index("ix_account_email", "email")
 *         .comment("Customers"))
 *     .table("orders", t -> t
 *         .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
 *         .column(Column.of("account_id", Type.BIGINT).notNull())
 *         .foreignKey("account_id", "account", "id"))
 *     .build();
 * }</pre>
 *
 * <p>Names are written as migrations write them: lower case, quoted in SQL only where they
 * must be. Tables keep the order they were added in.
 */
public final class Metadata {

    private static final Metadata EMPTY = new Metadata(new LinkedHashMap<>());

    private final Map<String, Table> tables;

    private Metadata(LinkedHashMap<String, Table> tables) {
        this.tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** A schema without tables. */
    public static Metadata empty() {
        return EMPTY;
    }

    /** Starts a schema. */
    public static Builder builder() {
        return new Builder();
    }

    /** The tables, in the order they were added. */
    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /** The table named {@code name}, if there is one. */
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** True when there are no tables. */
    public boolean isEmpty() {
        return tables.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metadata that && tables.equals(that.tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }

    /** The tables, for messages and test failures. */
    @Override
    public String toString() {
        return "Metadata" + tables.values();
    }

    /** Collects tables; {@link #build()} checks names and the foreign keys between them. */
    public static final class Builder {

        private final LinkedHashMap<String, Table> tables = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a table declared on the builder {@code definition} receives:
         * {@code .table("account", t -> t.column(...).index(...))}.
         *
         * @throws IllegalArgumentException when a table of that name was added already
         */
        public Builder table(String name, Consumer<Table.Builder> definition) {
            Table.Builder table = Table.builder(name);
            Objects.requireNonNull(definition, "definition of table " + name).accept(table);
            return table(table.build());
        }

        /**
         * Adds a table.
         *
         * @throws IllegalArgumentException when a table of that name was added already
         */
        public Builder table(Table table) {
            Objects.requireNonNull(table, "table");
            if (tables.putIfAbsent(table.name(), table) != null) {
                throw new IllegalArgumentException("The schema defines table " + table.name() + " twice");
            }
            return this;
        }

        /** Adds every table of {@code tables}. */
        public Builder tables(Collection<Table> tables) {
            tables.forEach(this::table);
            return this;
        }

        /**
         * The schema.
         *
         * @throws IllegalArgumentException when two indexes share a name (names are unique in
         *     a schema), or a foreign key references a table of this schema by a column it
         *     does not have; a key to a table outside the model is allowed
         */
        public Metadata build() {
            Map<String, String> indexOwners = new HashMap<>();
            for (Table table : tables.values()) {
                for (Index index : table.indexes()) {
                    String owner = indexOwners.putIfAbsent(index.name(), table.name());
                    if (owner != null) {
                        throw new IllegalArgumentException("Index " + index.name() + " is declared on table " + owner
                                + " and on table " + table.name() + "; index names are unique in a schema");
                    }
                }
                for (ForeignKey foreignKey : table.foreignKeys()) {
                    Table referent = tables.get(foreignKey.referentTable());
                    if (referent == null) {
                        continue;
                    }
                    for (String column : foreignKey.referentColumns()) {
                        if (referent.column(column).isEmpty()) {
                            throw new IllegalArgumentException("Foreign key " + foreignKey.columns() + " of table "
                                    + table.name() + " references " + referent.name() + "." + column
                                    + ", which that table does not define");
                        }
                    }
                }
            }
            return tables.isEmpty() ? EMPTY : new Metadata(tables);
        }
    }
}
