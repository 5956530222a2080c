package dev.retort.bench;

import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs in a fresh JVM: what an application at head does at start-up, or the baseline of
 * one plain JDBC read of the version table. Prints the nanoseconds from {@code main} to done.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String mode = args[0];
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(args[1]);
        dataSource.setUser("sa");
        switch (mode) {
            case "jdbc" -> {
                try (Connection c = dataSource.getConnection();
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT version_num FROM retort_version")) {
                    if (!rs.next()) {
                        throw new IllegalStateException("version table is empty");
                    }
                }
            }
            case "retort" -> {
                MigrationRegistry registry = (MigrationRegistry) Class.forName(args[2]).getField("REGISTRY").get(null);
                long loaded = System.nanoTime();
                Migrator migrator = Migrator.builder(registry).dataSource(dataSource).build();
                long built = System.nanoTime();
                migrator.upgrade("head");
                long done = System.nanoTime();
                System.err.printf("phases: registry %d ms, build %d ms, upgrade %d ms%n",
                        (loaded - start) / 1_000_000, (built - loaded) / 1_000_000, (done - built) / 1_000_000);
            }
            default -> throw new IllegalArgumentException(mode);
        }
        System.out.println(System.nanoTime() - start);
    }
}
