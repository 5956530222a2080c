package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.Operation;
import java.util.Objects;

/**
 * A dialect cannot render an operation. Raised while rendering, before any of the
 * operation's SQL runs; the message names the operation, the dialect and what to do
 * instead.
 */
public class OperationNotSupportedException extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    private final transient Operation operation;
    private final String dialect;
    private final String alternative;

    /**
     * @param operation the operation that cannot be rendered
     * @param dialect the dialect's name
     * @param reason why not, e.g. {@code "SQLite cannot alter a column in place"}
     * @param alternative what to do instead, e.g. {@code "use batchAlterTable"}
     */
    public OperationNotSupportedException(Operation operation, String dialect, String reason, String alternative) {
        super("The " + dialect + " dialect cannot run " + OperationCalls.call(Objects.requireNonNull(operation,
                "operation")) + ": " + reason + ". Instead, " + alternative + ".");
        this.operation = operation;
        this.dialect = dialect;
        this.alternative = alternative;
    }

    /** The operation that cannot be rendered. */
    public Operation operation() {
        return operation;
    }

    /** The dialect's name, e.g. {@code h2}. */
    public String dialect() {
        return dialect;
    }

    /** What to do instead. */
    public String alternative() {
        return alternative;
    }
}
