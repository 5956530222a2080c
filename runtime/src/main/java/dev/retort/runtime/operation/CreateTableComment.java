package dev.retort.runtime.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * Sets a table's comment, replacing any.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table
 * @param comment the comment
 * @param existingComment the comment before, when known: lets {@link #reverse()} restore it
 */
public record CreateTableComment(Optional<String> schema, String table, String comment, Optional<String> existingComment)
        implements Operation {

    /** @throws IllegalArgumentException for a blank table name */
    public CreateTableComment {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(existingComment, "existingComment");
    }

    /**
     * Restores the existing comment when it is known, else drops the comment (as Alembic
     * does: a table without {@code existingComment} is taken to have had none).
     */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(existingComment.<Operation>map(c -> new CreateTableComment(schema, table, c, Optional.of(comment)))
                .orElseGet(() -> new DropTableComment(schema, table, Optional.of(comment))));
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
