package dev.retort.runtime.offline;

import dev.retort.testing.TestDatabase;

/**
 * Runs an offline script with the database's own client, as an operator would: never
 * through Retort. One per database kind; a new dialect's proof adds one (the {@code
 * mariadb} client, {@code sqlite3}) and a case in {@link OfflineEquivalenceTest}.
 */
public interface ScriptRunner {

    /**
     * Runs {@code script} against {@code db}, in its schema, stopping at the first error.
     *
     * @throws AssertionError when the client reports an error, with its output and the script
     */
    void run(TestDatabase db, String script) throws Exception;
}
