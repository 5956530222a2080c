package dev.retort.runtime.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One table of a {@link Metadata} model: its columns in order, primary key, indexes, unique
 * constraints, foreign keys, checks and comment. Immutable; build it with {@link
 * #builder(String)} or through {@link Metadata.Builder#table(String, Consumer)}.
 *
 * <pre>{@code
 * Table account = Table.builder("account")
 *     .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
 *     .column(Column.of("email", Type.varchar(200)).notNull())
 *     .column(Column.of("tenant_id", Type.BIGINT).notNull())
 *     .index("ix_account_email", "email")
 *     .unique(UniqueConstraint.of("tenant_id", "email"))
 *     .foreignKey(ForeignKey.of(List.of("tenant_id"), "tenant", List.of("id")))
 *     .check(CheckConstraint.of("tenant_id > 0"))
 *     .comment("Customers")
 *     .build();
 * }</pre>
 *
 * <p>The primary key is the columns marked {@link Column#primaryKey()}, or the one given to
 * {@link Builder#primaryKey(PrimaryKey)}. A column marked {@link Column#unique()} keeps its
 * mark and is not repeated in {@link #uniqueConstraints()}.
 *
 * <p>A table lives in the connection's current schema unless {@link Builder#schema(String)}
 * names another; its indexes and constraints live in its schema.
 */
public final class Table {

    private final String name;
    private final List<Column> columns;
    private final Optional<PrimaryKey> primaryKey;
    private final List<Index> indexes;
    private final List<UniqueConstraint> uniqueConstraints;
    private final List<ForeignKey> foreignKeys;
    private final List<CheckConstraint> checkConstraints;
    private final Optional<String> comment;
    private final Optional<String> schema;

    private Table(Builder builder) {
        this.name = builder.name;
        this.schema = builder.schema;
        this.comment = builder.comment;
        this.indexes = List.copyOf(builder.indexes);
        this.uniqueConstraints = List.copyOf(builder.uniqueConstraints);
        List<ForeignKey> foreignKeys = List.copyOf(builder.foreignKeys);
        this.checkConstraints = List.copyOf(builder.checkConstraints);
        if (builder.columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + name + " needs at least one column");
        }
        List<String> marked = builder.columns.values().stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        if (builder.primaryKey.isPresent()) {
            PrimaryKey key = builder.primaryKey.get();
            if (!marked.isEmpty() && !marked.equals(key.columns())) {
                throw new IllegalArgumentException("Table " + name + " declares two primary keys: columns " + marked
                        + " marked primaryKey() and primaryKey(" + key.columns() + "); keep one");
            }
            requireColumns(builder.columns, "Its primary key", key.columns());
            // The database makes primary-key columns NOT NULL; the model says so too.
            for (String column : key.columns()) {
                builder.columns.computeIfPresent(column, (n, c) -> c.isNullable() ? c.notNull() : c);
            }
            this.primaryKey = builder.primaryKey;
        } else {
            this.primaryKey = marked.isEmpty() ? Optional.empty() : Optional.of(new PrimaryKey(Optional.empty(), marked));
        }
        this.columns = List.copyOf(builder.columns.values());
        for (Index index : indexes) {
            requireColumns(builder.columns, "Index " + index.name(), index.columns());
        }
        for (UniqueConstraint unique : uniqueConstraints) {
            requireColumns(builder.columns, "Unique constraint " + unique.columns(), unique.columns());
        }
        for (ForeignKey foreignKey : foreignKeys) {
            requireColumns(builder.columns, "Foreign key " + foreignKey.columns(), foreignKey.columns());
        }
        this.foreignKeys = relative(foreignKeys, schema);
    }

    /** The keys with a referent schema that is {@code schema} itself written as none: one spelling compares equal. */
    private static List<ForeignKey> relative(List<ForeignKey> foreignKeys, Optional<String> schema) {
        if (schema.isEmpty() || foreignKeys.stream().noneMatch(f -> f.referentSchema().equals(schema))) {
            return foreignKeys;
        }
        return foreignKeys.stream().map(f -> !f.referentSchema().equals(schema) ? f
                : new ForeignKey(f.name(), f.columns(), f.referentTable(), f.referentColumns(), f.onDelete(),
                        f.onUpdate())).toList();
    }

    /** A copy of {@code source} in {@code schema}. */
    private Table(Table source, Optional<String> schema) {
        this.name = source.name;
        this.schema = schema;
        this.columns = source.columns;
        this.primaryKey = source.primaryKey;
        this.indexes = source.indexes;
        this.uniqueConstraints = source.uniqueConstraints;
        this.foreignKeys = relative(source.foreignKeys, schema);
        this.checkConstraints = source.checkConstraints;
        this.comment = source.comment;
    }

    private void requireColumns(Map<String, Column> defined, String what, List<String> columns) {
        for (String column : columns) {
            if (!defined.containsKey(column)) {
                throw new IllegalArgumentException(what + " of table " + name + " names column " + column
                        + ", which the table does not define; add Column.of(\"" + column + "\", …) first");
            }
        }
    }

    /** This table with every name in it (its own, columns, indexes, constraints, referenced ones) passed through {@code rename}. */
    Table renamed(UnaryOperator<String> rename) {
        UnaryOperator<List<String>> all = names -> names.stream().map(rename).toList();
        Builder copy = builder(rename.apply(name));
        schema.ifPresent(s -> copy.schema(rename.apply(s)));
        columns.forEach(c -> copy.column(c.withName(rename.apply(c.name()))));
        primaryKey.ifPresent(pk -> copy.primaryKey(new PrimaryKey(pk.name().map(rename), all.apply(pk.columns()))));
        // Expressions and predicates are SQL: their names are the author's to write.
        indexes.forEach(i -> copy.index(new Index(rename.apply(i.name()), i.elements().stream()
                .map(e -> e.expression() ? e : Index.Element.column(rename.apply(e.sql()))).toList(), i.unique(),
                i.where())));
        uniqueConstraints.forEach(u -> copy.unique(new UniqueConstraint(u.name().map(rename), all.apply(u.columns()))));
        foreignKeys.forEach(f -> copy.foreignKey(new ForeignKey(f.name().map(rename), all.apply(f.columns()),
                rename.apply(f.referentTable()), all.apply(f.referentColumns()), f.onDelete(), f.onUpdate(),
                f.referentSchema().map(rename))));
        checkConstraints.forEach(c -> copy.check(new CheckConstraint(c.name().map(rename), c.condition())));
        comment.ifPresent(copy::comment);
        return copy.build();
    }

    /** Starts a table named {@code name}, as a migration writes it (lower case stays bare in SQL). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The table's name. */
    public String name() {
        return name;
    }

    /** The table's schema; empty for the connection's current schema. */
    public Optional<String> schema() {
        return schema;
    }

    /**
     * This table, everything kept, in {@code schema} (empty: the connection's current schema).
     * Its foreign keys keep their referent schemas, so a key without one references the new
     * schema's table (and a key naming the new schema names none).
     */
    public Table withSchema(Optional<String> schema) {
        optionalName("schema", schema);
        return schema.equals(this.schema) ? this : new Table(this, schema);
    }

    /** The columns, in table order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column named {@code name}, if the table has one. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The primary key, from the marked columns or given explicitly; empty for a table without one. */
    public Optional<PrimaryKey> primaryKey() {
        return primaryKey;
    }

    /** The indexes, in declaration order. */
    public List<Index> indexes() {
        return indexes;
    }

    /** The unique constraints declared as such (not the columns marked {@link Column#unique()}). */
    public List<UniqueConstraint> uniqueConstraints() {
        return uniqueConstraints;
    }

    /** The foreign keys, in declaration order. */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** The check constraints, in declaration order. */
    public List<CheckConstraint> checkConstraints() {
        return checkConstraints;
    }

    /** The table's comment, if any. */
    public Optional<String> comment() {
        return comment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Table that && name.equals(that.name) && schema.equals(that.schema)
                && columns.equals(that.columns)
                && primaryKey.equals(that.primaryKey) && indexes.equals(that.indexes)
                && uniqueConstraints.equals(that.uniqueConstraints) && foreignKeys.equals(that.foreignKeys)
                && checkConstraints.equals(that.checkConstraints) && comment.equals(that.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, primaryKey, indexes, uniqueConstraints, foreignKeys, checkConstraints,
                comment, schema);
    }

    /** The table's name and parts, for messages and test failures. */
    @Override
    public String toString() {
        return "Table[" + schema.map(s -> s + ".").orElse("") + name + ", columns=" + columns + ", primaryKey=" + primaryKey + ", indexes=" + indexes
                + ", unique=" + uniqueConstraints + ", foreignKeys=" + foreignKeys + ", checks=" + checkConstraints
                + ", comment=" + comment + "]";
    }

    /** Collects a table's parts; {@link #build()} checks that every part names columns the table has. */
    public static final class Builder {

        private final String name;
        private final LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
        private Optional<PrimaryKey> primaryKey = Optional.empty();
        private final List<Index> indexes = new ArrayList<>();
        private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<CheckConstraint> checkConstraints = new ArrayList<>();
        private Optional<String> comment = Optional.empty();
        private Optional<String> schema = Optional.empty();

        private Builder(String name) {
            this.name = requireName("table name", name);
        }

        /**
         * Puts the table in {@code schema} rather than the connection's current one:
         * {@code Table.builder("invoice").schema("billing")}. Autogenerate compares it when
         * {@code CompareOptions.includeSchemas} takes that schema in.
         */
        public Builder schema(String schema) {
            this.schema = Optional.of(requireName("schema", schema));
            return this;
        }

        /**
         * Adds a column after those added so far.
         *
         * @throws IllegalArgumentException when the table already has a column of that name
         */
        public Builder column(Column column) {
            Objects.requireNonNull(column, "column of table " + name);
            if (columns.putIfAbsent(column.name(), column) != null) {
                throw new IllegalArgumentException("Table " + name + " defines column " + column.name() + " twice");
            }
            return this;
        }

        /** Declares the primary key explicitly: for a named key, or columns in another order than the table's. */
        public Builder primaryKey(PrimaryKey primaryKey) {
            this.primaryKey = Optional.of(Objects.requireNonNull(primaryKey, "primaryKey"));
            return this;
        }

        /** Adds a non-unique index named {@code name} on {@code columns}. */
        public Builder index(String name, String... columns) {
            return index(Index.of(name, columns));
        }

        /** Adds a unique index named {@code name} on {@code columns}. */
        public Builder uniqueIndex(String name, String... columns) {
            return index(Index.uniqueOf(name, columns));
        }

        /**
         * Adds an index with expressions or a predicate: {@code .index("ix_account_lower_email",
         * ix -> ix.expression("lower(email)").unique())}.
         */
        public Builder index(String name, Consumer<Index.Builder> index) {
            Index.Builder builder = Index.builder(name);
            index.accept(builder);
            return index(builder.build());
        }

        /** Adds an index. */
        public Builder index(Index index) {
            indexes.add(Objects.requireNonNull(index, "index"));
            return this;
        }

        /** Adds an unnamed unique constraint on {@code columns}. */
        public Builder unique(String... columns) {
            return unique(UniqueConstraint.of(columns));
        }

        /** Adds a unique constraint. */
        public Builder unique(UniqueConstraint constraint) {
            uniqueConstraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /** Adds an unnamed one-column foreign key: {@code column} references {@code referentColumn} of {@code referentTable}. */
        public Builder foreignKey(String column, String referentTable, String referentColumn) {
            return foreignKey(ForeignKey.of(List.of(column), referentTable, List.of(referentColumn)));
        }

        /** Adds a foreign key. */
        public Builder foreignKey(ForeignKey foreignKey) {
            foreignKeys.add(Objects.requireNonNull(foreignKey, "foreignKey"));
            return this;
        }

        /** Adds an unnamed check of {@code condition} (SQL, passed through unchanged). */
        public Builder check(String condition) {
            return check(CheckConstraint.of(condition));
        }

        /** Adds a check constraint. */
        public Builder check(CheckConstraint check) {
            checkConstraints.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Sets the table's comment. */
        public Builder comment(String comment) {
            this.comment = Optional.of(Objects.requireNonNull(comment, "comment"));
            return this;
        }

        /**
         * The table.
         *
         * @throws IllegalArgumentException for a table without columns, two primary keys, or a
         *     part that names a column the table does not define
         */
        public Table build() {
            return new Table(this);
        }
    }

    // Argument checks shared by the model's values.

    static String requireName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A " + what + " must not be blank");
        }
        return value;
    }

    static Optional<String> optionalName(String what, Optional<String> value) {
        Objects.requireNonNull(value, what + " (use Optional.empty() for none)");
        value.ifPresent(v -> requireName(what, v));
        return value;
    }

    static List<String> columnList(String what, List<String> columns) {
        Objects.requireNonNull(columns, "columns of " + what);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one column");
        }
        var seen = new HashSet<String>();
        for (String column : columns) {
            requireName("column of " + what, column);
            if (!seen.add(column)) {
                throw new IllegalArgumentException(what + " names column " + column + " twice");
            }
        }
        return List.copyOf(columns);
    }
}
