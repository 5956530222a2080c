package dev.retort.test;

import dev.retort.autogenerate.snapshot.SchemaSnapshots;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class check a project's migrations. With {@link RetortChecks} it runs every
 * built-in check as a JUnit test of its own:
 *
 * <pre>{@code
 * @RetortMigrationTest(registry = GeneratedMigrations.class)
 * class MigrationsTest implements RetortChecks {}
 * }</pre>
 *
 * <p>Its test methods may also take a {@link MigrationTester} parameter, a fresh database of
 * the first of {@link #databases()} to test a data migration on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RetortExtension.class)
public @interface RetortMigrationTest {

    /** The generated registry class, {@code GeneratedMigrations}: its static {@code REGISTRY} field is read. */
    Class<?> registry();

    /**
     * The class holding the model that {@code modelMatchesDatabase} compares with: {@code
     * GeneratedSchema} (from JPA entities) or a class of your own with a static {@code
     * Metadata} field. By default {@code GeneratedSchema} in the registry's package, and the
     * check is skipped with a message when there is none.
     */
    Class<?> model() default void.class;

    /** The static {@code Metadata} field of {@link #model()}. */
    String modelField() default "METADATA";

    /**
     * Where the checks run, each check on a fresh database of each: H2 in memory by default.
     * Add {@link PostgresTestDatabase} (or a {@link TestDatabase} of your own) to run them there
     * too; each database is a separate test under each check.
     */
    Class<? extends TestDatabase>[] databases() default H2TestDatabase.class;

    /** Checks to skip (reported as skipped, with this annotation named as the reason). */
    Check[] skip() default {};

    /** Runs {@code offlineMatchesOnline}: the {@code --sql} script gives the online schema. Off by default. */
    boolean offlineMatchesOnline() default false;

    /**
     * The folder of committed schema snapshots ({@link SchemaSnapshots}), relative to the
     * working directory (the module's folder under Maven), e.g. {@value
     * SchemaSnapshots#DEFAULT_DIRECTORY}. Empty (the default) skips {@code snapshotsMatch}.
     * {@code -Dretort.snapshots.write=true} writes the snapshots of new revisions there.
     */
    String snapshots() default "";

    /**
     * Schemas {@code modelMatchesDatabase} compares besides the database's own (names or
     * patterns, {@code *} matching any text), as {@code include_schemas} for {@code retort
     * check}: the model's tables in those schemas are left out without it. Default none.
     */
    String[] includeSchemas() default {};

    /**
     * Whether {@code modelMatchesDatabase} compares CHECK constraints, by name, as {@code
     * compare_check_constraints} for {@code retort check}. Off by default: a model read from
     * JPA entities lacks the checks Hibernate writes for enum columns.
     */
    boolean compareCheckConstraints() default false;

    /** The version table, when the application's migrator names another than {@code retort_version}. */
    String versionTable() default "retort_version";
}
