/**
 * Retort's test kit: the built-in checks of a project's migrations as JUnit 5 tests
 * ({@code @RetortMigrationTest}, {@code RetortChecks}) or plain Java ({@code
 * MigrationChecks}), and {@code MigrationTester} for data migrations. Test scope.
 *
 * <p>A test module on the module path reads it, opens its test classes to JUnit (as JUnit
 * asks of every test module) and its migrations package to this module, which reads the
 * generated registry's {@code REGISTRY} field (and the model's field) by reflection:
 *
 * <pre>{@code
 * open module com.example.app.test {
 *     requires dev.retort.test;
 *     requires static dev.retort.annotations;
 * }
 * }</pre>
 *
 * <p>The {@code internal} package is not exported.
 */
module dev.retort.test {
    requires transitive dev.retort.autogenerate;
    requires transitive org.junit.jupiter.api;

    exports dev.retort.test;

    // @RetortMigrationTest names its extension, a package-private class that JUnit creates
    // by reflection from its own module.
    opens dev.retort.test to org.junit.platform.commons;
}
