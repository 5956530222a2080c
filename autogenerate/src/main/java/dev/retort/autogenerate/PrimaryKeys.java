package dev.retort.autogenerate;

import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Table;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table's primary key added, dropped, or moved to other columns: compared by its columns in
 * order (as a set where the dialect batches, since batch mode writes them in table order), not
 * by its name (MariaDB names every key {@code PRIMARY}, SQLite keeps none, and a
 * model's unnamed key is named by the database). A moved key is dropped and created again:
 * no database here alters a primary key in place (SQLite rebuilds the table in a batch).
 */
final class PrimaryKeys {

    /**
     * @param drop the database's key to drop, undone by creating it again
     * @param add the model's key to create, after the columns are altered (NOT NULL)
     */
    record Found(Optional<Change> drop, Optional<Change> add) {
    }

    private PrimaryKeys() {
    }

    /**
     * @param modelTables every table of the model: a foreign key that still references the
     *     dropped key makes the drop fail, which a note says
     */
    static Found compare(Table model, Table database, CompareOptions options, Collection<Table> modelTables) {
        String table = model.name();
        Optional<PrimaryKey> wanted = model.primaryKey();
        Optional<PrimaryKey> present = database.primaryKey();
        // Batch mode writes a key's columns in table order (SQLite): another order there is no
        // change it could make, so it is compared as a set.
        boolean same = options.batchesAlterations()
                ? wanted.map(pk -> Set.copyOf(pk.columns())).equals(present.map(pk -> Set.copyOf(pk.columns())))
                : wanted.map(PrimaryKey::columns).equals(present.map(PrimaryKey::columns));
        if (same) {
            return new Found(Optional.empty(), Optional.empty());
        }
        Optional<Change> drop = present.filter(pk -> options.includes(object(table, pk, false))).map(pk -> {
            String name = pk.name().orElseGet(() -> name(options, table, pk.columns()));
            Change change = new Change(new DropConstraint(Optional.empty(), name, table,
                    Optional.of(ConstraintType.PRIMARY_KEY)),
                    List.of(new CreatePrimaryKey(Optional.empty(), name, table, pk.columns())), List.of());
            List<String> referencing = referencing(modelTables, table, pk.columns());
            return referencing.isEmpty() ? change : change.withNote("Drops the primary key of " + table
                    + " that foreign key(s) " + String.join(", ", referencing) + " of the model still reference:"
                    + " the database refuses to drop it while they exist. Drop them first and recreate them on a"
                    + " unique key.");
        });
        Optional<Change> add = wanted.filter(pk -> options.includes(object(table, pk, true))).map(pk -> {
            String name = pk.name().orElseGet(() -> name(options, table, pk.columns()));
            return Change.of(new CreatePrimaryKey(Optional.empty(), name, table, pk.columns()));
        });
        return new Found(drop, add);
    }

    /** The convention's name, else PostgreSQL's own ({@code account_pkey}); MariaDB and SQLite ignore it. */
    private static String name(CompareOptions options, String table, List<String> columns) {
        return options.namingConvention().name(NamingConvention.Kind.PRIMARY_KEY, table, columns, null, null)
                .orElse(table + "_pkey");
    }

    private static List<String> referencing(Collection<Table> modelTables, String table, List<String> columns) {
        return modelTables.stream().flatMap(t -> t.foreignKeys().stream()
                .filter(fk -> fk.referentTable().equals(table)
                        && Set.copyOf(fk.referentColumns()).equals(Set.copyOf(columns)))
                .map(fk -> t.name() + "(" + String.join(", ", fk.columns()) + ")")).toList();
    }

    private static SchemaObject object(String table, PrimaryKey key, boolean inModel) {
        return new SchemaObject(SchemaObject.Kind.PRIMARY_KEY, table, key.name(), inModel, !inModel);
    }
}
