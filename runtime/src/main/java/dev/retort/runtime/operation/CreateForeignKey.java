package dev.retort.runtime.operation;

import dev.retort.runtime.schema.ReferentialAction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds a named foreign-key constraint: {@code columns} of {@code table} reference
 * {@code referentColumns} of {@code referentTable}, which must be its primary key or
 * carry a unique constraint.
 *
 * @param schema the source table's schema; empty for the connection's current schema
 * @param name the constraint's name
 * @param table the source (referencing) table
 * @param columns the source columns; at least one
 * @param referentSchema the referenced table's schema; empty for the connection's current schema
 * @param referentTable the referenced table
 * @param referentColumns the referenced columns, as many as {@code columns}, in the same order
 * @param onDelete what deleting a referenced row does; empty for the database's default ({@code NO ACTION})
 * @param onUpdate what updating a referenced key does; empty for the database's default ({@code NO ACTION})
 * @param deferrable true for {@code DEFERRABLE}: the check may wait for the end of the
 *     transaction (PostgreSQL; H2 refuses it)
 * @param initiallyDeferred true for {@code INITIALLY DEFERRED}; implies {@code deferrable}
 */
public record CreateForeignKey(
        Optional<String> schema,
        String name,
        String table,
        List<String> columns,
        Optional<String> referentSchema,
        String referentTable,
        List<String> referentColumns,
        Optional<ReferentialAction> onDelete,
        Optional<ReferentialAction> onUpdate,
        boolean deferrable,
        boolean initiallyDeferred) implements TableChange {

    /** @throws IllegalArgumentException for a blank name, no columns or column lists of different sizes */
    public CreateForeignKey {
        schema = Checks.schema(schema);
        Checks.name("constraint name", name);
        Checks.name("table name", table);
        columns = Checks.columnNames("columns of foreign key " + name, columns);
        referentSchema = Checks.schema(referentSchema);
        Checks.name("referent table name", referentTable);
        referentColumns = Checks.columnNames("referent columns of foreign key " + name, referentColumns);
        if (columns.size() != referentColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
                    + " column(s) " + columns + " but references " + referentColumns.size() + " "
                    + referentColumns + "; give as many referent columns as source columns");
        }
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        deferrable = deferrable || initiallyDeferred;
    }

    /** A foreign key checked at once (not deferrable). */
    public CreateForeignKey(Optional<String> schema, String name, String table, List<String> columns,
            Optional<String> referentSchema, String referentTable, List<String> referentColumns,
            Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {
        this(schema, name, table, columns, referentSchema, referentTable, referentColumns, onDelete, onUpdate,
                false, false);
    }

    /**
     * A builder for a foreign key with the required parts; options default to empty.
     *
     * <pre>{@code
     * CreateForeignKey fk = CreateForeignKey.builder("fk_order_account", "order", List.of("account_id"),
     *         "account", List.of("id"))
     *     .onDelete(ReferentialAction.CASCADE)
     *     .build();
     * }</pre>
     */
    public static Builder builder(String name, String table, List<String> columns, String referentTable,
            List<String> referentColumns) {
        return new Builder(name, table, columns, referentTable, referentColumns);
    }

    /** Drops the constraint again. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropConstraint(schema, name, table, Optional.of(ConstraintType.FOREIGN_KEY)));
    }

    /** The optional parts of a foreign key; {@link #build()} checks the whole. */
    public static final class Builder {

        private final String name;
        private final String table;
        private final List<String> columns;
        private final String referentTable;
        private final List<String> referentColumns;
        private Optional<String> schema = Optional.empty();
        private Optional<String> referentSchema = Optional.empty();
        private Optional<ReferentialAction> onDelete = Optional.empty();
        private Optional<ReferentialAction> onUpdate = Optional.empty();
        private boolean deferrable;
        private boolean initiallyDeferred;

        private Builder(String name, String table, List<String> columns, String referentTable,
                List<String> referentColumns) {
            this.name = name;
            this.table = table;
            this.columns = columns;
            this.referentTable = referentTable;
            this.referentColumns = referentColumns;
        }

        /** The source table's schema; by default the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = Optional.of(schema);
            return this;
        }

        /** The referenced table's schema; by default the connection's current schema. */
        public Builder referentSchema(String referentSchema) {
            this.referentSchema = Optional.of(referentSchema);
            return this;
        }

        /** What deleting a referenced row does, e.g. {@link ReferentialAction#CASCADE}. */
        public Builder onDelete(ReferentialAction action) {
            this.onDelete = Optional.of(action);
            return this;
        }

        /** What updating a referenced key does. */
        public Builder onUpdate(ReferentialAction action) {
            this.onUpdate = Optional.of(action);
            return this;
        }

        /** {@code DEFERRABLE}: a transaction may defer the check to its end (PostgreSQL; H2 refuses it). */
        public Builder deferrable(boolean deferrable) {
            this.deferrable = deferrable;
            return this;
        }

        /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at the end of each transaction unless it says otherwise. */
        public Builder initiallyDeferred(boolean initiallyDeferred) {
            this.initiallyDeferred = initiallyDeferred;
            return this;
        }

        /** The foreign key. */
        public CreateForeignKey build() {
            return new CreateForeignKey(schema, name, table, columns, referentSchema, referentTable,
                    referentColumns, onDelete, onUpdate, deferrable, initiallyDeferred);
        }
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<String> changedTable() {
        return Optional.of(table);
    }

    @Override
    public <R> R accept(TableChange.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
