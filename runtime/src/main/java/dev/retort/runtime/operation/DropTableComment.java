package dev.retort.runtime.operation;

import java.util.Objects;
import java.util.Optional;

/**
 * Removes a table's comment.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table
 * @param existingComment the comment before, when known: lets {@link #reverse()} restore it
 */
public record DropTableComment(Optional<String> schema, String table, Optional<String> existingComment)
        implements Operation {

    /** @throws IllegalArgumentException for a blank table name */
    public DropTableComment {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Objects.requireNonNull(existingComment, "existingComment");
    }

    /** Restores the existing comment, when it is known. */
    @Override
    public Optional<Operation> reverse() {
        return existingComment.map(c -> new CreateTableComment(schema, table, c, Optional.empty()));
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
