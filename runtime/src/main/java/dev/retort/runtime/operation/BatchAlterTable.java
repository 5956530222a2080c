package dev.retort.runtime.operation;

import dev.retort.runtime.schema.Column;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Several changes to one table as a unit, as Alembic's {@code batch_alter_table}. Where the
 * database can make every change in place they run in place, one after the other; where it
 * cannot (SQLite, for most changes), or when {@link Recreate#ALWAYS} asks for it, the table is
 * rebuilt by "move and copy" ({@link RecreateTable}): a new table with the new definition,
 * the rows copied, the old one dropped, the new one renamed, its indexes and constraints
 * recreated.
 *
 * <pre>{@code
 * op.batchAlterTable("account", batch -> batch
 *     .addColumn(Column.of("email", Type.varchar(200)))
 *     .alterColumn("name", c -> c.type(Type.varchar(100)).nullable(false))
 *     .dropColumn("legacy")
 *     .createIndex("ix_account_email", "email"));
 * }</pre>
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name
 * @param operations the changes, each on {@code table}, in order; at least one
 * @param recreate when to rebuild the table rather than change it in place
 * @param copyFrom the table's definition before the changes, for offline scripts (and to
 *     override what the database reports); empty to read it from the database
 */
public record BatchAlterTable(Optional<String> schema, String table, List<Operation> operations, Recreate recreate,
        Optional<TableDefinition> copyFrom) implements Operation {

    /** When batch mode rebuilds the table. */
    public enum Recreate {
        /**
         * Only when the database cannot make a change in place (the default). On SQLite that
         * includes dropping a column the table still uses in its primary key, a unique
         * constraint, an index, a foreign key or a check: the rebuild drops those with the
         * column, as PostgreSQL's {@code DROP COLUMN} does.
         */
        AUTO,
        /** Always, on every database. */
        ALWAYS,
        /** Never: a change the database cannot make in place fails, naming the change. */
        NEVER
    }

    /** @throws IllegalArgumentException for no changes, or a change that is not to {@code table} or cannot be batched */
    public BatchAlterTable {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        operations = List.copyOf(operations);
        Objects.requireNonNull(recreate, "recreate");
        Objects.requireNonNull(copyFrom, "copyFrom");
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("batchAlterTable of " + table + " changes nothing: add a change");
        }
        for (Operation operation : operations) {
            String target = tableOf(operation);
            if (!table.equals(target)) {
                throw new IllegalArgumentException("batchAlterTable of " + table + " holds " + operation
                        + ", which changes " + target + "; a batch changes one table");
            }
        }
    }

    /** Starts a batch on {@code table}. */
    public static Builder builder(String table) {
        return new Builder(table);
    }

    /** The table an operation changes, or what it is when it cannot be batched. */
    private static String tableOf(Operation operation) {
        if (operation instanceof DropIndex o && o.table().isEmpty()) {
            throw new IllegalArgumentException(
                    "A dropIndex in a batch needs its table; build it with the batch's dropIndex(name)");
        }
        if (operation instanceof TableChange change) {
            return change.changedTable().orElseThrow();
        }
        throw new IllegalArgumentException(operation + " cannot be part of a batchAlterTable: a batch holds "
                + "addColumn, dropColumn, alterColumn, createIndex, dropIndex, createForeignKey, createPrimaryKey, "
                + "createUniqueConstraint, createCheckConstraint and dropConstraint");
    }

    /** The changes undone in reverse order, when every change has a reverse. */
    @Override
    public Optional<Operation> reverse() {
        List<Operation> reversed = new ArrayList<>();
        for (Operation operation : operations) {
            Optional<Operation> reverse = operation.reverse();
            if (reverse.isEmpty()) {
                return Optional.empty();
            }
            reversed.add(reverse.get());
        }
        Collections.reverse(reversed);
        return Optional.of(new BatchAlterTable(schema, table, reversed, recreate, Optional.empty()));
    }

    /** Collects a batch's changes; each method returns the builder. */
    public static final class Builder {

        private final String table;
        private Optional<String> schema = Optional.empty();
        private final List<Operation> operations = new ArrayList<>();
        private Recreate recreate = Recreate.AUTO;
        private Optional<TableDefinition> copyFrom = Optional.empty();

        private Builder(String table) {
            this.table = table;
        }

        /** The table's schema; by default the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = Optional.of(schema);
            return this;
        }

        /** When to rebuild the table; {@link Recreate#AUTO} by default. */
        public Builder recreate(Recreate recreate) {
            this.recreate = Objects.requireNonNull(recreate, "recreate");
            return this;
        }

        /**
         * The table's definition before the batch, as Alembic's {@code copy_from}: needed to
         * rebuild a table offline, where there is no database to read it from.
         */
        public Builder copyFrom(TableDefinition definition) {
            this.copyFrom = Optional.of(Objects.requireNonNull(definition, "definition"));
            return this;
        }

        /** Adds a column. */
        public Builder addColumn(Column column) {
            operations.add(new AddColumn(schema, table, column));
            return this;
        }

        /** Drops a column. */
        public Builder dropColumn(String column) {
            operations.add(new DropColumn(schema, table, column));
            return this;
        }

        /** Changes a column: {@code batch.alterColumn("name", c -> c.type(Type.TEXT).nullable(true))}. */
        public Builder alterColumn(String column, Consumer<AlterColumn.Builder> changes) {
            AlterColumn.Builder builder = AlterColumn.builder(table, column);
            schema.ifPresent(builder::schema);
            changes.accept(builder);
            operations.add(builder.build());
            return this;
        }

        /** Renames a column: shorthand for {@code alterColumn(column, c -> c.rename(newName))}. */
        public Builder renameColumn(String column, String newName) {
            return alterColumn(column, c -> c.rename(newName));
        }

        /** Creates an index on columns of the table. */
        public Builder createIndex(String name, String... columns) {
            operations.add(new CreateIndex(schema, name, table, List.of(columns), false));
            return this;
        }

        /** Creates a unique index on columns of the table. */
        public Builder createUniqueIndex(String name, String... columns) {
            operations.add(new CreateIndex(schema, name, table, List.of(columns), true));
            return this;
        }

        /** Drops an index of the table. */
        public Builder dropIndex(String name) {
            operations.add(new DropIndex(schema, name, Optional.of(table)));
            return this;
        }

        /** Adds a foreign key from the table's {@code columns} to {@code referentColumns} of {@code referentTable}. */
        public Builder createForeignKey(String name, String referentTable, List<String> columns,
                List<String> referentColumns) {
            return createForeignKey(name, referentTable, columns, referentColumns, options -> { });
        }

        /** Adds a foreign key with options such as {@code fk -> fk.onDelete(ReferentialAction.CASCADE)}. */
        public Builder createForeignKey(String name, String referentTable, List<String> columns,
                List<String> referentColumns, Consumer<CreateForeignKey.Builder> options) {
            CreateForeignKey.Builder builder = CreateForeignKey.builder(name, table, columns, referentTable,
                    referentColumns);
            schema.ifPresent(s -> builder.schema(s).referentSchema(s));
            options.accept(builder);
            operations.add(builder.build());
            return this;
        }

        /** Drops a named constraint of the table. */
        public Builder dropConstraint(String name) {
            operations.add(new DropConstraint(schema, name, table, Optional.empty()));
            return this;
        }

        /** Drops a named constraint of a stated kind (MariaDB/MySQL need it in place). */
        public Builder dropConstraint(String name, ConstraintType type) {
            operations.add(new DropConstraint(schema, name, table, Optional.of(type)));
            return this;
        }

        /** Adds a named primary key on columns of the table (a table has one). */
        public Builder createPrimaryKey(String name, String... columns) {
            operations.add(new CreatePrimaryKey(schema, name, table, List.of(columns)));
            return this;
        }

        /** Adds a named unique constraint on columns of the table. */
        public Builder createUniqueConstraint(String name, String... columns) {
            operations.add(new CreateUniqueConstraint(schema, name, table, List.of(columns)));
            return this;
        }

        /** Adds a named check constraint: {@code batch.createCheckConstraint("ck_account_age", "age >= 0")}. */
        public Builder createCheckConstraint(String name, String condition) {
            operations.add(new CreateCheckConstraint(schema, name, table, condition));
            return this;
        }

        /** The batch. */
        public BatchAlterTable build() {
            return new BatchAlterTable(schema, table, operations, recreate, copyFrom);
        }
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
