package dev.retort.runtime.internal.command;

import dev.retort.runtime.internal.StatementFailedException;

/** The pieces of a failing step's message that the online and the offline run share. */
final class FailureText {

    private FailureText() {
    }

    static String causeText(Throwable cause) {
        return cause.getMessage() == null ? "" : cause.getMessage();
    }

    /** A statement on one line, as the message's first line shows it. */
    static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    static StatementFailedException statementFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StatementFailedException failed) {
                return failed;
            }
        }
        return null;
    }

    /** A cause's message as a sentence: a full stop added unless it already ends one. */
    static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }
}
