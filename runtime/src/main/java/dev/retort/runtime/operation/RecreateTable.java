package dev.retort.runtime.operation;

import dev.retort.runtime.schema.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alembic's "move and copy": rebuilds a table with a new definition and copies its rows
 * into it, for the changes a database cannot make in place (most of them on SQLite). Batch
 * mode ({@code op.batchAlterTable}) builds it from the table's current definition and the
 * batch's changes; the dialect renders the steps (on SQLite: create {@code
 * _retort_tmp_<table>}, {@code INSERT … SELECT}, drop the old table, rename, recreate the
 * indexes).
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name, kept
 * @param definition the table's new definition
 * @param copies the new table's columns filled from the old table's, in order; new columns
 *     not listed get their defaults
 * @param referencing foreign keys of other tables that reference this one: dropped before
 *     the copy and recreated after it where the database ties them to the old table
 */
public record RecreateTable(Optional<String> schema, String table, TableDefinition definition,
        List<ColumnCopy> copies, List<CreateForeignKey> referencing) implements Operation {

    /** The prefix of the temporary table: {@code _retort_tmp_<table>}. */
    public static final String TEMPORARY_PREFIX = "_retort_tmp_";

    /** @throws IllegalArgumentException for a copy into a column the definition lacks, or into one column twice */
    public RecreateTable {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Objects.requireNonNull(definition, "definition");
        copies = List.copyOf(copies);
        referencing = List.copyOf(referencing);
        var targets = new HashSet<String>();
        for (ColumnCopy copy : copies) {
            if (definition.column(copy.target()).isEmpty()) {
                throw new IllegalArgumentException("Recreating " + table + " copies into column " + copy.target()
                        + " which the new definition does not have");
            }
            if (!targets.add(copy.target())) {
                throw new IllegalArgumentException("Recreating " + table + " copies into column " + copy.target()
                        + " twice");
            }
        }
    }

    /** The temporary table's name. */
    public String temporaryTable() {
        return TEMPORARY_PREFIX + table;
    }

    /**
     * One column of the new table filled from the old table.
     *
     * @param target the new table's column
     * @param source the old table's column
     * @param cast the type to convert to, when the type changed
     */
    public record ColumnCopy(String target, String source, Optional<Type> cast) {
        /** Validates the parts. */
        public ColumnCopy {
            Checks.name("target column", target);
            Checks.name("source column", source);
            Objects.requireNonNull(cast, "cast");
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
