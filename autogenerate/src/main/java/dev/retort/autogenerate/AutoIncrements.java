package dev.retort.autogenerate;

import dev.retort.autogenerate.internal.introspect.CatalogReader;
import dev.retort.autogenerate.internal.introspect.CatalogReaders;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a column is numbered by the database the same way in the model and the database:
 * not at all, as an identity {@code BY DEFAULT}, as an identity {@code ALWAYS}, or as a
 * serial. A serial column and an identity {@code BY DEFAULT} number rows alike (both take a
 * value given by an insert), so they are the same here: converting one into the other is a
 * hand-written migration. Where the database has one kind only (MariaDB's {@code
 * AUTO_INCREMENT}, SQLite's {@code AUTOINCREMENT}) every kind is that one.
 */
final class AutoIncrements {

    private AutoIncrements() {
    }

    /** The numbering the model asks for, where it differs from the database's; empty when they agree. */
    static Optional<AlterColumn.Identity> target(Column model, Column database, Optional<Dialect> dialect) {
        Optional<Column.AutoIncrement> wanted = comparable(model, dialect);
        if (wanted.equals(comparable(database, dialect))) {
            return Optional.empty();
        }
        // An identity is what every database can add in place; serial would need its own sequence.
        return Optional.of(wanted.map(k -> AlterColumn.Identity.of(k == Column.AutoIncrement.SERIAL
                ? Column.AutoIncrement.BY_DEFAULT : k)).orElse(AlterColumn.Identity.NONE));
    }

    /** The database's numbering as the change states it. */
    static AlterColumn.Identity existing(Column database) {
        return database.autoIncrementKind().map(AlterColumn.Identity::of).orElse(AlterColumn.Identity.NONE);
    }

    /**
     * True when the column is serial and becomes an identity: PostgreSQL turns no serial column
     * into an identity in place, so its default is dropped first ({@link #dropSerial}).
     */
    static boolean leavesSerial(Column database, AlterColumn.Identity target) {
        return database.autoIncrementKind().filter(k -> k == Column.AutoIncrement.SERIAL).isPresent()
                && !target.isNone();
    }

    /** The change that stops a serial column drawing from its sequence, ahead of its new identity. */
    static Change dropSerial(String table, Column database) {
        AlterColumn.Builder drop = AlterColumn.builder(table, database.name()).dropIdentity()
                .existingIdentity(Column.AutoIncrement.SERIAL).existingType(database.type())
                .existingNullable(database.isNullable()).existingNoServerDefault();
        return new Change(drop.build(), List.of(), List.of("Makes serial column " + table + "." + database.name()
                + " an identity: its default is dropped and an identity added; its old sequence stays, owned by"
                + " the column, until you drop it. No automatic downgrade turns it back into a serial."));
    }

    /** A note for what the change risks; empty where it is routine. */
    static Optional<String> note(String table, Column model, Column database, AlterColumn.Identity target) {
        String what = table + "." + model.name();
        if (target.isNone() || database.isAutoIncrement()) {
            return Optional.empty();
        }
        String note = "Makes the database number " + what + ": on PostgreSQL the identity continues after the"
                + " largest value in the column; on H2 it starts at 1, so restart it past the rows' values"
                + " (ALTER TABLE … ALTER COLUMN … RESTART WITH n) if the table has rows.";
        if (model.autoIncrementKind().filter(k -> k == Column.AutoIncrement.SERIAL).isPresent()) {
            note += " The model says serial; an identity BY DEFAULT numbers rows alike and is added in place.";
        }
        return Optional.of(note);
    }

