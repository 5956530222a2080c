package dev.retort.runtime.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key in a {@link Metadata} model: columns of the table reference columns of
 * {@code referentTable}, in the referencing table's own schema unless {@link
 * #referentSchema(String)} names another.
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
 * @param referentSchema the referenced table's schema when it is not the referencing table's
 *     own; a table in the connection's schema that references {@code billing.account} says
 *     {@code billing}, a table in {@code billing} that references the connection's {@code
 *     users} names the connection's schema ({@code public})
 */
public record ForeignKey(Optional<String> name, List<String> columns, String referentTable,
        List<String> referentColumns, Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate,
        Optional<String> referentSchema) {

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
        referentSchema = Table.optionalName("foreign key's referent schema", referentSchema);
    }

    /** A key to a table of the referencing table's own schema. */
    public ForeignKey(Optional<String> name, List<String> columns, String referentTable, List<String> referentColumns,
            Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {
        this(name, columns, referentTable, referentColumns, onDelete, onUpdate, Optional.empty());
    }

    /** An unnamed foreign key: {@code columns} reference {@code referentColumns} of {@code referentTable}. */
    public static ForeignKey of(List<String> columns, String referentTable, List<String> referentColumns) {
        return new ForeignKey(Optional.empty(), columns, referentTable, referentColumns, Optional.empty(),
                Optional.empty());
    }

    /** This key named {@code name}. */
    public ForeignKey named(String name) {
        return new ForeignKey(Optional.of(name), columns, referentTable, referentColumns, onDelete, onUpdate,
                referentSchema);
    }

    /** This key with an {@code ON DELETE} action. */
    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, referentTable, referentColumns, Optional.of(action), onUpdate,
                referentSchema);
    }

    /** This key with an {@code ON UPDATE} action. */
    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referentTable, referentColumns, onDelete, Optional.of(action),
                referentSchema);
    }

    /**
     * This key to a table of {@code schema}: {@code ForeignKey.of(List.of("account_id"),
     * "account", List.of("id")).referentSchema("billing")}.
     */
    public ForeignKey referentSchema(String schema) {
        return new ForeignKey(name, columns, referentTable, referentColumns, onDelete, onUpdate,
                Optional.of(Table.requireName("foreign key's referent schema", schema)));
    }

    /** The same key as a {@code createTable} constraint. */
    public TableConstraint.ForeignKey toTableConstraint() {
        return new TableConstraint.ForeignKey(name, columns, referentSchema, referentTable, referentColumns,
                onDelete, onUpdate, false, false);
    }
}
