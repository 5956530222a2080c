package dev.retort.tests.reliability;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Registries of real migrations for the reliability tests, and direct JDBC reads to check what the migrator did. */
final class Chain {

    static final String PACKAGE = "com.example.reliability";

    /** The body of an upgrade. */
    interface Body {
        void run(Operations op) throws Exception;
    }

    private Chain() {
    }

    static Migration migration(Body upgrade) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) throws Exception {
                upgrade.run(op);
            }

            @Override
            public void downgrade(Operations op) {
                throw new UnsupportedOperationException("not needed by these tests");
            }
        };
    }

    static String className(String id) {
        return PACKAGE + ".M_" + id;
    }

    /** A linear registry: revision {@code i} has id {@code ids[i]} and runs {@code bodies[i]}. */
    static MigrationRegistry linear(List<String> ids, List<Body> bodies) {
        List<RevisionDefinition> revisions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Migration migration = migration(bodies.get(i));
            RevisionNode node = new RevisionNode(ids.get(i), i == 0 ? List.of() : List.of(ids.get(i - 1)),
                    List.of(), List.of(), "step " + (i + 1));
            revisions.add(new RevisionDefinition(node, className(ids.get(i)), () -> migration));
        }
        return MigrationRegistry.of(PACKAGE, revisions);
    }

    /** A body creating table {@code name} with one integer column. */
    static Body createTable(String name) {
        return op -> op.execute("CREATE TABLE " + name + " (id INTEGER)");
    }

    /** Whether a table of this name exists in the test's schema, from the JDBC metadata (any case). */
    static boolean tableExists(TestDatabase db, String table) {
        try (Connection connection = db.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            boolean catalogs = !meta.supportsSchemasInTableDefinitions();
            try (ResultSet tables = meta.getTables(catalogs ? db.schema() : null, catalogs ? null : db.schema(),
                    null, null)) {
                while (tables.next()) {
                    if (tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT).equals(table.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables of " + db.kind() + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row of {@code sql}, as strings, in the order the database returns them. */
    static List<String> query(TestDatabase db, String sql, String... parameters) {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(resultSet.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Test query failed on " + db.kind() + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The version table's rows, sorted. */
    static List<String> versions(TestDatabase db) {
        return query(db, "SELECT version_num FROM retort_version ORDER BY version_num");
    }
}
