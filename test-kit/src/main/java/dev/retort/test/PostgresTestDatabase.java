package dev.retort.test;

import dev.retort.runtime.JdbcUrls;
import dev.retort.test.internal.UrlDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema per check on a PostgreSQL server, dropped afterwards. The server's URL comes
 * from the environment variable {@value #DEFAULT_VARIABLE} (default {@value #DEFAULT_URL});
 * a subclass names another:
 *
 * <pre>{@code
 * public final class OurPostgres extends PostgresTestDatabase {
 *     public OurPostgres() { super("DATABASE_URL", null); }    // no default: skipped when unset
 * }
 * }</pre>
 *
 * <p>When the server does not answer (or the variable is unset and there is no default), the
 * check is skipped with a message on standard error, except when the environment has {@code
 * CI=true}: there it fails, since CI must not pass by skipping the database. Needs the
 * PostgreSQL JDBC driver on the test classpath.
 */
public class PostgresTestDatabase implements TestDatabase {

    /** The variable read by default. */
    public static final String DEFAULT_VARIABLE = "RETORT_TEST_POSTGRES_URL";
    /** The URL used when the variable is unset. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final ConcurrentHashMap<String, String> UNREACHABLE = new ConcurrentHashMap<>();

    private final String variable;
    private final String defaultUrl;

    /** The server at {@value #DEFAULT_VARIABLE}, else {@value #DEFAULT_URL}. */
    public PostgresTestDatabase() {
        this(DEFAULT_VARIABLE, DEFAULT_URL);
    }

    /**
     * The server at the URL in the environment variable {@code variable}, else {@code defaultUrl}.
     *
     * @param defaultUrl the URL when the variable is unset, or {@code null} to skip then
     */
    protected PostgresTestDatabase(String variable, String defaultUrl) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.defaultUrl = defaultUrl;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public FreshDatabase create() throws SQLException {
        String value = System.getenv(variable);
        String url = value == null || value.isBlank() ? defaultUrl : value;
        if (url == null) {
            unavailable(variable + " is not set; checks on PostgreSQL are skipped. Set it to a JDBC URL "
                    + "(jdbc:postgresql://host:5432/db?user=…) to run them.");
        }
        String reason = UNREACHABLE.computeIfAbsent(url, u -> {
            try (Connection ignored = DriverManager.getConnection(u)) {
                return "";
            } catch (SQLException e) {
                return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            }
        });
        if (!reason.isEmpty()) {
            unavailable("PostgreSQL is not reachable at " + JdbcUrls.redact(url) + " (" + JdbcUrls.redact(reason)
                    + "). Start it or set " + variable + "; checks on PostgreSQL are skipped.");
        }
        String schema = "retort_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        UrlDataSource dataSource = new UrlDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        return new FreshDatabase(dataSource, () -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        });
    }

    private static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true requires PostgreSQL: " + message);
        }
        System.err.println("[retort-test] " + message);
        Assumptions.abort(message);
    }
}
