package dev.retort.cli.internal;

import dev.retort.runtime.JdbcUrls;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.dialect.SqliteDialect;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dialect a {@code dialect=} name or a JDBC URL stands for, with no connection: offline
 * SQL ({@code --sql}) must not touch the database. Adding a dialect is one line in
 * {@link #DIALECTS}; its URL prefixes are already in {@link #URL_PREFIXES}.
 */
public final class DialectNames {

    /** The dialects Retort can write, by the name {@code dialect=} takes. */
    private static final Map<String, Supplier<Dialect>> DIALECTS = new LinkedHashMap<>();

    /** Other spellings users type for the same dialect. */
    private static final Map<String, String> ALIASES = Map.of("postgres", "postgresql", "pg", "postgresql",
            "sqlite3", "sqlite");

    /**
     * JDBC URL prefixes and the dialect name each implies. It lists databases whose dialect
     * may not be available yet, so that their users are told so rather than "unknown URL".
     */
    private static final Map<String, String> URL_PREFIXES = new LinkedHashMap<>();

    static {
        DIALECTS.put("h2", H2Dialect::new);
        DIALECTS.put("postgresql", PostgresDialect::new);
        DIALECTS.put("mariadb", MariaDbDialect::new);
        DIALECTS.put("mysql", MariaDbDialect::mysql);
        DIALECTS.put("sqlite", SqliteDialect::new);

        URL_PREFIXES.put("jdbc:h2:", "h2");
        URL_PREFIXES.put("jdbc:postgresql:", "postgresql");
        URL_PREFIXES.put("jdbc:mariadb:", "mariadb");
        URL_PREFIXES.put("jdbc:mysql:", "mysql");
        URL_PREFIXES.put("jdbc:sqlite:", "sqlite");
    }

    private DialectNames() {
    }

    /**
     * The dialect {@code name} names ({@code h2}, {@code postgresql}, …, case-insensitive),
     * or the one {@code url}'s prefix implies when {@code name} is empty.
     *
     * @param name       the configured {@code dialect=}, if any
     * @param url        the configured JDBC URL, if any
     * @param configName the configuration file, for the messages
     * @throws IllegalArgumentException with a message for the user when neither gives a
     *                                  dialect Retort has
     */
    public static Dialect resolve(Optional<String> name, Optional<String> url, String configName) {
        if (name.isPresent()) {
            String key = canonical(name.get());
            Supplier<Dialect> dialect = DIALECTS.get(key);
            if (dialect == null) {
                throw new IllegalArgumentException("Unknown dialect '" + name.get() + "' in 'dialect=' or --dialect. "
                        + "Use one of " + String.join(", ", DIALECTS.keySet()) + ".");
            }
            return dialect.get();
        }
        String jdbcUrl = url.orElseThrow(() -> new IllegalArgumentException("Offline SQL (--sql) needs to know the "
                + "dialect to write and reads it from 'url=' or 'dialect=', but neither is set. Set 'dialect=' ("
                + String.join(", ", DIALECTS.keySet()) + ") in " + configName + ", or pass --dialect."));
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        String implied = URL_PREFIXES.entrySet().stream()
                .filter(e -> lower.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell the SQL dialect from the url '"
                        + JdbcUrls.redact(jdbcUrl) + "'. Set 'dialect=' (" + String.join(", ", DIALECTS.keySet()) + ") in "
                        + configName + ", or pass --dialect."));
        Supplier<Dialect> dialect = DIALECTS.get(implied);
        if (dialect == null) {
            throw new IllegalArgumentException("The url '" + JdbcUrls.redact(jdbcUrl) + "' is a " + implied + " database, but this "
                    + "version of Retort has no " + implied + " dialect. Supported: "
                    + String.join(", ", DIALECTS.keySet()) + ".");
        }
        return dialect.get();
    }

    private static String canonical(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }
}
