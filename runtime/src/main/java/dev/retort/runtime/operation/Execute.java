package dev.retort.runtime.operation;

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
}
