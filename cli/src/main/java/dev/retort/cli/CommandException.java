package dev.retort.cli;

/**
 * A command cannot do what was asked. The message is one sentence for the user: what was
 * found and what to do next. The command line prints it as {@code FAILED: <message>} and
 * exits with status 1.
 */
public final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure explained by {@code message}. */
    public CommandException(String message) {
        super(message);
    }

    /** A failure explained by {@code message}, caused by {@code cause} (shown with {@code --verbose}). */
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
