package dev.retort.autogenerate;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.schema.Column;
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

    private static Optional<Column.AutoIncrement> comparable(Column column, Optional<Dialect> dialect) {
        boolean twoKinds = dialect.map(Dialect::supportsIdentityAlways).orElse(true);
        return column.autoIncrementKind().map(k -> k == Column.AutoIncrement.ALWAYS && twoKinds ? k
                : Column.AutoIncrement.BY_DEFAULT);
    }
}
