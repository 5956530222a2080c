package dev.retort.spring.boot.internal;

import dev.retort.spring.boot.RetortMigrationInitializer;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Registered in {@code META-INF/spring.factories}: Spring Boot makes every bean that
 * depends on database initialization (JPA, the JDBC templates and clients, {@code
 * @DependsOnDatabaseInitialization} beans) wait for the beans of these types.
 */
class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(RetortMigrationInitializer.class, StartupSchemaCheck.class);
    }

    @Override
    public int getOrder() {
        // Beside Flyway's and Liquibase's initializers, which take 1: an application that
        // has both runs Retort's after theirs.
        return 2;
    }
}
