package dev.retort.runtime.internal;

import java.sql.SQLException;

/** A statement failed; keeps the statement so the migrator can name it in its error. */
public final class StatementFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String statement;

    public StatementFailedException(String statement, SQLException cause) {
        super(cause.getMessage(), cause);
        this.statement = statement;
    }

    public String statement() {
        return statement;
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
