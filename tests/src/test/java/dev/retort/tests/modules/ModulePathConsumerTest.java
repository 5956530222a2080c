package dev.retort.tests.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import dev.retort.annotations.Revision;
import dev.retort.autogenerate.Comparison;
import dev.retort.cli.Commands;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.Migrator;
import dev.retort.test.RetortMigrationTest;
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
import org.apiguardian.api.API;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import picocli.CommandLine;

/**
 * The shipped modules as a modular application sees them: their descriptors export the
 * documented packages and nothing else. A consumer module is compiled with javac on the
 * module path (the processor on the processor path, as a user's build puts it), then run with
 * {@code java --module-path}: it migrates an H2 database through its generated registry,
 * found as a service, and compares it with its model through autogenerate. A test module runs
 * the test kit's checks through the JUnit Platform, on the module path and on the class path.
 */
class ModulePathConsumerTest {

    @TempDir
    Path dir;

    @Test
    void eachModuleExportsItsPublicPackagesOnly() {
        assertThat(exports(Revision.class)).containsExactly("dev.retort.annotations");
        assertThat(exports(Migrator.class)).containsExactlyInAnyOrder("dev.retort.graph", "dev.retort.runtime",
                "dev.retort.runtime.dialect", "dev.retort.runtime.operation", "dev.retort.runtime.schema");
        assertThat(exports(Comparison.class)).containsExactlyInAnyOrder("dev.retort.autogenerate",
                "dev.retort.autogenerate.snapshot");
        assertThat(exports(Commands.class)).containsExactly("dev.retort.cli");
        assertThat(exports(RetortMigrationTest.class)).containsExactly("dev.retort.test");
        assertThat(descriptor(RetortMigrationTest.class).opens()).singleElement().satisfies(o -> {
            assertThat(o.source()).isEqualTo("dev.retort.test");
            assertThat(o.targets()).containsExactly("org.junit.platform.commons");
        });
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
                import dev.retort.autogenerate.snapshot.SchemaSnapshots;
                import dev.retort.runtime.MigrationRegistry;
                import dev.retort.runtime.Migrator;
                import dev.retort.runtime.dialect.Dialect;
                import dev.retort.runtime.dialect.Dialects;
                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Metadata;
                import dev.retort.runtime.schema.Type;
                import java.nio.file.Path;
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
                        JdbcDataSource scratch = new JdbcDataSource();
                        scratch.setURL("jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1");
                        String snapshot = SchemaSnapshots.of(registry, Path.of("schemas")).render(scratch)
                                .get("a1b2c3d4e5f6");
                        System.out.println("snapshot " + snapshot.lines().filter(l -> l.contains("note")).count());
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
                .containsPattern("changes \\[AddColumn\\[.*table=note, column=title VARCHAR\\(80\\)\\]\\]")
                .containsPattern("snapshot [1-9]");
    }

