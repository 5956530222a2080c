package dev.retort.tests.newcomer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md, cli/README.md and docs/*.md compiles as printed,
 * imports included (the rule is in DEVELOPERS.md, "Code samples in the docs"):
 * <ul>
 *   <li>A block that declares a class is compiled as a source file. A {@code @Revision}
 *       is compiled with the retort processor in the example project, in place of the
 *       example's class of the same name, so its down revisions exist and the registry is
 *       written; any error, such as {@code [RevisionUnknownDown]}, fails the test.</li>
 *   <li>A block of statements is preceded by {@code <!-- sample: statements; given TYPE NAME, … -->}:
 *       its leading {@code import} lines become the file's imports, the rest the body of a
 *       method whose parameters are the given variables.</li>
 *   <li>{@code <!-- sample: skip, REASON -->} leaves a block out, saying where it is compiled instead.</li>
 * </ul>
 */
class DocSamplesTest {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*sample:\\s*(.*?)\\s*-->");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*"
            + "(?:class|record|interface|enum)\\s+(\\w+)");
    private static final String EXAMPLE_MIGRATIONS = "example/src/main/java/com/example/accounts/migrations";
    private static final String EXAMPLE_TESTS = "example/src/test/java";

    @TempDir
    Path dir;

    /** One {@code ```java} block: where it is, the marker before it (or null), and its text. */
    record Sample(Path file, int line, String marker, String code) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    @Test
    void everyJavaSampleInTheDocsCompilesAsPrinted() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("cli/README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<Sample> samples = new ArrayList<>();
        for (Path document : documents) {
            samples.addAll(samples(document));
        }
        assertThat(samples).as("samples found").hasSizeGreaterThanOrEqualTo(6);

        List<Sample> revisions = new ArrayList<>();
        List<Unit> others = new ArrayList<>();
        Path sources = Files.createDirectories(dir.resolve("src"));
        int wrapped = 0;
        for (Sample sample : samples) {
            if (sample.marker() != null && sample.marker().startsWith("skip")) {
                assertThat(sample.marker()).as("a skipped sample says why: %s", sample.where())
                        .matches("skip,\\s*\\S.{10,}");
                continue;
            }
            if (sample.marker() != null) {
                others.add(wrapStatements(sample, ++wrapped));
            } else if (sample.code().contains("@Revision(")) {
                revisions.add(sample);
            } else {
                Matcher type = TYPE.matcher(sample.code());
                assertThat(type.find()).as("%s declares no class; a block of statements needs a "
                        + "<!-- sample: statements; given … --> line before it", sample.where()).isTrue();
                others.add(new Unit(packageOf(sample.code()), type.group(1), sample.code()));
            }
        }
        assertThat(revisions).as("the README's revision is compiled as a revision").isNotEmpty();

        // The revisions, with the processor, among the example's own revisions.
        Path example = root.resolve(EXAMPLE_MIGRATIONS);
        List<Path> revisionSources = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (Sample revision : revisions) {
            Unit unit = new Unit(packageOf(revision.code()), typeOf(revision), revision.code());
            assertThat(unit.packageName()).as("%s: a revision sample is in the example's package", revision.where())
                    .isEqualTo("com.example.accounts.migrations");
            revisionSources.add(write(Files.createDirectories(dir.resolve("revisions")), unit));
            replaced.add(unit.simpleName() + ".java");
        }
        try (Stream<Path> files = Files.list(example)) {
            files.filter(p -> p.toString().endsWith(".java") && !replaced.contains(p.getFileName().toString()))
                    .forEach(revisionSources::add);
        }
        Path revisionClasses = Files.createDirectories(dir.resolve("revision-classes"));
        compile(revisionSources, revisionClasses, true);
        assertThat(revisionClasses.resolve("com/example/accounts/migrations/GeneratedMigrations.class")).exists();

        // Everything else, against the test class path (the example's registry included) and the
        // example's test sources that samples name (its AccountsModel). Two documents may print
        // the same class (README and docs/testing.md both show a MigrationsTest): each batch
        // holds a class name once, so no sample silently replaces another.
        List<List<Unit>> batches = new ArrayList<>();
        for (Unit unit : others) {
            List<Unit> batch = batches.stream().filter(b -> b.stream().noneMatch(u -> u.sameClass(unit)))
                    .findFirst().orElseGet(() -> {
                        batches.add(new ArrayList<>());
                        return batches.get(batches.size() - 1);
                    });
            batch.add(unit);
        }
        Path exampleTests = root.resolve(EXAMPLE_TESTS);
        for (int i = 0; i < batches.size(); i++) {
            Path batchSources = Files.createDirectories(sources.resolve("batch" + i));
            List<Path> files = new ArrayList<>();
            for (Unit unit : batches.get(i)) {
                files.add(write(batchSources, unit));
            }
            try (Stream<Path> tests = Files.walk(exampleTests)) {
                for (Path test : tests.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = test.getFileName().toString().replace(".java", "");
                    if (batches.get(i).stream().noneMatch(u -> u.simpleName().equals(name))) {
                        files.add(test);
                    }
                }
            }
            compile(files, Files.createDirectories(dir.resolve("classes" + i)), false);
        }
    }

    private record Unit(String packageName, String simpleName, String source) {
        boolean sameClass(Unit other) {
            return packageName.equals(other.packageName) && simpleName.equals(other.simpleName);
        }
    }

    private static List<Sample> samples(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String marker = null;
            for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                Matcher m = MARKER.matcher(lines.get(j));
                if (m.find()) {
                    marker = m.group(1);
                    break;
                }
                if (!lines.get(j).isBlank()) {
                    break;
                }
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            // A fence inside a list item is indented; Markdown takes that indentation off its lines.
            int indent = lines.get(i).indexOf('`');
            List<String> body = new ArrayList<>();
            for (String line : lines.subList(i + 1, end)) {
                int strip = 0;
                while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
                    strip++;
                }
                body.add(line.substring(strip));
            }
            out.add(new Sample(document, i + 1, marker, String.join("\n", body) + "\n"));
            i = end;
        }
        return out;
    }

    /** A block of statements as the body of {@code void run(given…)}, its leading imports as the file's. */
    private static Unit wrapStatements(Sample sample, int number) {
        Matcher m = Pattern.compile("statements(?:;\\s*given\\s+(.+))?").matcher(sample.marker());
        assertThat(m.matches()).as("%s: unknown marker '%s' (statements; given TYPE NAME, … or skip, REASON)",
                sample.where(), sample.marker()).isTrue();
        String parameters = m.group(1) == null ? "" : m.group(1);
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : sample.code().split("\n", -1)) {
            if (body.isEmpty() && (line.startsWith("import ") || line.isBlank())) {
                if (!line.isBlank()) {
                    imports.add(line);
                }
            } else {
                body.add("        " + line);
            }
        }
        String name = "Sample" + number + "_" + sample.file().getFileName().toString()
                .replaceAll("\\W", "_").toLowerCase(Locale.ROOT) + "_" + sample.line();
        String source = "package samples;\n\n" + String.join("\n", imports) + "\n\n"
                + "/** " + sample.where() + " */\nclass " + name + " {\n    void run(" + parameters
                + ") throws Exception {\n" + String.join("\n", body) + "\n    }\n}\n";
        return new Unit("samples", name, source);
    }

    private static String packageOf(String code) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "";
    }

    private static String typeOf(Sample sample) {
        Matcher m = TYPE.matcher(sample.code());
        assertThat(m.find()).as("%s declares a class", sample.where()).isTrue();
        return m.group(1);
    }

    private static Path write(Path sources, Unit unit) throws IOException {
        Path folder = sources.resolve(unit.packageName().replace('.', '/'));
        Files.createDirectories(folder);
        Path file = folder.resolve(unit.simpleName() + ".java");
        Files.writeString(file, unit.source(), StandardCharsets.UTF_8);
        return file;
    }

    private static void compile(List<Path> sources, Path classes, boolean withProcessor) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "--release", "17", "-implicit:none"));
            if (!withProcessor) {
                options.add("-proc:none");
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (withProcessor) {
                task.setProcessors(List.of(new RevisionProcessor()));
            }
            boolean success = task.call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                            + d.getMessage(Locale.ROOT) + (d.getSource() == null ? "" : "\n" + source(d)))
                    .collect(Collectors.joining("\n"));
            assertThat(success).as("the docs' samples compile:\n%s", errors).isTrue();
        }
    }

    private static String source(Diagnostic<? extends JavaFileObject> d) {
        try {
            return d.getSource().getCharContent(true).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
