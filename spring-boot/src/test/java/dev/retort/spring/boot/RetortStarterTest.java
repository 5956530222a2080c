package dev.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.spring.boot.plain.PlainApplication;
import dev.retort.spring.boot.sample.Customer;
import dev.retort.spring.boot.sample.CustomerCount;
import dev.retort.spring.boot.sample.CustomerRepository;
import dev.retort.spring.boot.sample.SampleApplication;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real Boot application (JPA entities, a Spring Data repository, revisions compiled by
 * the processor) started on H2 and on PostgreSQL, as a user starts one.
 */
class RetortStarterTest {

    private static final String SAMPLE = "dev.retort.spring.boot.sample";
    private static final List<String> SAMPLE_REVISIONS = List.of("5a1c0e7d2b90", "6b2d1f8e3ca1", "7c3e2a9f4db2");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theApplicationStartsOnTheSchemaRetortCreated(String kind) {
        try (TestDatabase database = TestDatabases.open(kind)) {
            Apps app = Apps.of(SampleApplication.class).on(database).with("retort.package", SAMPLE);
            try (ConfigurableApplicationContext context = app.start()) {
                // Hibernate validated the schema (ddl-auto=validate) and the repository reads the seeded row.
                CustomerRepository customers = context.getBean(CustomerRepository.class);
                assertThat(customers.findByName("Ada Lovelace")).map(Customer::getEmail).hasValue("ada@example.com");
                customers.save(new Customer("Grace Hopper", "grace@example.com"));
                assertThat(customers.count()).isEqualTo(2);
                // Created before the migration unless the starter orders it after.
                assertThat(context.getBean(CustomerCount.class).atStartUp()).isEqualTo(1);
                assertThat(context.getBean(JdbcClient.class).sql("SELECT name FROM customer ORDER BY id")
                        .query(String.class).list()).containsExactly("Ada Lovelace", "Grace Hopper");
                assertThat(context.getBean(JdbcTemplate.class)
                        .queryForList("SELECT version_num FROM retort_version", String.class))
                        .containsExactly("7c3e2a9f4db2");
                MigrationResult result = context.getBean(RetortMigrationInitializer.class).result().orElseThrow();
                assertThat(result.steps()).extracting(AppliedStep::revision).containsExactlyElementsOf(SAMPLE_REVISIONS);
            }
            // The second start finds the database at head, applies nothing and says so in one Logback line.
            String[] output = new String[1];
            try (ConfigurableApplicationContext context = captureOutput(output, app::start)) {
                assertThat(context.getBean(RetortMigrationInitializer.class).result().orElseThrow().steps()).isEmpty();
                assertThat(context.getBean(CustomerRepository.class).count()).isEqualTo(2);
            }
            assertThat(output[0].lines().filter(line -> line.contains("nothing to apply")))
                    .singleElement().asString()
                    .containsPattern(" INFO .*dev\\.retort\\.runtime\\.Migrator +: At head \\(7c3e2a9f4db2\\); nothing to apply$");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailingMigrationStopsStartUpWithRetortsMessage(String kind) {
        try (TestDatabase database = TestDatabases.open(kind)) {
            Apps app = Apps.of(PlainApplication.class).on(database).with("retort.package", "dev.retort.spring.boot.failing");
            String[] output = new String[1];
            Throwable failure = captureOutput(output, () -> catchStart(app));
            MigrationException cause = rootCause(failure, MigrationException.class);
            assertThat(cause.code()).isEqualTo("MIGRATION_FAILED");
            assertThat(cause.revision()).isEqualTo("b21d5f3a0c42");
            assertThat(cause.getMessage()).contains("b21d5f3a0c42").containsIgnoringCase("no_such_table");
            // Boot's failure report leads with Retort's message, not a bean creation stack.
            assertThat(output[0]).contains("APPLICATION FAILED TO START")
                    .contains("Retort could not migrate the database: Upgrade of revision b21d5f3a0c42 "
                            + "(dev.retort.spring.boot.failing.CopyFromMissingTable) failed");
            // The revision before it committed; the failing one left nothing behind.
            assertThat(Migrator.builder(registry("dev.retort.spring.boot.failing")).dataSource(asBootConnects(database))
                    .build().current()).containsExactly("a10c4e2f9b31");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void checkOnStartAcceptsADatabaseThatMatchesTheEntities(String kind) {
        try (TestDatabase database = TestDatabases.open(kind);
             ConfigurableApplicationContext context = Apps.of(SampleApplication.class).on(database)
                     .with("retort.package", SAMPLE).with("retort.check-on-start", "true").start()) {
            assertThat(context.getBean(CustomerRepository.class).count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void checkOnStartRefusesADatabaseThatDiffersFromTheEntities(String kind) {
        try (TestDatabase database = TestDatabases.open(kind)) {
            // Stopping before the email column leaves the database behind the Customer entity.
            Apps app = Apps.of(SampleApplication.class).on(database).with("retort.package", SAMPLE)
                    .with("retort.target", "5a1c0e7d2b90").with("retort.check-on-start", "true");
            Throwable failure = catchStart(app);
            assertThat(messages(failure))
                    .contains("retort.check-on-start: the database")
                    .contains("differs from the model " + SAMPLE + ".GeneratedSchema.METADATA (1 difference)")
                    .contains("op.addColumn(\"customer\"")
                    .contains("\"email\"");
        }
    }

    @Test
    void checkOnStartComparesWhatTheApplicationsCompareOptionsAsk() {
        try (TestDatabase database = TestDatabases.h2()) {
            Apps app = Apps.of(SampleApplication.class).on(database).with("retort.package", SAMPLE)
                    .with("retort.check-on-start", "true");
            try (ConfigurableApplicationContext context = app.start()) {
                context.getBean(JdbcTemplate.class)
                        .execute("ALTER TABLE customer ADD CONSTRAINT ck_customer_name CHECK (name <> '')");
            }
            // Checks are not compared by default, as retort check does not compare them.
            try (ConfigurableApplicationContext context = app.start()) {
                assertThat(context.getBean(CustomerRepository.class).count()).isEqualTo(1);
            }
            Throwable failure = catchStart(Apps.of(SampleApplication.class, CompareChecks.class).on(database)
                    .with("retort.package", SAMPLE).with("retort.check-on-start", "true"));
            assertThat(messages(failure))
                    .contains("differs from the model " + SAMPLE + ".GeneratedSchema.METADATA (1 difference)")
                    .contains("ck_customer_name");
        }
    }

    /** An application that asks for CHECK constraints to be compared. */
    @Configuration(proxyBeanMethods = false)
    static class CompareChecks {

        @Bean
        CompareOptions compareOptions() {
            return CompareOptions.defaults().compareCheckConstraints(true);
        }
    }

    @Test
    void anUnknownTargetStopsStartUpNamingIt() {
        try (TestDatabase database = TestDatabases.h2()) {
            String[] output = new String[1];
            Throwable failure = captureOutput(output, () -> catchStart(Apps.of(PlainApplication.class).on(database)
                    .with("retort.package", "dev.retort.spring.boot.race").with("retort.target", "f00dcafe")));
            assertThat(rootCause(failure, dev.retort.graph.RevisionException.class).getMessage()).contains("f00dcafe");
            assertThat(output[0]).contains("Retort cannot plan the start-up upgrade: ")
                    .contains("Set retort.target to heads (the default)");
        }
    }

    @Test
    void severalRegistriesNeedRetortPackage() {
        try (TestDatabase database = TestDatabases.h2()) {
            Throwable failure = catchStart(Apps.of(PlainApplication.class).on(database));
            assertThat(messages(failure)).contains("Several Retort registries on the class path: found "
                    + "dev.retort.spring.boot.failing, dev.retort.spring.boot.race, dev.retort.spring.boot.sample. "
                    + "Set retort.package to the one this application migrates.");
        }
    }

    @Test
    void aStrategyBeanReplacesTheUpgrade() {
        try (TestDatabase database = TestDatabases.h2();
             ConfigurableApplicationContext context = Apps.of(SampleApplication.class, FirstRevisionOnly.class)
                     .on(database).with("retort.package", SAMPLE).with("spring.jpa.hibernate.ddl-auto", "none")
                     .start()) {
            assertThat(context.getBean(Migrator.class).current()).containsExactly("5a1c0e7d2b90");
            assertThat(context.getBean(RetortMigrationInitializer.class).result()).isEmpty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FirstRevisionOnly {
        @Bean
        RetortMigrationStrategy firstRevisionOnly() {
            return migrator -> migrator.upgrade("5a1c0e7d2b90");
        }
    }

    @Test
    void retortUrlMigratesAnotherConnectionAndNeverPrintsItsPassword() {
        try (TestDatabase application = TestDatabases.h2()) {
            String url = "jdbc:h2:mem:retort_url_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
            String[] output = new String[1];
            try (ConfigurableApplicationContext context = captureOutput(output, () -> Apps.of(PlainApplication.class)
                    .on(application).with("retort.package", "dev.retort.spring.boot.race")
                    .with("retort.url", url).with("retort.user", "owner").with("retort.password", "s3cr3t-pw")
                    .start())) {
                Migrator migrator = context.getBean(Migrator.class);
                assertThat(migrator.current()).containsExactly("e3a2c9d5f742");
                // The application's own database was not touched.
                assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", Integer.class))
                        .isZero();
            }
            assertThat(output[0]).contains("Retort migrates " + url + " as owner with the 3 revisions of "
                    + "dev.retort.spring.boot.race (target heads, version table retort_version)");
            assertThat(output[0]).contains("Running upgrade  -> c1e0a7b3d520, Create the table each later revision");
            assertThat(output[0]).doesNotContain("s3cr3t-pw");
        }
    }

    @Test
    void aRetortDataSourceBeanIsTheOneMigrated() {
        try (TestDatabase application = TestDatabases.h2(); TestDatabase migrations = TestDatabases.h2()) {
            try (ConfigurableApplicationContext context = Apps.of(PlainApplication.class, TwoDataSources.class)
                    .with("retort.package", "dev.retort.spring.boot.race")
                    .with("test.application-url", application.url()).with("test.migration-url", migrations.url())
                    .start()) {
                assertThat(context.getBean(RetortMigrationInitializer.class).result().orElseThrow().steps()).hasSize(3);
            }
            assertThat(Migrator.builder(registry("dev.retort.spring.boot.race")).dataSource(migrations.dataSource())
                    .build().current()).containsExactly("e3a2c9d5f742");
            assertThat(Migrator.builder(registry("dev.retort.spring.boot.race")).dataSource(application.dataSource())
                    .build().current()).isEmpty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        @org.springframework.context.annotation.Primary
        DataSource dataSource(org.springframework.core.env.Environment environment) {
            return new DriverManagerDataSource(environment.getRequiredProperty("test.application-url"));
        }

        @Bean
        @RetortDataSource
        DataSource migrationDataSource(org.springframework.core.env.Environment environment) {
            return new DriverManagerDataSource(environment.getRequiredProperty("test.migration-url"));
        }
    }

    @Test
    void hibernateLeavesAnEmbeddedSchemaThatRetortManagesAlone() {
        // Without Retort's SchemaManagementProvider, Boot defaults ddl-auto to create-drop on
        // H2: Hibernate would drop the migrated table and lose the seeded row.
        try (TestDatabase database = TestDatabases.h2();
             ConfigurableApplicationContext context = Apps.of(SampleApplication.class).on(database)
                     .with("retort.package", SAMPLE).without("spring.jpa.hibernate.ddl-auto").start()) {
            assertThat(context.getBean(CustomerRepository.class).findByName("Ada Lovelace")).isPresent();
        }
    }

    @Test
    void retortUserAloneReachesTheApplicationsDatabaseAsThatUser() throws Exception {
        try (TestDatabase database = TestDatabases.h2()) {
            try (java.sql.Connection sa = java.sql.DriverManager.getConnection(database.url(), "sa", "");
                 java.sql.Statement statement = sa.createStatement()) {
                statement.execute("CREATE USER schema_owner PASSWORD 'owner-pw-91' ADMIN");
            }
            String[] output = new String[1];
            try (ConfigurableApplicationContext context = captureOutput(output, () -> Apps.of(PlainApplication.class)
                    .on(database).with("spring.datasource.username", "sa")
                    .with("retort.package", "dev.retort.spring.boot.race")
                    .with("retort.user", "schema_owner").with("retort.password", "owner-pw-91").start())) {
                assertThat(context.getBean(Migrator.class).current()).containsExactly("e3a2c9d5f742");
            }
            assertThat(output[0]).contains("Retort migrates " + database.url().substring(0, database.url().indexOf(';')))
                    .contains(" as schema_owner with the 3 revisions")
                    .doesNotContain("owner-pw-91");
        }
    }

    @Test
    void retortEnabledFalseLeavesTheDatabaseAlone() {
        try (TestDatabase database = TestDatabases.h2();
             ConfigurableApplicationContext context = Apps.of(PlainApplication.class).on(database)
                     .with("retort.enabled", "false").start()) {
            assertThat(context.getBeansOfType(Migrator.class)).isEmpty();
            assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", Integer.class))
                    .isZero();
        }
    }

    static Throwable catchStart(Apps app) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> app.start().close()).satisfies(t -> failure[0] = t);
        return failure[0];
    }

    static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }

    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** Boot opens an embedded H2 database as user "sa", which then owns it. */
    static DataSource asBootConnects(TestDatabase database) {
        return database.kind().equals("h2") ? new DriverManagerDataSource(database.url(), "sa", "") : database.dataSource();
    }

    static dev.retort.runtime.MigrationRegistry registry(String packageName) {
        return dev.retort.runtime.MigrationRegistry.load(RetortStarterTest.class.getClassLoader()).stream()
                .filter(r -> r.packageName().equals(packageName)).findFirst().orElseThrow();
    }

    static <T> T captureOutput(String[] output, Supplier<T> action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.setOut(original);
            output[0] = bytes.toString(StandardCharsets.UTF_8);
            original.print(output[0]);
        }
    }
}
