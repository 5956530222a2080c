package dev.retort.runtime.operation;

import java.util.Optional;
import java.util.Objects;

/**
 * A SQL statement run as written.
 *
 * @param sql the statement, without a terminator
 */
public record Execute(String sql) implements Operation {

    public Execute {
        Objects.requireNonNull(sql, "sql");
    }

    /** None: see the class description. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
