package dev.retort.runtime.internal.batch;

import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.TableChange;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Applies a batch's changes to a table's definition, giving the new definition and which
 * old column fills each new one: the data of a {@link RecreateTable}. Pure code, no IO.
 *
 * <p>As PostgreSQL does on {@code DROP COLUMN}, dropping a column also drops the indexes and
 * constraints that use it, check constraints included (found by the column names their SQL
 * reads, see {@link ColumnReferences}); a rename carries into every index and constraint,
 * the checks' SQL included.
 */
public final class BatchPlanner {

    private final String table;
    private final List<Column> columns = new ArrayList<>();
    private final List<TableDefinition.UniqueConstraint> uniques = new ArrayList<>();
    private final List<TableDefinition.CheckConstraint> checks = new ArrayList<>();
    private final List<TableDefinition.ForeignKey> foreignKeys = new ArrayList<>();
    private final List<TableDefinition.Index> indexes = new ArrayList<>();
    /** New column name → the copy that fills it. */
    private final Map<String, RecreateTable.ColumnCopy> copies = new LinkedHashMap<>();

    private final Set<String> unreadIndexes;

    private BatchPlanner(String table, TableDefinition before, Set<String> unreadIndexes) {
        this.table = table;
        this.unreadIndexes = unreadIndexes;
        columns.addAll(before.columns());
        uniques.addAll(before.uniqueConstraints());
        checks.addAll(before.checkConstraints());
        foreignKeys.addAll(before.foreignKeys());
        indexes.addAll(before.indexes());
        for (Column column : before.columns()) {
            copies.put(column.name(), new RecreateTable.ColumnCopy(column.name(), column.name(), Optional.empty()));
        }
    }

    /**
     * The table rebuilt with {@code batch}'s changes applied to {@code before}.
     *
     * @param referencing other tables' foreign keys to this one, to drop and recreate
     * @param unreadIndexes indexes of the table left out of {@code before} that the batch drops
     * @throws IllegalArgumentException when a change names a column, index or constraint the table lacks
     */
    public static RecreateTable plan(BatchAlterTable batch, TableDefinition before, List<CreateForeignKey> referencing,
            Set<String> unreadIndexes) {
        BatchPlanner planner = new BatchPlanner(batch.table(), before, unreadIndexes);
        for (Operation operation : batch.operations()) {
            planner.apply(operation);
        }
        TableDefinition after = new TableDefinition(planner.columns, planner.uniques, planner.checks,
                planner.foreignKeys, planner.indexes);
        List<RecreateTable.ColumnCopy> copies = new ArrayList<>();
        for (Column column : planner.columns) {
            RecreateTable.ColumnCopy copy = planner.copies.get(column.name());
            // A generated column is computed anew in the rebuilt table; it cannot be written.
            if (copy != null && column.computed().isEmpty()) {
                copies.add(copy);
            }
        }
        return new RecreateTable(batch.schema(), batch.table(), after, copies, referencing);
    }

    private void apply(Operation operation) {
        if (!(operation instanceof TableChange change)) {
            throw problem(operation, "it cannot be part of a batch");
        }
        change.accept(applier);
    }

