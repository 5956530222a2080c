package dev.retort.bench;

import dev.retort.runtime.MigrationResult;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One contender in a fresh JVM: {@code retort} (GeneratedMigrations.upgradeToHead), {@code
 * query} (connect and read the version table once), {@code jdbc} (the workload's SQL, one
 * transaction per migration with its version-table change) or {@code flyway} (migrate).
 * Prints {@code RESULT <migrations applied>} last, so the parent checks that each did the work.
 *
 * <p>Arguments: mode, JDBC URL, revision count, Flyway script directory.
 */
public final class UpgradeProbe {

    private UpgradeProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        DataSource dataSource = dataSource(args[1]);
        int revisions = Integer.parseInt(args[2]);
        int applied = switch (mode) {
            case "retort" -> retort(dataSource);
            case "query" -> query(dataSource);
            case "jdbc" -> jdbc(dataSource, revisions);
            case "flyway" -> Flyway.configure().dataSource(dataSource)
                    .locations("filesystem:" + Path.of(args[3]).toAbsolutePath())
                    .load().migrate().migrationsExecuted;
            default -> throw new IllegalArgumentException(mode);
        };
        System.out.println("RESULT " + applied);
    }

    static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            return h2;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        return postgres;
    }

    private static int retort(DataSource dataSource) throws Exception {
        Method upgrade = Class.forName(Workload.PACKAGE + ".GeneratedMigrations")
                .getMethod("upgradeToHead", DataSource.class);
        return ((MigrationResult) upgrade.invoke(null, dataSource)).steps().size();
    }

    private static int query(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_num FROM retort_version")) {
            if (!rs.next()) {
                throw new IllegalStateException("version table is empty");
            }
        }
        return 0;
    }

    /** What a hand-written runner would do: the same statements, a transaction per migration. */
    private static int jdbc(DataSource dataSource, int revisions) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO retort_version (version_num) VALUES (?)");
                 PreparedStatement update = c.prepareStatement(
                         "UPDATE retort_version SET version_num = ? WHERE version_num = ?")) {
                for (int i = 0; i < revisions; i++) {
                    for (String sql : Workload.statements(i)) {
                        s.execute(sql);
                    }
                    if (i == 0) {
                        insert.setString(1, Workload.id(0));
                        insert.executeUpdate();
                    } else {
                        update.setString(1, Workload.id(i));
                        update.setString(2, Workload.id(i - 1));
                        if (update.executeUpdate() != 1) {
                            throw new IllegalStateException("version row not updated at " + i);
                        }
                    }
                    c.commit();
                }
            }
        }
        return revisions;
    }
}
