package dev.retort.test;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.autogenerate.snapshot.RevisionWalk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Drives one database through the revisions to test a data migration, as pytest-alembic's
 * {@code migrate_up_before} and Room's {@code MigrationTestHelper} do: bring the database to
 * the revision before the migration, insert the rows it must transform, apply it, and look
 * at the rows.
 *
 * <pre>{@code
 * @RetortMigrationTest(registry = GeneratedMigrations.class)
 * class BackfillTest {
 *     @Test
 *     void statusIsBackfilled(MigrationTester migrator) {
 *         migrator.upBefore(GeneratedMigrations.ADD_ORDER_STATUS)
 *                 .insert("account", Map.of("id", 1, "name", "Ada"))
 *                 .upOne();
 *         assertEquals(List.of(Map.of("status", "new")), migrator.rows("select status from orders"));
 *     }
 * }
 * }</pre>
 *
 * <p>A test method of a {@link RetortMigrationTest} class gets one on a fresh database by
 * declaring the parameter; elsewhere, {@link #of} makes one. Column names in the rows read
 * are lower case, whatever case the database reports them in.
 */
public final class MigrationTester {

    private final MigrationRegistry registry;
    private final DataSource dataSource;
    private final Migrator migrator;

    private MigrationTester(MigrationRegistry registry, DataSource dataSource, String versionTable) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.migrator = Migrator.builder(registry).dataSource(dataSource).versionTable(versionTable)
                .logger(RevisionWalk.quietLogger()).build();
    }

    /** A tester of {@code registry} ({@code GeneratedMigrations.REGISTRY}) on {@code dataSource}, an empty database. */
    public static MigrationTester of(MigrationRegistry registry, DataSource dataSource) {
        return new MigrationTester(registry, dataSource, Migrator.DEFAULT_VERSION_TABLE);
    }

    /** The same tester for a migrator whose version table is {@code name}. */
    public MigrationTester versionTable(String name) {
        return new MigrationTester(registry, dataSource, name);
    }

    /** Upgrades to {@code revision}: an id, a unique prefix, {@code heads}, {@code +1}, {@code audit@head}. */
    public MigrationTester upTo(String revision) {
        migrator.upgrade(revision);
        return this;
    }

    /**
     * Upgrades to the revisions {@code revision} follows, leaving it unapplied: the state to
     * insert the rows its data migration must transform.
     */
    public MigrationTester upBefore(String revision) {
        RevisionNode node = find(revision).node();
        for (String down : node.downRevisions()) {
            migrator.upgrade(down);
        }
        for (String dependency : node.dependsOn()) {
            migrator.upgrade(dependency);
        }
        return this;
    }

    /** Applies the next revision ({@code upgrade +1}). */
    public MigrationTester upOne() {
        migrator.upgrade("+1");
        return this;
    }

    /** Undoes the current revision ({@code downgrade -1}). */
    public MigrationTester downOne() {
        migrator.downgrade("-1");
        return this;
    }

    /** Downgrades to {@code revision} (an id, a prefix, {@code -1}, {@code base}). */
    public MigrationTester downTo(String revision) {
        migrator.downgrade(revision);
        return this;
    }

    /** Upgrades to every head. */
    public MigrationTester upToHeads() {
        migrator.upgrade("heads");
        return this;
    }

    /** Inserts one row: column names (as a migration writes them) to values. */
    public MigrationTester insert(String table, Map<String, ?> row) {
        return insert(table, List.of(row));
    }

    /** Inserts rows, each a map of column names to values; the columns of the first row are those of all. */
    public MigrationTester insert(String table, List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            String sql = "INSERT INTO " + dialect.quote(table) + " ("
                    + columns.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Map<String, ?> row : rows) {
                    if (!row.keySet().equals(rows.get(0).keySet())) {
                        throw new IllegalArgumentException("Every row inserted into " + table + " needs the columns "
                                + columns + "; one has " + row.keySet());
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        statement.setObject(i + 1, row.get(columns.get(i)));
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert into " + table + " at " + migrator.current() + ": "
                    + e.getMessage(), e);
        }
        return this;
    }

    /** Runs a statement ({@code update}, {@code delete}, DDL) with {@code ?} parameters. */
    public MigrationTester execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The rows a query returns, each a map from lower-case column label to value, in column order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The single value of a query that returns one row of one column, e.g. {@code select count(*) from account}. */
    public Object value(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one row of one column from " + sql + ", got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    /** The revisions the version table holds. */
    public List<String> current() {
        return migrator.current();
    }

    /** The database, for anything else. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The migrator on the database. */
    public Migrator migrator() {
        return migrator;
    }

    private RevisionDefinition find(String revision) {
        List<RevisionDefinition> exact = registry.revisions().stream().filter(r -> r.id().equals(revision)).toList();
        List<RevisionDefinition> matches = !exact.isEmpty() ? exact
                : registry.revisions().stream().filter(r -> r.id().startsWith(revision)).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException((matches.isEmpty() ? "No revision " : "Ambiguous revision ") + revision
                    + " in " + registry.packageName() + (matches.isEmpty() ? "" : ": "
                    + matches.stream().map(RevisionDefinition::id).toList()) + "; give its full id");
        }
        return matches.get(0);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
