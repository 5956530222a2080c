package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the dialect of a database: from a live connection's JDBC metadata, from a JDBC URL
 * (for offline SQL, with no connection), or by name ({@code dialect=postgresql}). The one
 * table of the databases Retort speaks to; a new dialect is one entry here.
 *
 * <pre>{@code
 * Dialect dialect = Dialects.detect(connection);
 * Optional<Dialect> offline = Dialects.forUrl("jdbc:postgresql://db/app");
 * Optional<Dialect> named = Dialects.forName("mysql");
 * }</pre>
 */
public final class Dialects {

    /**
     * One database: its dialect's name, the word its JDBC metadata's product name contains
     * and its JDBC URL prefix; {@link #create} makes its dialect.
     */
    private record Known(String name, String product, String urlPrefix) {
    }

    // MariaDB before MySQL: a MariaDB server may call itself MySQL-compatible, never the reverse.
    private static final List<Known> KNOWN = List.of(
            new Known("h2", "h2", "jdbc:h2:"),
            new Known("postgresql", "postgres", "jdbc:postgresql:"),
            new Known("mariadb", "mariadb", "jdbc:mariadb:"),
            new Known("mysql", "mysql", "jdbc:mysql:"),
            new Known("sqlite", "sqlite", "jdbc:sqlite:"));

    /** Other spellings users type for the same dialect. */
    private static final Map<String, String> ALIASES = Map.of("postgres", "postgresql", "pg", "postgresql",
            "sqlite3", "sqlite");

    private Dialects() {
    }

    /**
     * The dialect for the database behind {@code connection}.
     *
     * @throws IllegalArgumentException when the database is not one Retort supports, naming it
     */
    public static Dialect detect(Connection connection) throws SQLException {
        // The PostgreSQL and H2 drivers name their database with a constant, so their
        // connection's class says it without loading their metadata class: PostgreSQL's is
        // 88 KB, which a fresh JVM at head would parse and verify for this one string.
        String product = switch (connection.getClass().getName()) {
            case "org.postgresql.jdbc.PgConnection" -> "PostgreSQL";
            case "org.h2.jdbc.JdbcConnection" -> "H2";
            default -> connection.getMetaData().getDatabaseProductName();
        };
        String normalized = product.toLowerCase(Locale.ROOT);
        for (Known known : KNOWN) {
            if (normalized.contains(known.product())) {
                return create(known.name());
            }
        }
        throw new IllegalArgumentException("Retort has no dialect for database '" + product
                + "'. Supported: H2, PostgreSQL, MariaDB, MySQL, SQLite. Pass one explicitly with "
                + "Migrator.builder(…).dialect(…).");
    }

    /**
     * The dialect a JDBC URL's prefix stands for ({@code jdbc:postgresql:…}); empty for a URL
     * of another database.
     */
    public static Optional<Dialect> forUrl(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        for (Known known : KNOWN) {
            if (lower.startsWith(known.urlPrefix())) {
                return Optional.of(create(known.name()));
            }
        }
        return Optional.empty();
    }

    /**
     * The dialect of {@code name} ({@code h2}, {@code postgresql}, {@code mariadb}, {@code
     * mysql}, {@code sqlite}; case-insensitive, with {@code postgres}, {@code pg} and {@code
     * sqlite3} as aliases); empty for any other name.
     */
    public static Optional<Dialect> forName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        String canonical = ALIASES.getOrDefault(key, key);
        for (Known known : KNOWN) {
            if (known.name().equals(canonical)) {
                return Optional.of(create(canonical));
            }
        }
        return Optional.empty();
    }

    /** The names {@link #forName} takes, without the aliases, in a fixed order. */
    public static List<String> names() {
        return KNOWN.stream().map(Known::name).toList();
    }

    /**
     * A new dialect of a known name. Only that dialect's class is loaded: an application
     * starts with one database, and loading the other dialects (large classes) cost about
     * 30 ms of CPU in a fresh JVM, a quarter of what Retort costs at head. Hence a {@code
     * switch} typed {@code Object} rather than one constructor reference or {@code Dialect}
     * expression per database: verifying a method that returns {@code new H2Dialect()} as a
     * {@code Dialect} loads {@code H2Dialect} to check that it is one, whichever branch runs.
     */
    private static Dialect create(String name) {
        Object dialect = switch (name) {
            case "h2" -> new H2Dialect();
            case "postgresql" -> new PostgresDialect();
            case "mariadb" -> new MariaDbDialect();
            case "mysql" -> MariaDbDialect.mysql();
            case "sqlite" -> new SqliteDialect();
            default -> throw new IllegalArgumentException("no dialect named " + name);
        };
        return (Dialect) dialect;
    }
}
