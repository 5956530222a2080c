package dev.retort.tests.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.EntitySchemaProcessor;
import dev.retort.runtime.schema.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles entities with {@link EntitySchemaProcessor}, compares generated sources with golden
 * files and loads the compiled {@code GeneratedSchema}. (The processor tests' helpers of the
 * same kind are package-private to their package.)
 */
final class JpaTestSupport {

    private static final boolean UPDATE = Boolean.parseBoolean(System.getProperty("goldens.update", "false"));

    private JpaTestSupport() {}

    static Compilation compile(List<JavaFileObject> sources, String... options) {
        return Compiler.javac().withProcessors(new EntitySchemaProcessor()).withOptions(List.of(options))
                .compile(sources);
    }

    static Compilation compileWithNaming(String naming, List<JavaFileObject> sources) {
        return compile(sources, "-Aretort.jpa.naming=" + naming);
    }

    /** The text of the generated source {@code qualifiedName}. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("No generated source " + qualifiedName + " in "
                        + compilation.generatedSourceFiles()));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Golden files under {@code src/test/resources/goldens/<Test>/<method>/<fqcn>.java}; -Dgoldens.update=true rewrites. */
    static void assertGolden(Class<?> test, String method, String qualifiedName, String actual) {
        String basedir = System.getProperty("basedir");
        Path module = basedir == null || basedir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(basedir);
        Path golden = module.resolve("src/test/resources/goldens").resolve(test.getSimpleName()).resolve(method)
                .resolve(qualifiedName + ".java");
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
            assertThat(actual).as("generated %s against golden %s (rewrite with -Dgoldens.update=true)",
                    qualifiedName, golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code METADATA} of the compiled {@code <pkg>.GeneratedSchema}, loaded from the class files written under {@code dir}. */
    static Metadata loadMetadata(Compilation compilation, String pkg, Path dir) throws Exception {
        String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
        List<Path> written = new ArrayList<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String uriPath = file.toUri().getPath();
            if (!uriPath.startsWith(prefix)) {
                continue;
            }
            Path target = dir.resolve(uriPath.substring(prefix.length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.copy(in, target);
            }
            written.add(target);
        }
        assertThat(written).as("class files written").isNotEmpty();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                JpaTestSupport.class.getClassLoader())) {
            return (Metadata) loader.loadClass(pkg + ".GeneratedSchema").getField("METADATA").get(null);
        }
    }
}
