package dev.retort.test;

/**
 * Where the checks run: each check asks for a {@link FreshDatabase} and drops it when done.
 * Name implementations in {@link RetortMigrationTest#databases()}; they need a public
 * constructor without parameters. {@link H2TestDatabase} and {@link PostgresTestDatabase}
 * come with the kit; any other database (a Testcontainers container, a server from an
 * environment variable) is a class like this:
 *
 * <pre>{@code
 * public final class OracleFromEnv implements TestDatabase {
 *     public String name() { return "Oracle"; }
 *     public FreshDatabase create() {
 *         DataSource dataSource = …;                       // a fresh schema or database
 *         return new FreshDatabase(dataSource, () -> { … });  // and how to drop it
 *     }
 * }
 * }</pre>
 *
 * <p>To skip the checks when the database is not there, throw JUnit's {@code
 * TestAbortedException} from {@link #create()} ({@code Assumptions.abort(message)}).
 */
public interface TestDatabase {

    /** The name the test reports show under each check: {@code H2}, {@code PostgreSQL}. */
    String name();

    /** An empty database for one check. */
    FreshDatabase create() throws Exception;
}
