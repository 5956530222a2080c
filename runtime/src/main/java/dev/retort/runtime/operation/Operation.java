package dev.retort.runtime.operation;

import java.util.Optional;

/**
 * One schema change as a value. {@code Operations} builds them, a dialect renders them to
 * SQL, autogenerate renders them to Java. Implementations are immutable records.
 */
public interface Operation {

    /**
     * The operation that undoes this one, where it can be derived from this value alone
     * ({@code CreateTable} → {@code DropTable}); empty where it cannot (dropping a table
     * forgets its columns).
     */
    default Optional<Operation> reverse() {
        return Optional.empty();
    }
}