    /**
     * Where an auto-increment column must lead a key (MariaDB, MySQL), fails for a table of
     * the model whose auto-increment column leads none of its keys: no revision could make the
     * database so.
     *
     * @throws IllegalArgumentException naming the table and column
     */
    static void requireKey(Table model, Optional<Dialect> dialect) {
        if (!mustLeadAKey(dialect)) {
            return;
        }
        for (Column column : model.columns()) {
            if (column.isAutoIncrement() && keys(model).stream().noneMatch(k -> k.get(0).equals(column.name()))) {
                throw new IllegalArgumentException("Column " + model.name() + "." + column.name() + " is auto-increment"
                        + " but no key of the model starts with it, which " + dialect.orElseThrow().name()
                        + " requires (\"there can be only one auto column and it must be defined as a key\"): make it"
                        + " the first column of the primary key or of an index, or drop its autoIncrement().");
            }
        }
    }

    /**
     * Where an auto-increment column must lead a key (MariaDB, MySQL), the temporary index
     * that holds the database's auto-increment column while every key leading with it is
     * dropped ({@code droppedKeys}, a primary key moved to other columns, say) and the
     * model's keys are created: created before the drops, dropped after the creates. Empty
     * when a key that stays leads with the column, or the model drops the column.
     */
    static Optional<Index> bridge(Table model, Table database, List<List<String>> droppedKeys,
            Optional<Dialect> dialect) {
        if (!mustLeadAKey(dialect)) {
            return Optional.empty();
        }
        Optional<Column> numbered = database.columns().stream().filter(Column::isAutoIncrement).findFirst()
                .filter(c -> model.column(c.name()).isPresent());
        if (numbered.isEmpty()) {
            return Optional.empty();
        }
        String column = numbered.get().name();
        List<List<String>> leading = keys(database).stream().filter(k -> k.get(0).equals(column)).toList();
        List<List<String>> remaining = new ArrayList<>(leading);
        droppedKeys.forEach(remaining::remove);
        if (leading.isEmpty() || !remaining.isEmpty()) {
            return Optional.empty();
        }
        String name = "tmp_" + model.name() + "_" + column;
        return Optional.of(Index.of(name.length() > 64 ? name.substring(0, 64) : name, column));
    }

    /** The creation of the {@link #bridge}, ahead of the drops. */
    static Change hold(String table, Index bridge) {
        String column = bridge.columns().get(0);
        return Change.of(new CreateIndex(Optional.empty(), bridge.name(), table, bridge.columns(), false)).withNote(
                "Indexes auto-increment column " + table + "." + column + " while its keys are replaced: the database"
                        + " requires an auto-increment column to lead a key at every step. Dropped again after them.");
    }

    /** The drop of the {@link #bridge}, after the model's keys are created. */
    static Change release(String table, Index bridge) {
        return new Change(new DropIndex(Optional.empty(), bridge.name(), Optional.of(table)),
                List.of(new CreateIndex(Optional.empty(), bridge.name(), table, bridge.columns(), false)), List.of());
    }

    private static boolean mustLeadAKey(Optional<Dialect> dialect) {
        return dialect.flatMap(CatalogReaders::find).map(CatalogReader::autoIncrementMustLeadAKey).orElse(false);
    }

    /** A table's keys, each by its columns (an index by its leading columns, up to an expression). */
    private static List<List<String>> keys(Table table) {
        List<List<String>> keys = new ArrayList<>();
        table.primaryKey().ifPresent(pk -> keys.add(pk.columns()));
        table.uniqueConstraints().stream().map(UniqueConstraint::columns).forEach(keys::add);
        table.columns().stream().filter(Column::isUnique).forEach(c -> keys.add(List.of(c.name())));
        for (Index index : table.indexes()) {
            List<String> columns = index.elements().stream().takeWhile(e -> !e.expression())
                    .map(Index.Element::sql).toList();
            if (!columns.isEmpty()) {
                keys.add(columns);
            }
        }
        return keys;
    }

    private static Optional<Column.AutoIncrement> comparable(Column column, Optional<Dialect> dialect) {
        boolean twoKinds = dialect.map(Dialect::supportsIdentityAlways).orElse(true);
        return column.autoIncrementKind().map(k -> k == Column.AutoIncrement.ALWAYS && twoKinds ? k
                : Column.AutoIncrement.BY_DEFAULT);
    }
}
