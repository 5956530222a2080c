package dev.retort.runtime.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A constraint declared with a table in {@code createTable}: a primary key, a unique
 * constraint, a check or a foreign key, named or not. An unnamed constraint takes its name
 * from the migrator's naming convention, or, without one, from the database.
 *
 * <pre>{@code
 * op.createTable("order", List.of(
 *         Column.of("id", Type.BIGINT),
 *         Column.of("account_id", Type.BIGINT).notNull(),
 *         Column.of("total", Type.numeric(12, 2))),
 *     t -> t.constraint(TableConstraint.primaryKey("id"))
 *           .constraint(TableConstraint.check("total >= 0").named("ck_order_total"))
 *           .constraint(TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id"))
 *               .onDelete(ReferentialAction.CASCADE))
 *           .comment("One row per order"));
 * }</pre>
 */
public sealed interface TableConstraint
        permits TableConstraint.PrimaryKey, TableConstraint.Unique, TableConstraint.Check, TableConstraint.ForeignKey {

    /** The constraint's name; empty to take one from the naming convention or the database. */
    Optional<String> name();

    /** This constraint with {@code name}. */
    TableConstraint named(String name);

    /** The constrained columns of this table; empty for a check, which names them in its condition. */
    List<String> columns();

    /** A primary key on {@code columns}, in key order. */
    static PrimaryKey primaryKey(String... columns) {
        return new PrimaryKey(Optional.empty(), List.of(columns));
    }

    /** A unique constraint on {@code columns}. */
    static Unique unique(String... columns) {
        return new Unique(Optional.empty(), List.of(columns));
    }

    /**
     * A check: {@code condition} is SQL passed through unchanged, e.g. {@code "total >= 0"}.
     * Write column names in it as the database expects them (bare when lower case).
     */
    static Check check(String condition) {
        return new Check(Optional.empty(), condition);
    }

    /** A foreign key: {@code columns} of this table reference {@code referentColumns} of {@code referentTable}. */
    static ForeignKey foreignKey(List<String> columns, String referentTable, List<String> referentColumns) {
        return new ForeignKey(Optional.empty(), columns, Optional.empty(), referentTable, referentColumns,
                Optional.empty(), Optional.empty(), false, false);
    }

    /**
     * A primary key.
     *
     * @param name the constraint's name, if given
     * @param columns the key's columns; at least one
     */
    record PrimaryKey(Optional<String> name, List<String> columns) implements TableConstraint {

        /** @throws IllegalArgumentException for no columns or a column named twice */
        public PrimaryKey {
            name = checkName(name);
            columns = checkColumns("primary key", columns);
        }

        @Override
        public PrimaryKey named(String name) {
            return new PrimaryKey(Optional.of(name), columns);
        }
    }

    /**
     * A unique constraint.
     *
     * @param name the constraint's name, if given
     * @param columns the columns whose values together are unique; at least one
     */
    record Unique(Optional<String> name, List<String> columns) implements TableConstraint {

        /** @throws IllegalArgumentException for no columns or a column named twice */
        public Unique {
            name = checkName(name);
            columns = checkColumns("unique constraint", columns);
        }

        @Override
        public Unique named(String name) {
            return new Unique(Optional.of(name), columns);
        }
    }

    /**
     * A check constraint.
     *
     * @param name the constraint's name, if given
     * @param condition the SQL condition every row satisfies, passed through unchanged
     */
    record Check(Optional<String> name, String condition) implements TableConstraint {

        /** @throws IllegalArgumentException for a blank condition */
        public Check {
            name = checkName(name);
            Objects.requireNonNull(condition, "condition");
            if (condition.isBlank()) {
                throw new IllegalArgumentException("A check constraint needs its condition, e.g. \"total >= 0\"");
            }
        }

        @Override
        public Check named(String name) {
            return new Check(Optional.of(name), condition);
        }

        /** None: the condition names the columns. */
        @Override
        public List<String> columns() {
            return List.of();
        }
    }

    /**
     * A foreign key.
     *
     * @param name the constraint's name, if given
     * @param columns the referencing columns of this table
     * @param referentSchema the referenced table's schema; empty for this table's schema
     * @param referentTable the referenced table
     * @param referentColumns the referenced columns, as many as {@code columns}
     * @param onDelete what deleting a referenced row does; empty for the database's default
     * @param onUpdate what updating a referenced key does; empty for the database's default
     * @param deferrable true when the check may be deferred to the end of the transaction (PostgreSQL)
     * @param initiallyDeferred true when it is deferred unless a transaction says otherwise; implies {@code deferrable}
     */
    record ForeignKey(Optional<String> name, List<String> columns, Optional<String> referentSchema, String referentTable,
            List<String> referentColumns, Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate,
            boolean deferrable, boolean initiallyDeferred) implements TableConstraint {

        /** @throws IllegalArgumentException for no columns or column lists of different sizes */
        public ForeignKey {
            name = checkName(name);
            columns = checkColumns("foreign key", columns);
            Objects.requireNonNull(referentSchema, "referentSchema");
            Objects.requireNonNull(referentTable, "referentTable");
            if (referentTable.isBlank()) {
                throw new IllegalArgumentException("A foreign key needs the table it references");
            }
            referentColumns = checkColumns("foreign key's referent", referentColumns);
            if (columns.size() != referentColumns.size()) {
                throw new IllegalArgumentException("Foreign key " + columns + " references " + referentColumns
                        + "; give as many referent columns as columns");
            }
            Objects.requireNonNull(onDelete, "onDelete");
            Objects.requireNonNull(onUpdate, "onUpdate");
            deferrable = deferrable || initiallyDeferred;
        }

        @Override
        public ForeignKey named(String name) {
            return new ForeignKey(Optional.of(name), columns, referentSchema, referentTable, referentColumns, onDelete,
                    onUpdate, deferrable, initiallyDeferred);
        }

        /** This key with an {@code ON DELETE} action. */
        public ForeignKey onDelete(ReferentialAction action) {
            return new ForeignKey(name, columns, referentSchema, referentTable, referentColumns, Optional.of(action),
                    onUpdate, deferrable, initiallyDeferred);
        }

        /** This key with an {@code ON UPDATE} action. */
        public ForeignKey onUpdate(ReferentialAction action) {
            return new ForeignKey(name, columns, referentSchema, referentTable, referentColumns, onDelete,
                    Optional.of(action), deferrable, initiallyDeferred);
        }

        /** This key referencing a table in {@code schema}. */
        public ForeignKey referentSchema(String schema) {
            return new ForeignKey(name, columns, Optional.of(schema), referentTable, referentColumns, onDelete,
                    onUpdate, deferrable, initiallyDeferred);
        }

        /**
         * This key {@code DEFERRABLE}, checked at the end of the transaction when {@code
         * initiallyDeferred} (otherwise when a transaction asks with {@code SET CONSTRAINTS}).
         * PostgreSQL only; H2 refuses it.
         */
        public ForeignKey deferrable(boolean initiallyDeferred) {
            return new ForeignKey(name, columns, referentSchema, referentTable, referentColumns, onDelete, onUpdate,
                    true, initiallyDeferred);
        }
    }

    private static Optional<String> checkName(Optional<String> name) {
        Objects.requireNonNull(name, "name (use Optional.empty() for none)");
        name.ifPresent(n -> {
            if (n.isBlank()) {
                throw new IllegalArgumentException("A constraint name must not be blank");
            }
        });
        return name;
    }

    private static List<String> checkColumns(String what, List<String> columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A " + what + " needs at least one column");
        }
        var seen = new HashSet<String>();
        for (String column : columns) {
            Objects.requireNonNull(column, "a column of the " + what);
            if (!seen.add(column)) {
                throw new IllegalArgumentException("The " + what + " names column " + column + " twice");
            }
        }
        return List.copyOf(columns);
    }
}
