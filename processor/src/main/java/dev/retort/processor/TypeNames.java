package dev.retort.processor;

import com.palantir.javapoet.ClassName;

/** Every type the generated code names, in one place. Only public runtime API appears here. */
final class TypeNames {

    static final ClassName MIGRATION_REGISTRY = ClassName.get("dev.retort.runtime", "MigrationRegistry");
    static final ClassName REVISION_DEFINITION = ClassName.get("dev.retort.runtime", "RevisionDefinition");
    static final ClassName MIGRATOR = ClassName.get("dev.retort.runtime", "Migrator");
    static final ClassName MIGRATION_RESULT = ClassName.get("dev.retort.runtime", "MigrationResult");
    static final ClassName REVISION_NODE = ClassName.get("dev.retort.graph", "RevisionNode");
    static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    static final ClassName STRING = ClassName.get("java.lang", "String");
    static final ClassName OVERRIDE = ClassName.get("java.lang", "Override");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName MIGRATION_TYPE = ClassName.get("dev.retort.runtime", "Migration");
    static final ClassName SUPPLIER = ClassName.get("java.util.function", "Supplier");
    static final ClassName SET = ClassName.get("java.util", "Set");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName ILLEGAL_ARGUMENT = ClassName.get("java.lang", "IllegalArgumentException");
    static final ClassName URL_DECODER = ClassName.get("java.net", "URLDecoder");
    static final ClassName STANDARD_CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");

    /** The interface every revision class implements; looked up by name to check revisions. */
    static final String MIGRATION = "dev.retort.runtime.Migration";

    /** The simple name of the class generated in each package. */
    static final String GENERATED_MIGRATIONS = "GeneratedMigrations";

    /** The nested class that {@code META-INF/services} lists. */
    static final String PROVIDER = "Provider";

    /** The nested class that creates a revision by its index in the registry. */
    static final String FACTORY = "Factory";

    /** The nested class whose initialisation reads the revision definitions, on first use. */
    static final String DEFINITIONS = "Definitions";

    private TypeNames() {}
}
