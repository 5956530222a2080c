package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateEnumType;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropEnumType;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.ExecuteWithParameters;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.RenameTable;
import java.util.Optional;

/**
 * The one dispatch from an operation to its form that is safe to repeat ({@link
 * Dialect#repeatable}): a visitor, so that a new operation does not compile until resuming
 * says whether it can be repeated. It reads the statement as the dialect rendered it and
 * reaches the dialect's own rendering ({@code alterTable}, {@code render}) through it, so a
 * dialect that renders differently gets its own forms.
 */
final class RepeatableStatements implements Operation.Visitor<Optional<String>> {
    private final Dialect dialect;
    private final Operation operation;
    private final int index;
    private final String statement;

    RepeatableStatements(Dialect dialect, Operation operation, int index, String statement) {
        this.dialect = dialect;
        this.operation = operation;
        this.index = index;
        this.statement = statement;
    }

    @Override
    public Optional<String> visit(CreateTable o) {
        return index == 0 ? withClause(statement, "CREATE TABLE ", "IF NOT EXISTS ") : Optional.of(statement);
    }

    @Override
    public Optional<String> visit(DropTable o) {
        return withClause(statement, "DROP TABLE ", "IF EXISTS ");
    }

    @Override
    public Optional<String> visit(AddColumn o) {
        return index == 0 ? withClause(statement, dialect.alterTable(o.schema(), o.table()) + " ADD COLUMN ",
                "IF NOT EXISTS ") : Optional.of(statement);
    }

    @Override
    public Optional<String> visit(DropColumn o) {
        return withClause(statement, dialect.alterTable(o.schema(), o.table()) + " DROP COLUMN ", "IF EXISTS ");
    }

    @Override
    public Optional<String> visit(AlterColumn o) {
        // Each statement sets a state, except the rename, which comes last and which the
        // catalogue decides (the old name gone and the new one there means it ran).
        boolean rename = o.newName().isPresent() && index == dialect.render(operation).size() - 1;
        return rename ? Optional.empty() : Optional.of(statement);
    }

    @Override
    public Optional<String> visit(CreateIndex o) {
        return createIndex();
    }

    @Override
    public Optional<String> visit(CreateIndexWithOptions o) {
        return createIndex();
    }

    @Override
    public Optional<String> visit(DropIndex o) {
        return withClause(statement, "DROP INDEX ", "IF EXISTS ");
    }

    @Override
    public Optional<String> visit(DropIndexWithOptions o) {
        return withClause(statement, "DROP INDEX ", "IF EXISTS ");
    }

    @Override
    public Optional<String> visit(CreateSequence o) {
        return withClause(statement, "CREATE SEQUENCE ", "IF NOT EXISTS ");
    }

    @Override
    public Optional<String> visit(DropSequence o) {
        return withClause(statement, "DROP SEQUENCE ", "IF EXISTS ");
    }

    @Override
    public Optional<String> visit(CreateTableComment o) {
        return Optional.of(statement);
    }

    @Override
    public Optional<String> visit(DropTableComment o) {
        return Optional.of(statement);
    }

    // A rename or a constraint has no IF [NOT] EXISTS form here: the migrator asks the catalogue.

    @Override
    public Optional<String> visit(RenameTable o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(CreateForeignKey o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(DropConstraint o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(CreatePrimaryKey o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(CreateUniqueConstraint o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(CreateCheckConstraint o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(CreateExcludeConstraint o) {
        return Optional.empty();
    }

    // Raw statements and data changes cannot be rewritten; a table rebuild repeats nothing.

    @Override
    public Optional<String> visit(Execute o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(ExecuteWithParameters o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(BulkInsert o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(BatchAlterTable o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(RecreateTable o) {
        return Optional.empty();
    }

    // CREATE TYPE has no IF NOT EXISTS; enum types are PostgreSQL's, whose DDL is transactional anyway.

    @Override
    public Optional<String> visit(CreateEnumType o) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(DropEnumType o) {
        return withClause(statement, "DROP TYPE ", "IF EXISTS ");
    }

    @Override
    public Optional<String> visit(AddEnumValue o) {
        return withClause(statement, "ALTER TYPE " + dialect.table(o.schema(), o.type()) + " ADD VALUE ",
                "IF NOT EXISTS ");
    }

    private Optional<String> createIndex() {
        return withClause(statement, statement.startsWith("CREATE UNIQUE INDEX ") ? "CREATE UNIQUE INDEX "
                : "CREATE INDEX ", "IF NOT EXISTS ");
    }

    /** {@code statement} with {@code clause} after its {@code prefix}; itself when it has it already. */
    private static Optional<String> withClause(String statement, String prefix, String clause) {
        if (!statement.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = statement.substring(prefix.length());
        return Optional.of(rest.startsWith(clause) ? statement : prefix + clause + rest);
    }
}
