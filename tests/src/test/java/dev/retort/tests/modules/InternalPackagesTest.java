package dev.retort.tests.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's {@code internal} packages sit below its public API, never above it: the value
 * model ({@code schema}, {@code operation}), the graph and the dialects use no {@code internal}
 * package, and no other module uses the runtime's, or autogenerate's (the test kit reaches the
 * snapshots through their public package). The module descriptors only stop other
 * modules on the module path; this reads the sources, so a class-path build breaks too. The
 * migrator ({@code dev.retort.runtime}) may use its own implementation and is not read.
 */
class InternalPackagesTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    /** An import of, or a qualified name in, any {@code internal} package. */
    private static final Pattern ANY_INTERNAL = Pattern.compile("\\bdev\\.retort\\.[\\w.]*\\binternal\\.");

    private static final Pattern RUNTIME_INTERNAL = Pattern.compile("\\bdev\\.retort\\.runtime\\.internal\\b");

    private static final Pattern AUTOGENERATE_INTERNAL =
            Pattern.compile("\\bdev\\.retort\\.autogenerate\\.internal\\b");

    @Test
    void theValueModelTheGraphAndTheDialectsUseNoInternalPackage() {
        Path runtime = ROOT.resolve("runtime/src/main/java/dev/retort");
        List<String> uses = new ArrayList<>();
        for (String pkg : List.of("graph", "runtime/schema", "runtime/operation", "runtime/dialect")) {
            Path dir = runtime.resolve(pkg);
            assertThat(dir).as("the runtime's package folder").isDirectory();
            uses.addAll(matches(dir, ANY_INTERNAL));
        }
        assertThat(uses).as("public runtime packages naming an internal package").isEmpty();
    }

    @Test
    void noOtherModuleUsesTheRuntimesInternalPackages() {
        List<String> modules = List.of("annotations", "autogenerate", "processor", "cli", "test-kit", "maven-plugin",
                "spring-boot");
        List<String> uses = new ArrayList<>();
        for (String module : modules) {
            Path dir = ROOT.resolve(module).resolve("src/main/java");
            assertThat(dir).as("the sources of " + module).isDirectory();
            uses.addAll(matches(dir, RUNTIME_INTERNAL));
        }
        assertThat(uses).as("other modules naming dev.retort.runtime.internal").isEmpty();
    }

    @Test
    void noOtherModuleUsesAutogeneratesInternalPackages() {
        List<String> modules = List.of("annotations", "runtime", "processor", "cli", "test-kit", "maven-plugin",
                "spring-boot");
        List<String> uses = new ArrayList<>();
        for (String module : modules) {
            Path dir = ROOT.resolve(module).resolve("src/main/java");
            assertThat(dir).as("the sources of " + module).isDirectory();
            uses.addAll(matches(dir, AUTOGENERATE_INTERNAL));
        }
        assertThat(uses).as("other modules naming dev.retort.autogenerate.internal").isEmpty();
    }

    /** A branch on, or an import of, one concrete dialect: what {@code Dialect}'s capabilities are for. */
    private static final Pattern CONCRETE_DIALECT = Pattern.compile(
            "instanceof\\s+(Postgres|MariaDb|H2|Sqlite)Dialect\\b|import\\s+dev\\.retort\\.runtime\\.dialect\\."
                    + "(Postgres|MariaDb|H2|Sqlite)Dialect;");

    @Test
    void noCodeOutsideTheDialectsBranchesOnAConcreteDialect() {
        List<String> modules = List.of("runtime", "autogenerate", "processor", "cli", "test-kit", "maven-plugin",
                "spring-boot");
        List<String> uses = new ArrayList<>();
        for (String module : modules) {
            Path dir = ROOT.resolve(module).resolve("src/main/java");
            uses.addAll(matches(dir, CONCRETE_DIALECT).stream()
                    .filter(use -> !use.startsWith("runtime/src/main/java/dev/retort/runtime/dialect/")).toList());
        }
        assertThat(uses).as("code outside runtime's dialect package naming a concrete dialect").isEmpty();
        assertThat("if (d instanceof H2Dialect) {").containsPattern(CONCRETE_DIALECT);
    }

    @Test
    void theScanFindsAnInternalImport() throws IOException {
        // The scan must see an import written as the code writes them, or the tests above prove nothing.
        Path dir = Files.createTempDirectory("internal-scan");
        try {
            Files.writeString(dir.resolve("Sneaky.java"), "package x;\n\nimport dev.retort.runtime.internal.Values;\n");
            assertThat(matches(dir, ANY_INTERNAL)).singleElement().asString()
                    .endsWith("Sneaky.java:3: import dev.retort.runtime.internal.Values;");
            assertThat(matches(dir, RUNTIME_INTERNAL)).hasSize(1);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Each line of a {@code .java} file under {@code dir} that {@code pattern} finds, as {@code file:line: text}. */
    private static List<String> matches(Path dir, Pattern pattern) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        out.add(ROOT.relativize(file.toAbsolutePath()) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
