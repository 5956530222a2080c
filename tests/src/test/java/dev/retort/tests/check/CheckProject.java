package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.autogenerate.Introspection;
import dev.retort.cli.Main;
import dev.retort.processor.EntitySchemaProcessor;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.Metadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A user's project with a model class and revisions, driven through the real command line
 * in process, as {@code dev.retort.tests.cli.CliProject} does; it also compiles the model
 * package and reads the database's schema back.
 */
final class CheckProject {

    static final String PACKAGE = "com.acme.db";
    private static final Pattern GENERATED = Pattern.compile("Generating (\\S+\\.java) \\.\\.\\. done");

    final Path dir;
    final String url;
    final String user;

    private CheckProject(Path dir, String url, String user) {
        this.dir = dir;
        this.url = url;
        this.user = user;
    }

    /** {@code retort init} in {@code dir}, with the database and the model class configured. */
    static CheckProject init(Path dir, String url, String user) throws IOException {
        CheckProject project = new CheckProject(dir, url, user);
        CliRunResult init = project.retort("init", "--package", PACKAGE, ".");
        assertThat(init.status()).as("init\n%s", init).isZero();
        Path properties = dir.resolve("retort.properties");
        String text = Files.readString(properties)
                .replace("url=jdbc:h2:file:./db/dev", "url=" + url)
                .replace("user=sa", "user=" + user);
        Files.writeString(properties, text + "metadata=com.acme.model.Schema.METADATA\n");
        return project;
    }

    /** Runs {@code retort args…} with the project folder as working directory. */
    CliRunResult retort(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRunResult(status, out.toString(), err.toString());
    }

    /** Runs {@code retort args…} and asserts it succeeded. */
    CliRunResult ok(String... args) {
        CliRunResult run = retort(args);
        assertThat(run.status()).as("retort %s\n%s", String.join(" ", args), run).isZero();
        assertThat(run.err()).as("retort %s", String.join(" ", args)).doesNotContain("FAILED");
        return run;
    }

    /** Runs {@code retort args…}, asserts status 1 with one FAILED line, and returns the error output from it on. */
    String failed(String... args) {
        CliRunResult run = retort(args);
        assertThat(run.status()).as("retort %s\n%s", String.join(" ", args), run).isEqualTo(1);
        List<String> failed = run.err().lines().filter(l -> l.startsWith("FAILED: ")).toList();
        assertThat(failed).as("retort %s\n%s", String.join(" ", args), run).hasSize(1);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ");
        return run.err().substring(run.err().indexOf("FAILED: "));
    }

    /** The source file a {@code revision} run wrote. */
    static Path generatedPath(CliRunResult run) {
        Matcher m = GENERATED.matcher(run.out());
        assertThat(m.find()).as("Generating line in %s", run).isTrue();
        return Path.of(m.group(1));
    }

    /** Writes {@code com.acme.model.Schema} whose {@code METADATA} is the given builder chain (after {@code Metadata.builder()}). */
    void model(String tables) throws IOException {
        Path file = dir.resolve("src/main/java/com/acme/model/Schema.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package com.acme.model;

                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Metadata;
                import dev.retort.runtime.schema.Type;

                public final class Schema {
                    public static final Metadata METADATA = Metadata.builder()
                %s
                            .build();

                    private Schema() {
                    }
                }
                """.formatted(tables));
    }

    /** Points {@code metadata=} in retort.properties at another model, e.g. a package's {@code GeneratedSchema.METADATA}. */
    void metadata(String expression) throws IOException {
        Path properties = dir.resolve("retort.properties");
        String text = Files.readString(properties);
        assertThat(text).contains("metadata=com.acme.model.Schema.METADATA\n");
        Files.writeString(properties, text.replace("metadata=com.acme.model.Schema.METADATA\n", "metadata=" + expression + "\n"));
    }

    /** Writes a source file of the project at {@code src/main/java/<relative>}. */
    void source(String relative, String text) throws IOException {
        Path file = dir.resolve("src/main/java").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /**
     * Compiles every source of the project into target/classes with the retort processors
     * (revisions and JPA entities), as {@code ./mvnw compile} finds them on the processor path;
     * the compile classpath is the test's, which holds the runtime and jakarta.persistence-api.
     */
    void compile() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = dir.resolve("target/classes");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
             Stream<Path> sources = Files.walk(dir.resolve("src/main/java"))) {
            Files.createDirectories(classes);
            List<Path> javaFiles = sources.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                            "--release", "17", "-Xlint:all,-processing", "-Werror"),
                    null, files.getJavaFileObjectsFromPaths(javaFiles));
            task.setProcessors(List.of(new RevisionProcessor(), new EntitySchemaProcessor()));
            assertThat(task.call()).as("javac with the retort processor: %s", diagnostics.getDiagnostics()).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
            properties.setProperty("password", "");
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The configured database's schema, without the version table. */
    Metadata schema() throws SQLException {
        try (Connection connection = connect()) {
            return Introspection.read(connection, Dialects.detect(connection));
        }
    }

    /** Every table of the configured database's current schema, the version table included. */
    List<String> tables() throws SQLException {
        try (Connection connection = connect()) {
            return Introspection.read(connection, Dialects.detect(connection), null, "no_version_table_here")
                    .tables().stream().map(t -> t.name()).toList();
        }
    }

    /** What one in-process {@code retort} run printed and returned. */
    record CliRunResult(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