    @Test
    void theInternalPackagesDoNotCompileOnTheModulePath() throws Exception {
        Path src = dir.resolve("internal");
        write(src, "module-info.java",
                "module com.example.sneaky { requires dev.retort.cli; requires dev.retort.test; }\n");
        write(src, "com/example/sneaky/Sneaky.java", """
                package com.example.sneaky;

                public final class Sneaky {
                    Object table = dev.retort.runtime.internal.VersionTable.class;
                    Object reader = dev.retort.autogenerate.internal.introspect.CatalogReader.class;
                    Object json = dev.retort.autogenerate.internal.snapshot.SchemaJson.class;
                    Object detections = dev.retort.cli.internal.Detections.class;
                    Object runner = dev.retort.test.internal.ScriptRunner.class;
                    Object commands = dev.retort.cli.Commands.class;
                }
                """);
        List<String> javac = new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "--module-path",
                modulePath(Migrator.class, Comparison.class, Commands.class, CommandLine.class,
                        com.github.javaparser.JavaParser.class, RetortMigrationTest.class, Test.class,
                        AnnotationSupport.class, AssertionFailedError.class, API.class), "-proc:none"));
        javac.addAll(sources(src));

        String errors = compile(javac);

        assertThat(errors).contains("package dev.retort.runtime.internal is not visible")
                .contains("package dev.retort.autogenerate.internal.introspect is not visible")
                .contains("package dev.retort.autogenerate.internal.snapshot is not visible")
                .contains("package dev.retort.cli.internal is not visible")
                .contains("package dev.retort.test.internal is not visible")
                .doesNotContain("dev.retort.cli.Commands");
    }

    @Test
    void aTestModuleRunsTheKitsChecksOnTheModulePathAndOnTheClassPath() throws Exception {
        Path src = dir.resolve("kit");
        // Open, as JUnit asks of a test module: JUnit creates the test class, and the kit reads
        // the generated registry's REGISTRY field and the model's METADATA field.
        write(src, "module-info.java", """
                open module com.example.kit {
                    requires dev.retort.test;
                    requires static dev.retort.annotations;
                    requires org.junit.platform.launcher;
                }
                """);
        write(src, "com/example/kit/migrations/CreateNote.java", """
                package com.example.kit.migrations;

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
        write(src, "com/example/kit/NoteModel.java", """
                package com.example.kit;

                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Metadata;
                import dev.retort.runtime.schema.Type;

                public final class NoteModel {
                    public static final Metadata METADATA = Metadata.builder()
                            .table("note", t -> t.column(Column.of("id", Type.BIGINT).primaryKey())
                                    .column(Column.of("body", Type.TEXT)))
                            .build();
                }
                """);
        write(src, "com/example/kit/NoteMigrationsTest.java", """
                package com.example.kit;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import com.example.kit.migrations.GeneratedMigrations;
                import dev.retort.test.MigrationTester;
                import dev.retort.test.RetortChecks;
                import dev.retort.test.RetortMigrationTest;
                import java.util.Map;
                import org.junit.jupiter.api.Test;

                @RetortMigrationTest(registry = GeneratedMigrations.class, model = NoteModel.class)
                public class NoteMigrationsTest implements RetortChecks {

                    @Test
                    void keepsANote(MigrationTester tester) {
                        tester.upToHeads().insert("note", Map.of("id", 1, "body", "hello"));
                        assertEquals("hello", tester.value("SELECT body FROM note"));
                    }
                }
                """);
        write(src, "com/example/kit/Main.java", """
                package com.example.kit;

                import java.io.PrintWriter;
                import org.junit.platform.engine.discovery.DiscoverySelectors;
                import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
                import org.junit.platform.launcher.core.LauncherFactory;
                import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
                import org.junit.platform.launcher.listeners.TestExecutionSummary;

                public final class Main {
                    public static void main(String[] args) {
                        SummaryGeneratingListener listener = new SummaryGeneratingListener();
                        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(NoteMigrationsTest.class)).build(), listener);
                        TestExecutionSummary summary = listener.getSummary();
                        System.out.println("succeeded " + summary.getTestsSucceededCount() + ", failed "
                                + summary.getTestsFailedCount() + ", aborted " + summary.getTestsAbortedCount());
                        summary.printFailuresTo(new PrintWriter(System.out, true), 20);
                    }
                }
                """);
        String modulePath = modulePath(Migrator.class, Revision.class, Comparison.class, RetortMigrationTest.class,
                Driver.class, Test.class, AnnotationSupport.class, AssertionFailedError.class, API.class,
                LauncherFactory.class, TestEngine.class, JupiterTestEngine.class);
        Path classes = dir.resolve("kit-classes");
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", modulePath,
                "-processorpath", path(RevisionProcessor.class, ClassName.class, Migrator.class, Revision.class),
                "-Xlint:-options"));
        javac.addAll(sources(src));
        assertThat(compile(javac)).as("javac output").isEmpty();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The six tests that run (five checks on H2 and the tester); offline and snapshots are opt-in.
        String expected = "succeeded 6, failed 0, aborted 2";
        assertThat(run(java, "--module-path", modulePath + File.pathSeparator + classes,
                "-m", "com.example.kit/com.example.kit.Main")).as("on the module path").contains(expected);
        assertThat(run(java, "--class-path", modulePath + File.pathSeparator + classes, "com.example.kit.Main"))
                .as("on the class path").contains(expected);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
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
