package dev.retort.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.cli.Main;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A user's project folder driven through the real command line, in process: runs
 * {@code retort} with captured output, edits the generated revisions, and compiles them
 * with javac and the retort processor as {@code ./mvnw compile} would.
 */
public final class CliProject {

    public static final String PACKAGE = "com.acme.db";
    private static final Pattern GENERATED = Pattern.compile("Generating (\\S+/Rev_([0-9a-zA-Z_]+?)_\\w*\\.java) \\.\\.\\. done");

    public final Path dir;
    private final String packageName;

    public CliProject(Path dir) {
        this(dir, PACKAGE);
    }

    public CliProject(Path dir, String packageName) {
        this.dir = dir;
        this.packageName = packageName;
    }

    /** Runs {@code retort args…} with the project folder as working directory. */
    public CliRun retort(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Runs {@code retort args…} and asserts it succeeded. */
    public CliRun ok(String... args) {
        CliRun run = retort(args);
        assertThat(run.status()).as("retort %s\n%s", String.join(" ", args), run).isZero();
        assertThat(run.err()).as("retort %s", String.join(" ", args)).doesNotContain("FAILED");
        return run;
    }

    /** Runs {@code retort args…}, asserts it failed with one FAILED line, and returns that line. */
    public String failed(String... args) {
        CliRun run = retort(args);
        assertThat(run.status()).as("retort %s\n%s", String.join(" ", args), run).isEqualTo(1);
        List<String> failed = run.errLines().stream().filter(l -> l.startsWith("FAILED: ")).toList();
        assertThat(failed).as("retort %s\n%s", String.join(" ", args), run).hasSize(1);
        assertThat(run.err()).as("no stack trace without --verbose").doesNotContain("\tat ");
        return failed.get(0);
    }

    /** The id of the revision a {@code revision} or {@code merge} run wrote, from its "Generating" line. */
    public static String generatedId(CliRun run) {
        Matcher m = GENERATED.matcher(run.out());
        assertThat(m.find()).as("Generating line in %s", run).isTrue();
        return m.group(2);
    }

    public static Path generatedPath(CliRun run) {
        Matcher m = GENERATED.matcher(run.out());
        assertThat(m.find()).as("Generating line in %s", run).isTrue();
        return Path.of(m.group(1));
    }

    public Path packageFolder() {
        return dir.resolve("src/main/java").resolve(packageName.replace('.', '/'));
    }

    /** Rewrites one key of retort.properties. */
    public void setProperty(String key, String value) {
        Path file = dir.resolve("retort.properties");
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> edited = lines.stream().map(l -> l.startsWith(key + "=") ? key + "=" + value : l).toList();
            assertThat(edited).as("retort.properties has key %s", key).contains(key + "=" + value);
            Files.write(file, edited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the empty upgrade and downgrade bodies of a generated revision. */
    public static void fillIn(Path revision, String upgradeBody, String downgradeBody) {
        try {
            String text = Files.readString(revision);
            String filled = text
                    .replace("public void upgrade(Operations op) {\n    }",
                            "public void upgrade(Operations op) {\n        " + upgradeBody + "\n    }")
                    .replace("public void downgrade(Operations op) {\n    }",
                            "public void downgrade(Operations op) {\n        " + downgradeBody + "\n    }");
            assertThat(filled).as("template bodies found in %s", revision).isNotEqualTo(text);
            Files.writeString(revision, filled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the migrations package into target/classes with the retort processor, as {@code ./mvnw compile}. */
    public void compile() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = dir.resolve("target/classes");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
             Stream<Path> sources = Files.list(packageFolder())) {
            Files.createDirectories(classes);
            List<Path> javaFiles = sources.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                            "--release", "17"),
                    null, files.getJavaFileObjectsFromPaths(javaFiles));
            task.setProcessors(List.of(new RevisionProcessor()));
            boolean success = task.call();
            assertThat(success).as("javac with the retort processor: %s", diagnostics.getDiagnostics()).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(classes.resolve("META-INF/services/dev.retort.runtime.MigrationRegistry")).exists();
    }
}
