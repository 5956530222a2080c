package dev.retort.runtime.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key in a {@link Metadata} model: columns of the table reference columns of
 * {@code referentTable} in the same schema.
 *
 * <pre>{@code
 * ForeignKey.of(List.of("account_id"), "account", List.of("id"))
 *     .onDelete(ReferentialAction.CASCADE)
 *     .named("fk_order_account")
 * }</pre>
 *
 * <p>An empty {@code onDelete} or {@code onUpdate} is the database's default, {@code NO
 * ACTION}; autogenerate treats the two alike.
 *
 * @param name the constraint's name; empty when the database (or the naming convention) names it
 * @param columns the referencing columns of this table
 * @param referentTable the referenced table
 * @param referentColumns the referenced columns, as many as {@code columns}, in the same order
 * @param onDelete what deleting a referenced row does
 * @param onUpdate what updating a referenced key does
 */
public record ForeignKey(Optional<String> name, List<String> columns, String referentTable,
        List<String> referentColumns, Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {

    /** @throws IllegalArgumentException for no columns or column lists of different sizes */
    public ForeignKey {
        name = Table.optionalName("foreign key name", name);
        columns = Table.columnList("A foreign key", columns);
        Table.requireName("foreign key's referent table", referentTable);
        referentColumns = Table.columnList("The referent of a foreign key", referentColumns);
        if (columns.size() != referentColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + columns + " references " + referentTable
                    + referentColumns + "; give as many referent columns as columns");
        }
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }

    /** An unnamed foreign key: {@code columns} reference {@code referentColumns} of {@code referentTable}. */
    public static ForeignKey of(List<String> columns, String referentTable, List<String> referentColumns) {
        return new ForeignKey(Optional.empty(), columns, referentTable, referentColumns, Optional.empty(),
                Optional.empty());
    }

    /** This key named {@code name}. */
    public ForeignKey named(String name) {
        return new ForeignKey(Optional.of(name), columns, referentTable, referentColumns, onDelete, onUpdate);
    }

    /** This key with an {@code ON DELETE} action. */
    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, referentTable, referentColumns, Optional.of(action), onUpdate);
    }

    /** This key with an {@code ON UPDATE} action. */
    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referentTable, referentColumns, onDelete, Optional.of(action));
    }

    /** The same key as a {@code createTable} constraint. */
    public TableConstraint.ForeignKey toTableConstraint() {
        return new TableConstraint.ForeignKey(name, columns, Optional.empty(), referentTable, referentColumns,
                onDelete, onUpdate, false, false);
    }
}
