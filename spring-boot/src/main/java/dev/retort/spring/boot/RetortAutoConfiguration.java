package dev.retort.spring.boot;

import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.spring.boot.internal.DataSources;
import dev.retort.spring.boot.internal.Registries;
import dev.retort.spring.boot.internal.RetortSchemaManagementProvider;
import dev.retort.spring.boot.internal.StartupSchemaCheck;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Runs Retort's migrations on the application's {@code DataSource} at start-up, before
 * anything that uses the database: the JPA {@code EntityManagerFactory}, {@code
 * JdbcTemplate}, {@code JdbcClient} and every {@code @DependsOnDatabaseInitialization} bean.
 * Configured by {@link RetortProperties}; replace the upgrade with a {@link
 * RetortMigrationStrategy} bean, the DataSource with a {@link RetortDataSource} one, or the
 * whole {@link Migrator} with a bean of your own.
 *
 * <p>Registered for both Spring Boot 4 and 3.5: the classes it orders itself against are
 * named in both lines' packages.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"},
        beforeName = {
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration"})
@ConditionalOnClass(Migrator.class)
@Conditional(RetortAutoConfiguration.DataSourceCondition.class)
@ConditionalOnProperty(prefix = "retort", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class RetortAutoConfiguration {

    private static final System.Logger LOGGER = System.getLogger(RetortAutoConfiguration.class.getName());

    /**
     * The migrator of the registry on the class path ({@code retort.package} chooses among
     * several), on the {@link RetortDataSource} bean, else {@code retort.url}, else the
     * application's DataSource.
     */
    @Bean
    @ConditionalOnMissingBean
    Migrator retortMigrator(RetortProperties properties, ResourceLoader resourceLoader,
                            ObjectProvider<DataSource> dataSource,
                            @RetortDataSource ObjectProvider<DataSource> retortDataSource) {
        MigrationRegistry registry = Registries.choose(MigrationRegistry.load(resourceLoader.getClassLoader()),
                properties.getPackage());
        DataSources.Chosen chosen = DataSources.choose(retortDataSource.getIfAvailable(), dataSource.getIfUnique(),
                properties.getUrl(), properties.getUser(), properties.getPassword());
        Migrator.Builder builder = Migrator.builder(registry)
                .dataSource(chosen.dataSource())
                .versionTable(properties.getVersionTable())
                .lockTimeout(properties.getLockTimeout());
        if (properties.getVersionTableSchema() != null && !properties.getVersionTableSchema().isBlank()) {
            builder.versionTableSchema(properties.getVersionTableSchema());
        }
        LOGGER.log(Level.INFO, () -> "Retort migrates " + chosen.description() + " with the "
                + registry.revisions().size() + " revisions of " + registry.packageName()
                + " (target " + properties.getTarget() + ", version table " + properties.getVersionTable() + ")");
        return builder.build();
    }

    /** Runs the migrations; Spring Boot starts every database user after it. */
    @Bean
    @ConditionalOnMissingBean
    RetortMigrationInitializer retortMigrationInitializer(Migrator migrator, RetortProperties properties,
                                                          ObjectProvider<RetortMigrationStrategy> strategy) {
        return new RetortMigrationInitializer(migrator, properties.getTarget(), strategy.getIfAvailable());
    }

    /** Tells Hibernate that Retort manages the schema, so an embedded database is not created by ddl-auto. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.jdbc.SchemaManagementProvider")
    static class SchemaManagementConfiguration {

        @Bean
        RetortSchemaManagementProvider retortSchemaManagementProvider(ObjectProvider<DataSource> dataSource,
                @RetortDataSource ObjectProvider<DataSource> retortDataSource, RetortProperties properties) {
            // The application's DataSource is managed when the migrations run on it, or on
            // another connection to the same database (retort.user alone).
            boolean managed = retortDataSource.getIfAvailable() == null && properties.getUrl() == null;
            return new RetortSchemaManagementProvider(managed ? dataSource.getIfUnique() : null);
        }
    }

    /** {@code retort.check-on-start}: compares the migrated database with the model, with retort's autogenerate. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "retort", name = "check-on-start", havingValue = "true")
    @ConditionalOnClass(name = StartupSchemaCheck.COMPARISON_CLASS)
    static class CheckOnStartConfiguration {

        @Bean
        StartupSchemaCheck retortStartupSchemaCheck(RetortMigrationInitializer initializer, Migrator migrator,
                RetortProperties properties, ResourceLoader resourceLoader, ObjectProvider<DataSource> dataSource,
                @RetortDataSource ObjectProvider<DataSource> retortDataSource,
                ObjectProvider<dev.retort.runtime.schema.Metadata> model,
                ObjectProvider<dev.retort.autogenerate.CompareOptions> compareOptions) {
            DataSources.Chosen chosen = DataSources.choose(retortDataSource.getIfAvailable(),
                    dataSource.getIfUnique(), properties.getUrl(), properties.getUser(), properties.getPassword());
            return new StartupSchemaCheck(initializer, chosen, migrator.registry().packageName(),
                    properties.getVersionTable(), properties.getVersionTableSchema(), properties.getMetadata(),
                    model.getIfUnique(), compareOptions.getIfUnique(), resourceLoader.getClassLoader());
        }
    }

    /** {@code retort.check-on-start} without the comparison on the class path: say what to add. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "retort", name = "check-on-start", havingValue = "true")
    @ConditionalOnMissingClass(StartupSchemaCheck.COMPARISON_CLASS)
    static class CheckOnStartUnavailableConfiguration {

        CheckOnStartUnavailableConfiguration() {
            throw new IllegalStateException("retort.check-on-start=true needs Retort's autogenerate ("
                    + StartupSchemaCheck.COMPARISON_CLASS + ") on the class path: add the dependency "
                    + "dev.retort:retort-autogenerate, or set retort.check-on-start=false.");
        }
    }

    /** A DataSource bean, or {@code retort.url} for a connection of Retort's own. */
    static final class DataSourceCondition extends AnyNestedCondition {

        DataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "retort", name = "url")
        static final class RetortUrl {
        }
    }
}
