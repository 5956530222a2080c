package dev.retort.tests.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of generated sources, under
 * {@code tests/src/test/resources/goldens/<TestClass>/<method>/<fqcn>.java}. Compared as
 * exact text; {@code -Dgoldens.update=true} rewrites them instead.
 */
public final class Goldens {

    private static final boolean UPDATE = Boolean.parseBoolean(System.getProperty("goldens.update", "false"));

    private Goldens() {}

    /** The goldens directory of this module; surefire runs with the module as working directory. */
    static Path root() {
        String basedir = System.getProperty("basedir");
        Path module = basedir == null || basedir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(basedir);
        return module.resolve("src/test/resources/goldens");
    }

    static Path path(Class<?> test, String method, String qualifiedName) {
        return root().resolve(test.getSimpleName()).resolve(method).resolve(qualifiedName + ".java");
    }

    /** Asserts that {@code actual} is the golden text, or rewrites the golden under -Dgoldens.update=true. */
    public static void assertMatches(Class<?> test, String method, String qualifiedName, String actual) {
        Path golden = path(test, method, qualifiedName);
        try {
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                fail("Missing golden file " + golden + "; run the test with -Dgoldens.update=true to write it, "
                        + "then review it.");
            }
            assertThat(actual)
                    .as("generated %s against golden %s (rewrite with -Dgoldens.update=true)", qualifiedName, golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
