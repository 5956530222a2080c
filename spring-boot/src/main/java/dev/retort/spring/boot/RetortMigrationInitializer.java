package dev.retort.spring.boot;

import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * The bean that migrates the database when the application context starts. Spring Boot
 * creates every bean that uses the database (the JPA {@code EntityManagerFactory}, {@code
 * JdbcTemplate}, {@code JdbcClient}, any {@code @DependsOnDatabaseInitialization} bean)
 * after it, because the starter declares it a database initializer. A failure here stops
 * start-up with Retort's message.
 *
 * <p>It runs the {@link RetortMigrationStrategy} bean when there is one, otherwise {@code
 * migrator.upgrade(target)}.
 */
public class RetortMigrationInitializer implements InitializingBean, Ordered {

    private final Migrator migrator;
    private final String target;
    private final RetortMigrationStrategy strategy;
    private volatile MigrationResult result;
    private int order;

    /**
     * @param migrator the migrator to run
     * @param target   what to upgrade to when there is no strategy ({@code "heads"} by default)
     * @param strategy replaces the upgrade; {@code null} for none
     */
    public RetortMigrationInitializer(Migrator migrator, String target, RetortMigrationStrategy strategy) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.target = Objects.requireNonNull(target, "target");
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(migrator);
        } else {
            result = migrator.upgrade(target);
        }
    }

    /** What the start-up upgrade did; empty when a {@link RetortMigrationStrategy} ran instead. */
    public Optional<MigrationResult> result() {
        return Optional.ofNullable(result);
    }

    /** The migrator this initializer runs. */
    public Migrator migrator() {
        return migrator;
    }

    @Override
    public int getOrder() {
        return order;
    }

    /** Sets the order among other initializers of the same kind; 0 by default. */
    public void setOrder(int order) {
        this.order = order;
    }
}
