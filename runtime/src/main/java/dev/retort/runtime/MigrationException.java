package dev.retort.runtime;

/**
 * A migration or a migrator command failed. Carries a stable {@link #code()}; when a
 * revision was running, its id, its class and the failing statement.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String revision;
    private final String className;
    private final String statement;

    public MigrationException(String code, String message, String revision, String className,
                              String statement, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.revision = revision;
        this.className = className;
        this.statement = statement;
    }

    public MigrationException(String code, String message, Throwable cause) {
        this(code, message, null, null, null, cause);
    }

    /** A stable identifier of the kind of failure, such as {@code "MIGRATION_FAILED"}. */
    public String code() {
        return code;
    }

    /** The revision that was running, or {@code null}. */
    public String revision() {
        return revision;
    }

    /** The class of the revision that was running, or {@code null}. */
    public String className() {
        return className;
    }

    /** The SQL statement that failed, or {@code null} when the failure was not in a statement. */
    public String statement() {
        return statement;
    }
}
