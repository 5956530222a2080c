package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the databases tests run on. H2 is in-process. PostgreSQL is the local server,
 * at {@code RETORT_TEST_POSTGRES_URL} (default {@value #DEFAULT_POSTGRES_URL}): each test
 * database is a fresh schema that {@link TestDatabase#close()} drops. MariaDB is the
 * local server at {@code RETORT_TEST_MARIADB_URL} (default {@value #DEFAULT_MARIADB_URL}),
 * one fresh database per test; SQLite is a temporary file per test. When a server is
 * unreachable the test is skipped with a message, except under {@code CI=true}, where it
 * fails: CI must never pass by skipping the real databases.
 */
public final class TestDatabases {

    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    private static final ConcurrentHashMap<String, String> UNREACHABLE = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static String postgresUrl() {
        String url = System.getenv("RETORT_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url;
    }

    public static String mariadbUrl() {
        String url = System.getenv("RETORT_TEST_MARIADB_URL");
        return url == null || url.isBlank() ? DEFAULT_MARIADB_URL : url;
    }

    /** Opens a test database of the given kind: {@code h2}, {@code postgresql}, {@code mariadb} or {@code sqlite}. */
    public static TestDatabase open(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            case "mariadb" -> mariadb();
            case "sqlite" -> sqlite();
            default -> throw new IllegalArgumentException("Unknown test database kind " + kind);
        };
    }

    /** A private in-memory H2 database that lives until {@link TestDatabase#close()}. */
    public static TestDatabase h2() {
        String name = "retort_" + UUID.randomUUID().toString().replace("-", "");
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        SimpleDataSource dataSource = new SimpleDataSource(url);
        AtomicBoolean closed = new AtomicBoolean();
        return new TestDatabase("h2", dataSource, "PUBLIC", () -> {
            if (closed.compareAndSet(false, true)) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException ignored) {
                    // already gone
                }
            }
        });
    }

    /** A fresh schema on the PostgreSQL server; connections made through it use that schema. */
    public static TestDatabase postgres() {
        String baseUrl = postgresUrl();
        requireReachable("PostgreSQL", "RETORT_TEST_POSTGRES_URL", baseUrl);
        String schema = "retort_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + baseUrl + ": " + e.getMessage(), e);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        SimpleDataSource dataSource = new SimpleDataSource(url);
        AtomicBoolean closed = new AtomicBoolean();
        return new TestDatabase("postgresql", dataSource, schema, () -> {
            if (closed.compareAndSet(false, true)) {
                try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot drop test schema " + schema + ": " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * Skips the calling test (or fails it under CI=true) when the server at {@code url}
     * does not answer. Remembers an unreachable server so the message is tried once.
     */
    public static void requireReachable(String server, String variable, String url) {
        String reason = UNREACHABLE.computeIfAbsent(url, u -> {
            try (Connection ignored = DriverManager.getConnection(u)) {
                return "";
            } catch (SQLException e) {
                return e.getMessage() == null ? e.toString() : e.getMessage();
            }
        });
        if (reason.isEmpty()) {
            return;
        }
        String message = server + " is not reachable at " + url + " (" + reason + "). Start it or set "
                + variable + "; tests on " + server.toLowerCase(Locale.ROOT) + " are skipped.";
        if (isCi()) {
            fail("CI=true requires " + server + ": " + message);
        }
        System.err.println("[retort-tests] " + message);
        assumeTrue(false, message);
    }

    // ---- MariaDB and SQLite ----

    /**
     * A fresh database on the MariaDB server at {@code RETORT_TEST_MARIADB_URL} (default
     * {@value #DEFAULT_MARIADB_URL}), dropped by {@link TestDatabase#close()}; connections made
     * through it use that database. Skipped when the server is down, failed under CI=true.
     */
    public static TestDatabase mariadb() {
        String baseUrl = mariadbUrl();
        requireReachable("MariaDB", "RETORT_TEST_MARIADB_URL", baseUrl);
        String database = "retort_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + baseUrl + ": " + e.getMessage(), e);
        }
        String url = withDatabase(baseUrl, database);
        SimpleDataSource dataSource = new SimpleDataSource(url);
        AtomicBoolean closed = new AtomicBoolean();
        return new TestDatabase("mariadb", dataSource, database, () -> {
            if (closed.compareAndSet(false, true)) {
                try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot drop test database " + database + ": " + e.getMessage(), e);
                }
            }
        });
    }

    /** {@code jdbc:mariadb://host:port/<database>?…}: the URL's database replaced by {@code database}. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String head = pathStart < 0 || (query >= 0 && pathStart > query)
                ? (query < 0 ? url : url.substring(0, query))
                : url.substring(0, pathStart);
        return head + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    /**
     * A fresh SQLite database in a temporary file, deleted (with its journal) by {@link
     * TestDatabase#close()}. Its schema is {@code main}.
     */
    public static TestDatabase sqlite() {
        Path file;
        try {
            file = Files.createTempFile("retort_", ".sqlite");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary SQLite file: " + e.getMessage(), e);
        }
        SimpleDataSource dataSource = new SimpleDataSource("jdbc:sqlite:" + file);
        AtomicBoolean closed = new AtomicBoolean();
        return new TestDatabase("sqlite", dataSource, "main", () -> {
            if (closed.compareAndSet(false, true)) {
                for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                    try {
                        Files.deleteIfExists(Path.of(file + suffix));
                    } catch (IOException e) {
                        throw new IllegalStateException("Cannot delete test database " + file + suffix, e);
                    }
                }
            }
        });
    }
}
