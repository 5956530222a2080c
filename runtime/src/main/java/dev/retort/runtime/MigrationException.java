package dev.retort.runtime;

import java.util.List;

/**
 * A migration or a migrator command failed. Carries a stable {@link #code()}; when a
 * revision was running, its id, its class, the failing statement and the migrations of the
 * run that had committed before it ({@link #appliedSteps()}).
 *
 * <p>The message's first line says what failed, what was undone and what to do; further
 * lines, when there are any, give details (the statements that stayed, the revisions that
 * committed, the database's full error text).
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String revision;
    private final String className;
    private final String statement;
    // AppliedStep is not serializable; a deserialized exception reports no steps.
    private final transient List<AppliedStep> appliedSteps;

    public MigrationException(String code, String message, String revision, String className,
                              String statement, Throwable cause) {
        this(code, message, revision, className, statement, cause, List.of());
    }

    MigrationException(String code, String message, String revision, String className, String statement,
                       Throwable cause, List<AppliedStep> appliedSteps) {
        super(message, cause);
        this.code = code;
        this.revision = revision;
        this.className = className;
        this.statement = statement;
        this.appliedSteps = List.copyOf(appliedSteps);
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

    /**
     * The migrations of the failed run that committed before the failure, in order: the
     * database keeps them, and the version table names the last of them. Empty when none
     * did, including when the whole run was one transaction ({@link
     * Migrator.TransactionMode#ALL}) and was rolled back, and for failures outside a run.
     */
    public List<AppliedStep> appliedSteps() {
        return appliedSteps == null ? List.of() : appliedSteps;
    }
}
