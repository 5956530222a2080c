package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * One schema change as a value. {@code Operations} builds them, a dialect renders them to
 * SQL, autogenerate renders them to Java. Implementations are immutable records.
 *
 * <p>The set is closed: each concern that treats operations (SQL rendering in {@code
 * Dialect}, Java rendering, the command line's detections) implements {@link Visitor}, whose
 * one method per operation makes a new operation fail to compile until every concern handles
 * it. Changes that a {@code batchAlterTable} can hold are {@link TableChange}s.
 */
public sealed interface Operation permits TableChange,
        CreateTable,
        DropTable,
        RenameTable,
        CreateIndexWithOptions,
        DropIndexWithOptions,
        CreateExcludeConstraint,
        CreateTableComment,
        DropTableComment,
        CreateSequence,
        DropSequence,
        Execute,
        ExecuteWithParameters,
        BulkInsert,
        BatchAlterTable,
        RecreateTable,
        CreateEnumType,
        DropEnumType,
        AddEnumValue {

    /**
     * The operation that undoes this one, where it can be derived from this value alone
     * ({@code CreateTable} → {@code DropTable}); empty where it cannot (dropping a table
     * forgets its columns).
     */
    Optional<Operation> reverse();

    /** Calls the visitor's method for this operation's type and returns its result. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per operation: what a concern does with each. Implement it (no defaults)
     * so that a new operation is a compile error until the concern decides.
     *
     * @param <R> the result of visiting an operation
     */
    interface Visitor<R> {

        /** Visits {@link CreateTable}. */
        R visit(CreateTable operation);

        /** Visits {@link DropTable}. */
        R visit(DropTable operation);

        /** Visits {@link RenameTable}. */
        R visit(RenameTable operation);

        /** Visits {@link AddColumn}. */
        R visit(AddColumn operation);

        /** Visits {@link DropColumn}. */
        R visit(DropColumn operation);

        /** Visits {@link AlterColumn}. */
        R visit(AlterColumn operation);

        /** Visits {@link CreateIndex}. */
        R visit(CreateIndex operation);

        /** Visits {@link DropIndex}. */
        R visit(DropIndex operation);

        /** Visits {@link CreateForeignKey}. */
        R visit(CreateForeignKey operation);

        /** Visits {@link DropConstraint}. */
        R visit(DropConstraint operation);

        /** Visits {@link CreatePrimaryKey}. */
        R visit(CreatePrimaryKey operation);

        /** Visits {@link CreateUniqueConstraint}. */
        R visit(CreateUniqueConstraint operation);

        /** Visits {@link CreateCheckConstraint}. */
        R visit(CreateCheckConstraint operation);

        /** Visits {@link CreateIndexWithOptions}. */
        R visit(CreateIndexWithOptions operation);

        /** Visits {@link DropIndexWithOptions}. */
        R visit(DropIndexWithOptions operation);

        /** Visits {@link CreateExcludeConstraint}. */
        R visit(CreateExcludeConstraint operation);

        /** Visits {@link CreateTableComment}. */
        R visit(CreateTableComment operation);

        /** Visits {@link DropTableComment}. */
        R visit(DropTableComment operation);

        /** Visits {@link CreateSequence}. */
        R visit(CreateSequence operation);

        /** Visits {@link DropSequence}. */
        R visit(DropSequence operation);

        /** Visits {@link Execute}. */
        R visit(Execute operation);

        /** Visits {@link ExecuteWithParameters}. */
        R visit(ExecuteWithParameters operation);

        /** Visits {@link BulkInsert}. */
        R visit(BulkInsert operation);

        /** Visits {@link BatchAlterTable}. */
        R visit(BatchAlterTable operation);

        /** Visits {@link RecreateTable}. */
        R visit(RecreateTable operation);

        /** Visits {@link CreateEnumType}. */
        R visit(CreateEnumType operation);

        /** Visits {@link DropEnumType}. */
        R visit(DropEnumType operation);

        /** Visits {@link AddEnumValue}. */
        R visit(AddEnumValue operation);
    }
}
