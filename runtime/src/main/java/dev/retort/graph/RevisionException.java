package dev.retort.graph;

/**
 * Base of every error the revision graph raises: an unknown or ambiguous target, several
 * heads where one was expected, a broken graph. Each carries a stable {@link #code()}.
 */
public class RevisionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public RevisionException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable identifier of the kind of error, such as {@code "UNKNOWN_REVISION"}. */
    public String code() {
        return code;
    }
}
