package com.example.accounts;

import com.example.accounts.migrations.GeneratedMigrations;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Accounts and orders: migrates an embedded H2 file database to head at start-up, the
 * way an application would, and prints what it applied and the tables it ended with.
 *
 * <pre>
 * java com.example.accounts.ExampleApplication [database-file-prefix]
 * </pre>
 *
 * <p>The default database is {@code data/accounts} under the working directory. Run it
 * twice: the second run finds the database at head and applies nothing.
 */
public final class ExampleApplication {

    private ExampleApplication() {
    }

    public static void main(String[] args) throws SQLException {
        // Retort logs through System.Logger, which goes to java.util.logging unless the
        // application brings another backend; one line per record reads best here.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %5$s%6$s%n");
        }
        Path database = Path.of(args.length > 0 ? args[0] : "data/accounts").toAbsolutePath();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + database);
        dataSource.setUser("sa");

        System.out.println("Retort example: migrating " + dataSource.getURL());
        Migrator migrator = GeneratedMigrations.migrator(dataSource);
        MigrationResult result = migrator.upgrade("head");

        if (result.steps().isEmpty()) {
            System.out.println("The database is at head (" + String.join(", ", result.headsAfter())
                    + "); nothing to apply.");
        } else {
            System.out.println("Applied " + result.steps().size() + " revisions:");
            for (AppliedStep step : result.steps()) {
                System.out.printf(Locale.ROOT, "  %s -> %s, %s (%d ms)%n",
                        step.from().isEmpty() ? "<base>" : String.join(", ", step.from()),
                        String.join(", ", step.to()), step.message(), step.elapsed().toMillis());
            }
            System.out.println("The database is now at " + String.join(", ", result.headsAfter()) + ".");
        }

        try (Connection connection = dataSource.getConnection()) {
            System.out.println("Tables:");
            for (String table : tables(connection)) {
                System.out.println("  " + table + " (" + String.join(", ", columns(connection, table)) + ")");
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rs = metaData.getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        tables.sort(null);
        return tables;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        // H2 keeps unquoted names in upper case; Retort leaves plain lower-case names unquoted.
        try (ResultSet rs = connection.getMetaData().getColumns(null, "PUBLIC", table.toUpperCase(Locale.ROOT), "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                        + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }
}
