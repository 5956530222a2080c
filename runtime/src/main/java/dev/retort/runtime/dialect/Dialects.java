package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
     * One database: its dialect's name, the word its JDBC metadata's product name contains,
     * its JDBC URL prefix and the dialect itself.
     */
    private record Known(String name, String product, String urlPrefix, Supplier<Dialect> dialect) {
    }

    // MariaDB before MySQL: a MariaDB server may call itself MySQL-compatible, never the reverse.
    private static final List<Known> KNOWN = List.of(
            new Known("h2", "h2", "jdbc:h2:", H2Dialect::new),
            new Known("postgresql", "postgres", "jdbc:postgresql:", PostgresDialect::new),
            new Known("mariadb", "mariadb", "jdbc:mariadb:", MariaDbDialect::new),
            new Known("mysql", "mysql", "jdbc:mysql:", MariaDbDialect::mysql),
            new Known("sqlite", "sqlite", "jdbc:sqlite:", SqliteDialect::new));

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
        String product = connection.getMetaData().getDatabaseProductName();
        String normalized = product.toLowerCase(Locale.ROOT);
        return KNOWN.stream()
                .filter(known -> normalized.contains(known.product()))
                .findFirst()
                .map(known -> known.dialect().get())
                .orElseThrow(() -> new IllegalArgumentException("Retort has no dialect for database '" + product
                        + "'. Supported: H2, PostgreSQL, MariaDB, MySQL, SQLite. Pass one explicitly with "
                        + "Migrator.builder(…).dialect(…)."));
    }

    /**
     * The dialect a JDBC URL's prefix stands for ({@code jdbc:postgresql:…}); empty for a URL
     * of another database.
     */
    public static Optional<Dialect> forUrl(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return KNOWN.stream()
                .filter(known -> lower.startsWith(known.urlPrefix()))
                .findFirst()
                .map(known -> known.dialect().get());
    }

    /**
     * The dialect of {@code name} ({@code h2}, {@code postgresql}, {@code mariadb}, {@code
     * mysql}, {@code sqlite}; case-insensitive, with {@code postgres}, {@code pg} and {@code
     * sqlite3} as aliases); empty for any other name.
     */
    public static Optional<Dialect> forName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        String canonical = ALIASES.getOrDefault(key, key);
        return KNOWN.stream()
                .filter(known -> known.name().equals(canonical))
                .findFirst()
                .map(known -> known.dialect().get());
    }

    /** The names {@link #forName} takes, without the aliases, in a fixed order. */
    public static List<String> names() {
        return KNOWN.stream().map(Known::name).toList();
    }
}
