package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * An operation that changes one existing table and that a {@code batchAlterTable} can
 * therefore hold: columns, indexes and constraints. Batch mode plans a rebuild from them, and
 * autogenerate writes them as calls on the batch builder, each through {@link Visitor}.
 */
public sealed interface TableChange extends Operation permits AddColumn,
        DropColumn,
        AlterColumn,
        CreateIndex,
        DropIndex,
        CreateForeignKey,
        DropConstraint,
        CreatePrimaryKey,
        CreateUniqueConstraint,
        CreateCheckConstraint {

    /**
     * The table changed; empty only for a {@code DropIndex} built without its table, which a
     * batch refuses.
     */
    Optional<String> changedTable();

    /** Calls the visitor's method for this change's type and returns its result. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per table change, no defaults: a new change fails to compile until batch
     * planning and the batch renderer handle it.
     *
     * @param <R> the result of visiting a change
     */
    interface Visitor<R> {

        /** Visits {@link AddColumn}. */
        R visit(AddColumn change);

        /** Visits {@link DropColumn}. */
        R visit(DropColumn change);

        /** Visits {@link AlterColumn}. */
        R visit(AlterColumn change);

        /** Visits {@link CreateIndex}. */
        R visit(CreateIndex change);

        /** Visits {@link DropIndex}. */
        R visit(DropIndex change);

        /** Visits {@link CreateForeignKey}. */
        R visit(CreateForeignKey change);

        /** Visits {@link DropConstraint}. */
        R visit(DropConstraint change);

        /** Visits {@link CreatePrimaryKey}. */
        R visit(CreatePrimaryKey change);

        /** Visits {@link CreateUniqueConstraint}. */
        R visit(CreateUniqueConstraint change);

        /** Visits {@link CreateCheckConstraint}. */
        R visit(CreateCheckConstraint change);
    }
}