    /** The one dispatch from a batch's change to its effect on the table's definition. */
    private final TableChange.Visitor<Void> applier = new TableChange.Visitor<>() {

        @Override
        public Void visit(AddColumn o) {
            if (find(o.column().name()) >= 0) {
                throw problem(o, "the table already has a column " + o.column().name());
            }
            columns.add(o.column());
            return null;
        }

        @Override
        public Void visit(DropColumn o) {
            dropColumn(o, o.column());
            return null;
        }

        @Override
        public Void visit(AlterColumn o) {
            alterColumn(o);
            return null;
        }

        @Override
        public Void visit(CreateIndex o) {
            requireColumns(o, o.columns());
            if (indexes.stream().anyMatch(i -> i.name().equals(o.name()))) {
                throw problem(o, "the table already has an index " + o.name());
            }
            indexes.add(new TableDefinition.Index(o.name(), o.columns(), o.unique()));
            return null;
        }

        @Override
        public Void visit(DropIndex o) {
            if (!indexes.removeIf(i -> i.name().equals(o.name())) && !unreadIndexes.contains(o.name())) {
                throw problem(o, "the table has no index " + o.name() + " (it has " + indexes.stream()
                        .map(TableDefinition.Index::name).toList() + ")");
            }
            return null;
        }

        @Override
        public Void visit(CreateForeignKey o) {
            requireColumns(o, o.columns());
            foreignKeys.add(new TableDefinition.ForeignKey(Optional.of(o.name()), o.columns(), o.referentTable(),
                    o.referentColumns(), o.onDelete(), o.onUpdate()));
            return null;
        }

        @Override
        public Void visit(DropConstraint o) {
            dropConstraint(o);
            return null;
        }

        @Override
        public Void visit(CreatePrimaryKey o) {
            requireColumns(o, o.columns());
            if (columns.stream().anyMatch(Column::isPrimaryKey)) {
                throw problem(o, "the table already has a primary key; drop it first with "
                        + "dropConstraint(name, ConstraintType.PRIMARY_KEY)");
            }
            columns.replaceAll(c -> o.columns().contains(c.name()) ? c.primaryKey() : c);
            return null;
        }

        @Override
        public Void visit(CreateUniqueConstraint o) {
            requireColumns(o, o.columns());
            uniques.add(new TableDefinition.UniqueConstraint(Optional.of(o.name()), o.columns()));
            return null;
        }

        @Override
        public Void visit(CreateCheckConstraint o) {
            checks.add(new TableDefinition.CheckConstraint(Optional.of(o.name()), o.condition()));
            return null;
        }
    };

    private void dropColumn(Operation operation, String name) {
        int index = find(name);
        if (index < 0) {
            throw problem(operation, "the table has no column " + name + " (it has " + names() + ")");
        }
        columns.remove(index);
        copies.remove(name);
        if (columns.isEmpty()) {
            throw problem(operation, "it would leave the table without columns; drop the table instead");
        }
        indexes.removeIf(i -> i.columns().contains(name));
        uniques.removeIf(u -> u.columns().contains(name));
        foreignKeys.removeIf(f -> f.columns().contains(name));
        checks.removeIf(c -> ColumnReferences.reads(c.sql(), name));
    }

    private void alterColumn(AlterColumn change) {
        int index = find(change.column());
        if (index < 0) {
            throw problem(change, "the table has no column " + change.column() + " (it has " + names() + ")");
        }
        Column old = columns.get(index);
        String name = change.newName().orElse(old.name());
        if (!name.equals(old.name()) && find(name) >= 0) {
            throw problem(change, "the table already has a column " + name);
        }
        // SQLite's AUTOINCREMENT makes any integer key INTEGER: a column that stops being numbered
        // takes back the type the change says it had.
        boolean unnumbered = change.identity().filter(AlterColumn.Identity::isNone).isPresent();
        Type type = change.type().orElse(unnumbered ? change.existingType().orElse(old.type()) : old.type());
        boolean nullable = change.nullable().orElse(old.isNullable());
        Optional<Expr> serverDefault = change.serverDefault().isPresent()
                ? change.serverDefault().get().expression() : old.serverDefault();
        if (nullable && old.isPrimaryKey()) {
            throw problem(change, "column " + old.name() + " is part of the primary key and cannot be nullable");
        }
        Column column = Column.of(name, type);
        column = old.isPrimaryKey() ? column.primaryKey() : column.nullable(nullable);
        Optional<Column.AutoIncrement> numbered = change.identity().isPresent() ? change.identity().get().kind()
                : old.autoIncrementKind();
        if (numbered.isPresent() && type.isInteger() && serverDefault.isEmpty()) {
            column = column.autoIncrement(numbered.get());
        }
        if (old.isUnique()) {
            column = column.unique();
        }
        if (serverDefault.isPresent()) {
            column = column.serverDefault(serverDefault.get());
        } else if (old.computed().isPresent()) {
            column = column.computed(old.computed().get().expression(), old.computed().get().stored());
        }
        Optional<String> comment = change.comment().isPresent() ? change.comment().get().text() : old.comment();
        if (comment.isPresent()) {
            column = column.comment(comment.get());
        }
        columns.set(index, column);
        RecreateTable.ColumnCopy copy = copies.remove(old.name());
        if (copy != null) {
            Optional<Type> cast = change.type().isPresent() && !change.type().get().equals(old.type())
                    ? change.type() : copy.cast();
            copies.put(name, new RecreateTable.ColumnCopy(name, copy.source(), cast));
        }
        if (!name.equals(old.name())) {
            UnaryOperator<List<String>> rename = list -> list.stream().map(c -> c.equals(old.name()) ? name : c).toList();
            indexes.replaceAll(i -> new TableDefinition.Index(i.name(), rename.apply(i.columns()), i.unique()));
            uniques.replaceAll(u -> new TableDefinition.UniqueConstraint(u.name(), rename.apply(u.columns())));
            foreignKeys.replaceAll(f -> new TableDefinition.ForeignKey(f.name(), rename.apply(f.columns()),
                    f.referentTable(), f.referentTable().equals(table) ? rename.apply(f.referentColumns())
                            : f.referentColumns(), f.onDelete(), f.onUpdate()));
            checks.replaceAll(c -> new TableDefinition.CheckConstraint(c.name(),
                    ColumnReferences.renamed(c.sql(), old.name(), name)));
        }
    }

