package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Picks the dialect of a live connection from its JDBC metadata. */
public final class Dialects {

    private Dialects() {
    }

    /**
     * The dialect for the database behind {@code connection}.
     *
     * @throws IllegalArgumentException when the database is not one Retort supports, naming it
     */
    public static Dialect detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String normalized = product.toLowerCase(Locale.ROOT);
        if (normalized.contains("h2")) {
            return new H2Dialect();
        }
        if (normalized.contains("postgres")) {
            return new PostgresDialect();
        }
        // dialects2: MariaDB, MySQL and SQLite.
        if (normalized.contains("mariadb")) {
            return new MariaDbDialect();
        }
        if (normalized.contains("mysql")) {
            return MariaDbDialect.mysql();
        }
        if (normalized.contains("sqlite")) {
            return new SqliteDialect();
        }
        throw new IllegalArgumentException("Retort has no dialect for database '" + product
                + "'. Supported: H2, PostgreSQL, MariaDB, MySQL, SQLite. Pass one explicitly with Migrator.builder(…).dialect(…).");
    }
}
