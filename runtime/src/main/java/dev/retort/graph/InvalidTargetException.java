package dev.retort.graph;

/**
 * A target is malformed or cannot be reached in the asked direction: {@code "+3"} past
 * the head, {@code "-2"} below base, a downgrade target that is not below the current
 * revision, an upgrade range whose start is not an ancestor of its end.
 */
public final class InvalidTargetException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String target;

    public InvalidTargetException(String target, String message) {
        super("INVALID_TARGET", message);
        this.target = target;
    }

    public String target() {
        return target;
    }
}
