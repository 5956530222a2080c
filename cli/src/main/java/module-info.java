/**
 * The {@code retort} command and the same commands as a Java API ({@code Commands},
 * {@code Config}). The runnable jar ({@code retort-cli-…-all.jar}) is a class-path jar; this
 * descriptor serves those who call the Java API from the module path.
 */
module dev.retort.cli {
    requires dev.retort.autogenerate;
    requires info.picocli;
    requires com.github.javaparser.core;
    requires java.compiler;
    requires java.logging;

    exports dev.retort.cli;

    // picocli reads the command's annotated fields and methods by reflection.
    opens dev.retort.cli to info.picocli;

    // JDBC drivers come from the project's class path, found as services.
    uses java.sql.Driver;
}
