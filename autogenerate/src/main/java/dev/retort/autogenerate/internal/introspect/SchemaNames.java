package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas of a database that hold a user's tables, as the database stores their names:
 * every schema but the database's own catalogue ({@code information_schema}, {@code
 * pg_catalog} and the other {@code pg_} schemas, MariaDB's {@code mysql}, {@code
 * performance_schema} and {@code sys}). On MariaDB and MySQL a schema is a database. SQLite
 * has one schema, {@code main}, and lists none besides.
 */
public final class SchemaNames {

    private SchemaNames() {
    }

    /** The schema names in the database's order of name; empty where the database has no others. */
    public static List<String> list(Connection connection, Dialect dialect) throws SQLException {
        String sql = switch (dialect.name()) {
            case "postgresql" -> "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                    + " AND nspname <> 'information_schema' ORDER BY nspname";
            case "h2" -> "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                    + " WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA' ORDER BY SCHEMA_NAME";
            case "mariadb", "mysql" -> "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME"
                    + " NOT IN ('information_schema', 'mysql', 'performance_schema', 'sys') ORDER BY SCHEMA_NAME";
            default -> null;
        };
        List<String> names = new ArrayList<>();
        if (sql == null) {
            return names;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
