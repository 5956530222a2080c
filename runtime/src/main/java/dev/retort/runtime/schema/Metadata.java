package dev.retort.runtime.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A whole schema as values: the tables and sequences an application expects, or those a
 * database has. Autogenerate compares two of them, the model declared in Java (or generated from
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
 *     .sequence(Sequence.of("invoice_seq").incrementBy(50))
 *     .build();
 * }</pre>
 *
 * <p>Names are written as migrations write them: lower case, quoted in SQL only where they
 * must be, so a name with an upper-case letter is exact, as in SQLAlchemy. A model whose
 * names an ORM writes bare in its SQL (Hibernate's {@code Account.createdAt}) says so with
 * {@link Builder#unquotedNames()}. Tables and sequences keep the order they were added in.
 *
 * <p>Tables and sequences live in the connection's current schema unless they name another
 * ({@link Table.Builder#schema(String)}, {@link Sequence#inSchema(String)}); names are unique
 * per schema, and {@link #table(String)} finds a table of the current schema.
 */
public final class Metadata {

    private static final Metadata EMPTY = new Metadata(new LinkedHashMap<>(), new LinkedHashMap<>(), false);

    private final Map<String, Table> tables;
    private final Map<String, Sequence> sequences;
    private final boolean unquotedNames;
    private Map<String, EnumType> enumTypes = Map.of(); // set once, by the builder

    private Metadata(LinkedHashMap<String, Table> tables, LinkedHashMap<String, Sequence> sequences,
            boolean unquotedNames) {
        this.tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.sequences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sequences));
        this.unquotedNames = unquotedNames;
    }

    /** A schema without tables or sequences. */
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

    /** The table named {@code name} in the connection's current schema, if there is one. */
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table named {@code name} in {@code schema} (empty: the connection's current schema), if there is one. */
    public Optional<Table> table(Optional<String> schema, String name) {
        return Optional.ofNullable(tables.get(key(schema, name)));
    }

    /** The key of a table or sequence: its name alone in the current schema, so that {@link #table(String)} finds it. */
    private static String key(Optional<String> schema, String name) {
        return schema.map(s -> s + '\0' + name).orElse(name);
    }

    /** The sequences, in the order they were added. */
    public List<Sequence> sequences() {
        return List.copyOf(sequences.values());
    }

    /** The sequence named {@code name} in the connection's current schema, if there is one. */
    public Optional<Sequence> sequence(String name) {
        return Optional.ofNullable(sequences.get(name));
    }

    /** The PostgreSQL enum types, in the order they were added. */
    public List<EnumType> enumTypes() {
        return List.copyOf(enumTypes.values());
    }

    /** The enum type named {@code name}, if there is one. */
    public Optional<EnumType> enumType(String name) {
        return Optional.ofNullable(enumTypes.get(name));
    }

    /** The sequence named {@code name} in {@code schema} (empty: the connection's current schema), if there is one. */
    public Optional<Sequence> sequence(Optional<String> schema, String name) {
        return Optional.ofNullable(sequences.get(key(schema, name)));
    }

    /** True when there are no tables, no sequences and no enum types. */
    public boolean isEmpty() {
        return tables.isEmpty() && sequences.isEmpty() && enumTypes.isEmpty();
    }

    /**
     * True when the names are bare SQL identifiers, which each database stores in its own
     * case ({@link Builder#unquotedNames()}); false when they are exact.
     */
    public boolean hasUnquotedNames() {
        return unquotedNames;
    }

    /**
     * This schema with every name passed through {@code rename}: tables, columns, indexes,
     * constraints, the tables and columns foreign keys reference, and sequences. Check conditions and
     * comments stay as they are. The names of the result are exact ({@link
     * #hasUnquotedNames()} is false): autogenerate folds an unquoted model this way, with
     * the compared database's rule, before comparing.
     *
     * @throws IllegalArgumentException when {@code rename} gives two tables, two columns of
     *     a table, two indexes or two sequences the same name
     */
    public Metadata renamed(UnaryOperator<String> rename) {
        Objects.requireNonNull(rename, "rename");
        Builder out = builder();
        tables.values().forEach(t -> out.table(t.renamed(rename)));
        sequences.values().forEach(s -> out.sequence(s.withName(rename.apply(s.name()))
                .withSchema(s.schema().map(rename))));
        enumTypes.values().forEach(e -> out.enumType(e.withName(rename.apply(e.name()))));
        return out.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metadata that && tables.equals(that.tables) && sequences.equals(that.sequences)
                && unquotedNames == that.unquotedNames && enumTypes.equals(that.enumTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tables, sequences, unquotedNames, enumTypes);
    }

    /** The tables and sequences, for messages and test failures. */
    @Override
    public String toString() {
        return "Metadata" + (unquotedNames ? "(unquoted names)" : "") + tables.values()
                + (sequences.isEmpty() ? "" : sequences.values().toString())
                + (enumTypes.isEmpty() ? "" : enumTypes.values().toString());
    }

    /**
     * Collects tables and sequences; {@link #build()} checks names and the foreign keys
     * between tables.
     */
    public static final class Builder {

        private final LinkedHashMap<String, Table> tables = new LinkedHashMap<>();
        private final LinkedHashMap<String, Sequence> sequences = new LinkedHashMap<>();
        private boolean unquotedNames;
        private final LinkedHashMap<String, EnumType> enumTypes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares the names bare SQL identifiers, as an ORM that never quotes writes them
         * (Hibernate's default naming keeps {@code Account.createdAt}): each database stores
         * such a name in its own case, PostgreSQL in lower case, H2 in upper case, MariaDB and
         * SQLite as written. Autogenerate then compares and writes the names as the compared
         * database stores them ({@link dev.retort.runtime.dialect.Dialect#foldUnquotedName}):
         * {@code account.createdat} on PostgreSQL, {@code Account.createdAt} on MariaDB. Without
         * it a name with an upper-case letter is exact and quoted in SQL, as in SQLAlchemy. The
         * processor declares the models it generates from JPA entities this way.
         */
        public Builder unquotedNames() {
            this.unquotedNames = true;
            return this;
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
            if (tables.putIfAbsent(key(table.schema(), table.name()), table) != null) {
                throw new IllegalArgumentException("The schema defines table "
                        + table.schema().map(s -> s + ".").orElse("") + table.name() + " twice");
            }
            return this;
        }

        /** Adds every table of {@code tables}. */
        public Builder tables(Collection<Table> tables) {
            tables.forEach(this::table);
            return this;
        }

        /**
         * Adds a sequence: {@code .sequence(Sequence.of("account_seq").incrementBy(50))}.
         *
         * @throws IllegalArgumentException when a sequence of that name was added already
         */
        public Builder sequence(Sequence sequence) {
            Objects.requireNonNull(sequence, "sequence");
            if (sequences.putIfAbsent(key(sequence.schema(), sequence.name()), sequence) != null) {
                throw new IllegalArgumentException("The schema defines sequence "
                        + sequence.schema().map(s -> s + ".").orElse("") + sequence.name() + " twice");
            }
            return this;
        }

        /**
         * Adds a PostgreSQL enum type: {@code .enumType(EnumType.of("mood", "sad", "ok", "happy"))}.
         *
         * @throws IllegalArgumentException when an enum type of that name was added already
         */
        public Builder enumType(EnumType type) {
            Objects.requireNonNull(type, "type");
            if (enumTypes.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("The schema defines enum type " + type.name() + " twice");
            }
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
                    String owner = indexOwners.putIfAbsent(key(table.schema(), index.name()), table.name());
                    if (owner != null) {
                        throw new IllegalArgumentException("Index " + index.name() + " is declared on table " + owner
                                + " and on table " + table.name() + "; index names are unique in a schema");
                    }
                }
                for (ForeignKey foreignKey : table.foreignKeys()) {
                    Table referent = tables.get(key(foreignKey.referentSchema().or(table::schema),
                            foreignKey.referentTable()));
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
            if (tables.isEmpty() && sequences.isEmpty() && !unquotedNames && enumTypes.isEmpty()) {
                return EMPTY;
            }
            Metadata metadata = new Metadata(tables, sequences, unquotedNames);
            metadata.enumTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(enumTypes));
            return metadata;
        }
    }
}
