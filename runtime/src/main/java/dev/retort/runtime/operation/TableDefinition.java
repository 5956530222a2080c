package dev.retort.runtime.operation;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ReferentialAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a table that a copy must recreate: its columns (with primary key,
 * defaults, nullability and auto-increment), unique, check and foreign-key constraints,
 * and indexes. Batch mode reads it from the database, or takes it from {@link
 * BatchAlterTable.Builder#copyFrom} when writing an offline script.
 *
 * <pre>{@code
 * TableDefinition account = TableDefinition.of(
 *         Column.of("id", Type.INTEGER).primaryKey(),
 *         Column.of("email", Type.varchar(200)).notNull())
 *     .withIndex(new TableDefinition.Index("ix_account_email", List.of("email"), true));
 * }</pre>
 *
 * @param columns the columns in table order; at least one, names unique
 * @param uniqueConstraints table-level unique constraints (a column's own {@code unique()} is on the column)
 * @param checkConstraints check constraints, as SQL
 * @param foreignKeys foreign keys from this table
 * @param indexes indexes that are not constraints
 */
public record TableDefinition(List<Column> columns, List<UniqueConstraint> uniqueConstraints,
        List<CheckConstraint> checkConstraints, List<ForeignKey> foreignKeys, List<Index> indexes) {

    /** @throws IllegalArgumentException for no columns or a column named twice */
    public TableDefinition {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table definition needs at least one column");
        }
        var names = new HashSet<String>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("The table definition names column " + column.name() + " twice");
            }
        }
        uniqueConstraints = List.copyOf(uniqueConstraints);
        checkConstraints = List.copyOf(checkConstraints);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    /** A table of these columns and nothing else. */
    public static TableDefinition of(Column... columns) {
        return of(List.of(columns));
    }

    /** A table of these columns and nothing else. */
    public static TableDefinition of(List<Column> columns) {
        return new TableDefinition(columns, List.of(), List.of(), List.of(), List.of());
    }

    /** This definition with one more unique constraint. */
    public TableDefinition withUniqueConstraint(UniqueConstraint constraint) {
        return new TableDefinition(columns, plus(uniqueConstraints, constraint), checkConstraints, foreignKeys, indexes);
    }

    /** This definition with one more check constraint. */
    public TableDefinition withCheckConstraint(CheckConstraint constraint) {
        return new TableDefinition(columns, uniqueConstraints, plus(checkConstraints, constraint), foreignKeys, indexes);
    }

    /** This definition with one more foreign key. */
    public TableDefinition withForeignKey(ForeignKey foreignKey) {
        return new TableDefinition(columns, uniqueConstraints, checkConstraints, plus(foreignKeys, foreignKey), indexes);
    }

    /** This definition with one more index. */
    public TableDefinition withIndex(Index index) {
        return new TableDefinition(columns, uniqueConstraints, checkConstraints, foreignKeys, plus(indexes, index));
    }

    /** The column named {@code name}, if any. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The primary-key columns in table order. */
    public List<String> primaryKey() {
        return columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(Objects.requireNonNull(item));
        return copy;
    }

    /**
     * A unique constraint on several columns.
     *
     * @param name the constraint's name; empty for one the database names
     * @param columns the columns, at least one
     */
    public record UniqueConstraint(Optional<String> name, List<String> columns) {
        /** Validates the parts. */
        public UniqueConstraint {
            Objects.requireNonNull(name, "name");
            columns = Checks.columnNames("columns of unique constraint " + name.orElse(""), columns);
        }
    }

    /**
     * A check constraint.
     *
     * @param name the constraint's name; empty for one the database names
     * @param sql the condition, as SQL, without the {@code CHECK} keyword and outer parentheses
     */
    public record CheckConstraint(Optional<String> name, String sql) {
        /** Validates the parts. */
        public CheckConstraint {
            Objects.requireNonNull(name, "name");
            Checks.name("check condition", sql);
        }
    }

    /**
     * A foreign key from this table.
     *
     * @param name the constraint's name; empty for one the database names
     * @param columns this table's columns
     * @param referentTable the referenced table, in this table's schema
     * @param referentColumns the referenced columns, as many as {@code columns}
     * @param onDelete the delete action, when stated
     * @param onUpdate the update action, when stated
     */
    public record ForeignKey(Optional<String> name, List<String> columns, String referentTable,
            List<String> referentColumns, Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {
        /** Validates the parts. */
        public ForeignKey {
            Objects.requireNonNull(name, "name");
            columns = Checks.columnNames("columns of foreign key " + name.orElse(""), columns);
            Checks.name("referent table", referentTable);
            referentColumns = Checks.columnNames("referent columns of foreign key " + name.orElse(""),
                    referentColumns);
            if (columns.size() != referentColumns.size()) {
                throw new IllegalArgumentException("Foreign key " + name.orElse("") + " has " + columns.size()
                        + " column(s) but " + referentColumns.size() + " referent column(s)");
            }
            Objects.requireNonNull(onDelete, "onDelete");
            Objects.requireNonNull(onUpdate, "onUpdate");
        }
    }

    /**
     * An index.
     *
     * @param name the index's name
     * @param columns the indexed columns in key order
     * @param unique true for a unique index
     */
    public record Index(String name, List<String> columns, boolean unique) {
        /** Validates the parts. */
        public Index {
            Checks.name("index name", name);
            columns = Checks.columnNames("columns of index " + name, columns);
        }
    }
}
