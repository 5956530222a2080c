package dev.retort.cli.internal;

import dev.retort.cli.CommandException;
import dev.retort.runtime.JdbcUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The throw-away database of {@code retort check --shadow}: every revision is applied
 * there from base, then it is compared with the model and dropped by {@link #close()}.
 *
 * <ul>
 *   <li>H2: an in-memory database {@code jdbc:h2:mem:retort_shadow_<random>}; with a
 *       {@code shadow_url}, a schema {@code RETORT_SHADOW_<random>} in that database.</li>
 *   <li>PostgreSQL: a schema {@code retort_shadow_<random>} on the configured server (or
 *       {@code shadow_url}'s), used through {@code currentSchema}, dropped with {@code CASCADE}.</li>
 *   <li>MariaDB/MySQL: a database {@code retort_shadow_<random>} on the server.</li>
 *   <li>SQLite: a temporary file (or {@code shadow_url}'s file, which must not exist).</li>
 * </ul>
 *
 * <p>The configured database itself is only used, for PostgreSQL and MariaDB, as the
 * connection through which the scratch schema or database is created and dropped.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Pattern H2_MEM = Pattern.compile("(?i)jdbc:h2:mem:");
    private static final Pattern MARIADB = Pattern.compile("(?i)(jdbc:(?:mariadb|mysql)://[^/?]*)(/[^?]*)?(\\?.*)?");

    private final DriverDataSource dataSource;
    private final String description;
    private final Cleanup cleanup;

    @FunctionalInterface
    private interface Cleanup {
        void run() throws Exception;
    }

    private ScratchDatabase(DriverDataSource dataSource, String description, Cleanup cleanup) {
        this.dataSource = dataSource;
        this.description = description;
        this.cleanup = cleanup;
    }

    /**
     * Creates the scratch database next to {@code configuredUrl} (or on {@code shadowUrl}).
     *
     * @param connector opens (and checks) a database at a URL with the project's drivers
     * @throws CommandException when the URL is not one it knows how to make a scratch database beside
     */
    public static ScratchDatabase create(String configuredUrl, Optional<String> shadowUrl,
            java.util.function.Function<String, DriverDataSource> connector) {
        String base = shadowUrl.orElse(configuredUrl);
        String lower = base.toLowerCase(Locale.ROOT);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String name = "retort_shadow_" + suffix;
        if (lower.startsWith("jdbc:h2:") && shadowUrl.isEmpty()) {
            DriverDataSource scratch = connector.apply("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            return new ScratchDatabase(scratch, "in-memory H2 database " + name, () -> execute(scratch, "SHUTDOWN"));
        }
        if (lower.startsWith("jdbc:h2:")) {
            if (H2_MEM.matcher(base).lookingAt() && !lower.contains("db_close_delay")) {
                throw new CommandException("shadow_url " + JdbcUrls.redact(base) + " is an in-memory H2 database that closes between "
                        + "connections: add ;DB_CLOSE_DELAY=-1, or leave shadow_url out for a private one.");
            }
            DriverDataSource server = connector.apply(base);
            String schema = name.toUpperCase(Locale.ROOT);
            execute(server, "CREATE SCHEMA " + schema);
            return schemaScratch(connector, server, base + ";SCHEMA=" + schema, schema,
                    "schema " + schema + " in " + JdbcUrls.redact(base));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            DriverDataSource server = connector.apply(base);
            execute(server, "CREATE SCHEMA " + name);
            return schemaScratch(connector, server, withParameter(base, "currentSchema", name), name,
                    "schema " + name + " on " + JdbcUrls.redact(withoutParameters(base)));
        }
        Matcher mariadb = MARIADB.matcher(base);
        if (mariadb.matches()) {
            DriverDataSource server = connector.apply(base);
            execute(server, "CREATE DATABASE " + name);
            String url = mariadb.group(1) + "/" + name + (mariadb.group(3) == null ? "" : mariadb.group(3));
            try {
                return new ScratchDatabase(connector.apply(url), "database " + name + " on " + JdbcUrls.redact(mariadb.group(1)),
                        () -> execute(server, "DROP DATABASE IF EXISTS " + name));
            } catch (RuntimeException e) {
                executeQuietly(server, "DROP DATABASE IF EXISTS " + name);
                throw e;
            }
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            Path file;
            if (shadowUrl.isPresent()) {
                file = Path.of(base.substring("jdbc:sqlite:".length()));
                if (Files.exists(file)) {
                    throw new CommandException("shadow_url " + JdbcUrls.redact(base) + " names an existing file; check --shadow "
                            + "deletes its scratch file afterwards. Name a file that does not exist.");
                }
            } else {
                try {
                    file = Files.createTempFile(name, ".db");
                } catch (IOException e) {
                    throw new CommandException("Cannot create a temporary file for the shadow database: "
                            + e.getMessage() + ". Set shadow_url=jdbc:sqlite:<file>.", e);
                }
            }
            Path scratchFile = file;
            return new ScratchDatabase(connector.apply("jdbc:sqlite:" + file), "SQLite file " + file,
                    () -> Files.deleteIfExists(scratchFile));
        }
        throw new CommandException("check --shadow does not know how to make a scratch database beside " + JdbcUrls.redact(base)
                + ". Set 'shadow_url=' to an H2, PostgreSQL, MariaDB or SQLite URL where it may create one.");
    }

    private static ScratchDatabase schemaScratch(java.util.function.Function<String, DriverDataSource> connector,
            DriverDataSource server, String url, String schema, String description) {
        Cleanup drop = () -> execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        try {
            return new ScratchDatabase(connector.apply(url), description, drop);
        } catch (RuntimeException e) {
            executeQuietly(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            throw e;
        }
    }

    /** Connections to the scratch database. */
    public DriverDataSource dataSource() {
        return dataSource;
    }

    /** What and where the scratch database is, for messages. */
    public String description() {
        return description;
    }

    /** Drops the scratch schema or database. */
    @Override
    public void close() {
        try {
            cleanup.run();
        } catch (Exception e) {
            throw new CommandException("Cannot drop the shadow " + description + ": " + e.getMessage()
                    + ". Drop it by hand.", e);
        }
    }

    /** {@code url} with the query parameter {@code key} set to {@code value} (replacing any previous value). */
    static String withParameter(String url, String key, String value) {
        int question = url.indexOf('?');
        StringBuilder out = new StringBuilder(question < 0 ? url : url.substring(0, question));
        char separator = '?';
        if (question >= 0) {
            for (String parameter : url.substring(question + 1).split("&")) {
                if (parameter.isEmpty() || parameter.toLowerCase(Locale.ROOT).startsWith(key.toLowerCase(Locale.ROOT) + "=")) {
                    continue;
                }
                out.append(separator).append(parameter);
                separator = '&';
            }
        }
        return out.append(separator).append(key).append('=').append(value).toString();
    }

    private static String withoutParameters(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }

    private static void execute(DriverDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CommandException("Shadow database: " + sql + " failed on " + withoutParameters(dataSource.toString())
                    + ": " + e.getMessage() + ". The user needs the right to create and drop it; or set 'shadow_url='.", e);
        }
    }

    private static void executeQuietly(DriverDataSource dataSource, String sql) {
        try {
            execute(dataSource, sql);
        } catch (CommandException ignored) {
            // reporting the first failure matters more
        }
    }
}
