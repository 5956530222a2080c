package dev.retort.tests.jpa;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.EntitySchemaProcessor;
import dev.retort.runtime.schema.Metadata;
import dev.retort.tests.processor.CompiledClasses;
import dev.retort.tests.processor.Goldens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Compiles entities with {@link EntitySchemaProcessor}, compares generated sources with golden
 * files and loads the compiled {@code GeneratedSchema}, through the processor tests' helpers.
 */
final class JpaTestSupport {

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
        Goldens.assertMatches(test, method, qualifiedName, actual);
    }

    /** {@code METADATA} of the compiled {@code <pkg>.GeneratedSchema}, loaded from the class files written under {@code dir}. */
    static Metadata loadMetadata(Compilation compilation, String pkg, Path dir) throws Exception {
        try (URLClassLoader loader = CompiledClasses.load(compilation, dir)) {
            return (Metadata) loader.loadClass(pkg + ".GeneratedSchema").getField("METADATA").get(null);
        }
    }
}
