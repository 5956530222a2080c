package dev.retort.runtime;

import java.sql.Connection;

/**
 * What a migration may do to the schema. An instance is handed to {@link
 * Migration#upgrade} and {@link Migration#downgrade}; every call becomes an operation
 * value that the database's dialect renders to SQL, run online or written to a script.
 */
public interface Operations {

    /** Runs one SQL statement as written, for data migrations and anything not covered by an operation. */
    void execute(String sql);

    /**
     * The connection the migration runs on, inside its transaction, for data migrations
     * that need JDBC directly. Do not commit, roll back or close it.
     *
     * @throws IllegalStateException when generating an offline SQL script, where there is no connection
     */
    Connection connection();
}
