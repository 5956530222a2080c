/**
 * The migrator an application runs: the revision graph, operations as values, the schema
 * model and the SQL dialects. Depends on the JDK alone.
 *
 * <p>An application on the module path declares its generated registry as a service, and
 * reads this module:
 *
 * <pre>{@code
 * module com.example.app {
 *     requires dev.retort.runtime;
 *     requires static dev.retort.annotations;
 *     provides dev.retort.runtime.MigrationRegistry with com.example.migrations.GeneratedMigrations.Provider;
 * }
 * }</pre>
 *
 * <p>The {@code internal} packages are not exported.
 */
module dev.retort.runtime {
    requires transitive java.sql;

    exports dev.retort.graph;
    exports dev.retort.runtime;
    exports dev.retort.runtime.dialect;
    exports dev.retort.runtime.operation;
    exports dev.retort.runtime.schema;

    uses dev.retort.runtime.MigrationRegistry;
}
