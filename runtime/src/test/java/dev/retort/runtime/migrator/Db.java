package dev.retort.runtime.migrator;

import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Direct JDBC reads that tests use to check what the migrator did, independently of it. */
final class Db {

    private Db() {
    }

    /** Whether a table exists in {@code schema} (names compared case-insensitively: H2 upper-cases, PostgreSQL lower-cases). */
    static boolean tableExists(TestDatabase db, String schema, String table) {
        return !query(db, "SELECT table_name FROM information_schema.tables WHERE UPPER(table_schema) = UPPER(?) "
                + "AND UPPER(table_name) = UPPER(?)", schema, table).isEmpty();
    }

    static boolean tableExists(TestDatabase db, String table) {
        return tableExists(db, db.schema(), table);
    }

    /** The version table's rows, sorted, read by a name written as plain SQL would (bare when the dialect left it bare). */
    static List<String> versions(TestDatabase db, String qualifiedQuotedTable) {
        return query(db, "SELECT version_num FROM " + qualifiedQuotedTable + " ORDER BY version_num");
    }

    static List<String> versions(TestDatabase db) {
        return versions(db, "retort_version");
    }

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

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
