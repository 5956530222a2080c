package dev.retort.test;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * An empty database for one check, and what drops it afterwards.
 *
 * @param dataSource connections to the empty database
 * @param drop       run once the check is over: drop the schema, stop the container, …
 */
public record FreshDatabase(DataSource dataSource, AutoCloseable drop) implements AutoCloseable {

    /** Checks that both are given. */
    public FreshDatabase {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(drop, "drop");
    }

    /**
     * Runs {@link #drop()}.
     *
     * @throws IllegalStateException when dropping fails, with its cause
     */
    @Override
    public void close() {
        try {
            drop.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot drop the test database " + dataSource + ": " + e.getMessage(), e);
        }
    }
}
