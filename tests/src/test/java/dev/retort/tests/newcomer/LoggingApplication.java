package dev.retort.tests.newcomer;

import com.example.accounts.migrations.GeneratedMigrations;
import dev.retort.runtime.MigrationResult;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A plain application, run in a JVM of its own by {@link RuntimeLoggingTest}: it upgrades an
 * empty H2 database to head twice, with whatever logging its class path and system
 * properties set up. With the argument {@code jul-to-slf4j} it first routes java.util.logging
 * to SLF4J the way Spring Boot does (by reflection: the bridge is on the child's class path only).
 */
public final class LoggingApplication {

    private LoggingApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jul-to-slf4j")) {
            Class<?> bridge = Class.forName("org.slf4j.bridge.SLF4JBridgeHandler");
            bridge.getMethod("removeHandlersForRootLogger").invoke(null);
            bridge.getMethod("install").invoke(null);
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:logging;DB_CLOSE_DELAY=-1");
        MigrationResult first = GeneratedMigrations.upgradeToHead(dataSource);
        MigrationResult second = GeneratedMigrations.upgradeToHead(dataSource);
        System.out.println("result: applied " + first.steps().size() + " then " + second.steps().size()
                + ", at " + second.headsAfter());
    }
}
