package dev.retort.tests.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import dev.retort.annotations.Revision;
import dev.retort.autogenerate.Comparison;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.Migrator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped modules as a modular application sees them: their descriptors export the
 * documented packages and nothing else. A consumer module is compiled with javac on the
 * module path (the processor on the processor path, as a user's build puts it), then run with
 * {@code java --module-path}: it migrates an H2 database through its generated registry,
 * found as a service, and compares it with its model through autogenerate.
 */
class ModulePathConsumerTest {

    @TempDir
    Path dir;

    @Test
    void eachModuleExportsItsPublicPackagesOnly() {
        assertThat(exports(Revision.class)).containsExactly("dev.retort.annotations");
        assertThat(exports(Migrator.class)).containsExactlyInAnyOrder("dev.retort.graph", "dev.retort.runtime",
                "dev.retort.runtime.dialect", "dev.retort.runtime.operation", "dev.retort.runtime.schema");
        assertThat(exports(Comparison.class)).containsExactly("dev.retort.autogenerate");
        assertThat(exports(RevisionProcessor.class)).containsExactly("dev.retort.processor");
        assertThat(descriptor(RevisionProcessor.class).provides()).singleElement()
                .satisfies(p -> assertThat(p.providers()).containsExactlyInAnyOrder(
                        "dev.retort.processor.RevisionProcessor", "dev.retort.processor.EntitySchemaProcessor"));
    }

    @Test
    void aConsumerModuleMigratesAndComparesThroughTheDocumentedApi() throws Exception {
        Path src = dir.resolve("src");
        write(src, "module-info.java", """
                module com.example.consumer {
                    requires dev.retort.autogenerate;
                    requires static dev.retort.annotations;
                    requires com.h2database;
                    requires java.naming;
                    provides dev.retort.runtime.MigrationRegistry
                            with com.example.consumer.migrations.GeneratedMigrations.Provider;
                }
                """);
        write(src, "com/example/consumer/migrations/CreateNote.java", """
                package com.example.consumer.migrations;

                import dev.retort.annotations.Revision;
                import dev.retort.runtime.Migration;
                import dev.retort.runtime.Operations;
                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Type;

                /** Create the note table. */
                @Revision(id = "a1b2c3d4e5f6")
                public final class CreateNote implements Migration {

                    @Override
                    public void upgrade(Operations op) {
                        op.createTable("note", Column.of("id", Type.BIGINT).primaryKey(), Column.of("body", Type.TEXT));
                    }

                    @Override
                    public void downgrade(Operations op) {
                        op.dropTable("note");
                    }
                }
                """);
        write(src, "com/example/consumer/Main.java", """
                package com.example.consumer;

                import dev.retort.autogenerate.CompareOptions;
                import dev.retort.autogenerate.Comparison;
                import dev.retort.autogenerate.Introspection;
                import dev.retort.runtime.MigrationRegistry;
                import dev.retort.runtime.Migrator;
                import dev.retort.runtime.dialect.Dialect;
                import dev.retort.runtime.dialect.Dialects;
                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Metadata;
                import dev.retort.runtime.schema.Type;
                import java.sql.Connection;
                import org.h2.jdbcx.JdbcDataSource;

                public final class Main {
                    public static void main(String[] args) throws Exception {
                        JdbcDataSource dataSource = new JdbcDataSource();
                        dataSource.setURL("jdbc:h2:mem:consumer;DB_CLOSE_DELAY=-1");
                        MigrationRegistry registry = MigrationRegistry.load(Main.class.getClassLoader()).get(0);
                        Migrator migrator = Migrator.builder(registry).dataSource(dataSource).build();
                        System.out.println("applied " + migrator.upgrade("head").steps().size());
                        System.out.println("current " + migrator.current());
                        Metadata model = Metadata.builder()
                                .table("note", t -> t.column(Column.of("id", Type.BIGINT).primaryKey())
                                        .column(Column.of("body", Type.TEXT))
                                        .column(Column.of("title", Type.varchar(80))))
                                .build();
                        try (Connection connection = dataSource.getConnection()) {
                            Dialect dialect = Dialects.detect(connection);
                            Metadata database = Introspection.read(connection, dialect);
                            Comparison comparison = Comparison.compare(model, database,
                                    CompareOptions.defaults().forDialect(dialect));
                            System.out.println("changes " + comparison.operations());
                        }
                    }
                }
                """);
        String modulePath = modulePath(Migrator.class, Revision.class, Comparison.class, Driver.class);
        Path classes = dir.resolve("classes");
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", modulePath,
                "-processorpath", path(RevisionProcessor.class, ClassName.class, Migrator.class, Revision.class),
                "-Xlint:-options"));
        javac.addAll(sources(src));
        assertThat(compile(javac)).as("javac output").isEmpty();

        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath + File.pathSeparator + classes,
                "-m", "com.example.consumer/com.example.consumer.Main").redirectErrorStream(true);
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("applied 1", "current [a1b2c3d4e5f6]")
                .containsPattern("changes \\[AddColumn\\[.*table=note, column=title VARCHAR\\(80\\)\\]\\]");
    }

    @Test
    void theInternalPackagesDoNotCompileOnTheModulePath() throws Exception {
        Path src = dir.resolve("internal");
        write(src, "module-info.java", "module com.example.sneaky { requires dev.retort.autogenerate; }\n");
        write(src, "com/example/sneaky/Sneaky.java", """
                package com.example.sneaky;

                public final class Sneaky {
                    Object table = dev.retort.runtime.internal.VersionTable.class;
                    Object reader = dev.retort.autogenerate.internal.introspect.CatalogReader.class;
                }
                """);
        List<String> javac = new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "--module-path",
                modulePath(Migrator.class, Comparison.class), "-proc:none"));
        javac.addAll(sources(src));

        String errors = compile(javac);

        assertThat(errors).contains("package dev.retort.runtime.internal is not visible")
                .contains("package dev.retort.autogenerate.internal.introspect is not visible");
    }

    private static Set<String> exports(Class<?> type) {
        return descriptor(type).exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }

    /** The descriptor of the module built from {@code type}'s jar or classes directory, read as the module system reads it. */
    private static ModuleDescriptor descriptor(Class<?> type) {
        return ModuleFinder.of(location(type)).findAll().stream().map(ModuleReference::descriptor).findFirst()
                .orElseThrow(() -> new AssertionError("no module descriptor at " + location(type)));
    }

    private static String compile(List<String> arguments) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compiler.run(null, out, out, arguments.toArray(String[]::new));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String modulePath(Class<?>... types) {
        return path(types);
    }

    private static String path(Class<?>... types) {
        return Stream.of(types).map(t -> location(t).toString()).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
    }
}
