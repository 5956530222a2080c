package dev.retort.spring.boot;

import dev.retort.runtime.Migrator;

/**
 * Replaces what the starter does at start-up, which is {@code migrator.upgrade(target)}.
 * Declare one as a bean; it runs at the same moment, before JPA and the JDBC templates.
 *
 * <pre>{@code
 * @Bean
 * RetortMigrationStrategy stampExistingDatabase() {
 *     return migrator -> {
 *         if (migrator.current().isEmpty()) {
 *             migrator.stamp("2b1ae634e5cd");
 *         }
 *         migrator.upgrade("heads");
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

    /**
     * Runs what start-up should run with this migrator, built from the {@code retort.*}
     * properties. An exception thrown here stops start-up.
     */
    void migrate(Migrator migrator);
}