    private void dropConstraint(DropConstraint drop) {
        String name = drop.name();
        Optional<ConstraintType> type = drop.type();
        if (type.isPresent() && type.get() == ConstraintType.PRIMARY_KEY) {
            columns.replaceAll(c -> c.isPrimaryKey() ? withoutPrimaryKey(c) : c);
            return;
        }
        boolean removed = false;
        if (type.isEmpty() || type.get() == ConstraintType.FOREIGN_KEY) {
            removed |= foreignKeys.removeIf(f -> f.name().equals(Optional.of(name)));
        }
        if (type.isEmpty() || type.get() == ConstraintType.UNIQUE) {
            removed |= uniques.removeIf(u -> u.name().equals(Optional.of(name)));
            removed |= indexes.removeIf(i -> i.unique() && i.name().equals(name));
            if (!removed) {
                // SQLite keeps a column's inline UNIQUE (and some table UNIQUEs) without a name: match
                // the name the standard naming convention gives it, uq_{table}_{columns}.
                removed |= uniques.removeIf(u -> u.name().isEmpty() && unnamedUniqueName(u.columns()).equalsIgnoreCase(name));
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    if (column.isUnique() && unnamedUniqueName(List.of(column.name())).equalsIgnoreCase(name)) {
                        columns.set(i, withoutUnique(column));
                        removed = true;
                    }
                }
            }
        }
        if (type.isEmpty() || type.get() == ConstraintType.CHECK) {
            removed |= checks.removeIf(c -> c.name().equals(Optional.of(name)));
        }
        if (!removed) {
            List<String> known = new ArrayList<>();
            foreignKeys.forEach(f -> f.name().ifPresent(known::add));
            uniques.forEach(u -> u.name().ifPresent(known::add));
            checks.forEach(c -> c.name().ifPresent(known::add));
            throw problem(drop, "the table has no " + type.map(t -> t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ")
                    .orElse("") + "constraint named " + name + " (named constraints: " + known + ")");
        }
    }

    /** The name {@code NamingConvention.standard()} gives an unnamed unique constraint of this table. */
    private String unnamedUniqueName(List<String> uniqueColumns) {
        return "uq_" + table + "_" + String.join("_", uniqueColumns);
    }

    private static Column withoutUnique(Column column) {
        Column plain = Column.of(column.name(), column.type());
        plain = column.isPrimaryKey() ? plain.primaryKey() : plain.nullable(column.isNullable());
        if (column.isAutoIncrement()) {
            plain = plain.autoIncrement();
        }
        if (column.serverDefault().isPresent()) {
            plain = plain.serverDefault(column.serverDefault().get());
        }
        if (column.comment().isPresent()) {
            plain = plain.comment(column.comment().get());
        }
        return plain;
    }

    private static Column withoutPrimaryKey(Column column) {
        Column plain = Column.of(column.name(), column.type()).notNull();
        if (column.isUnique()) {
            plain = plain.unique();
        }
        if (column.serverDefault().isPresent()) {
            plain = plain.serverDefault(column.serverDefault().get());
        }
        if (column.comment().isPresent()) {
            plain = plain.comment(column.comment().get());
        }
        return plain;
    }

    private void requireColumns(Operation operation, List<String> names) {
        for (String name : names) {
            if (find(name) < 0) {
                throw problem(operation, "the table has no column " + name + " (it has " + names() + ")");
            }
        }
    }

    private int find(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    private IllegalArgumentException problem(Operation operation, String reason) {
        return new IllegalArgumentException("batchAlterTable of " + table + " cannot apply " + operation + ": "
                + reason + ".");
    }
}
