package dev.retort.tests.jpa;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.autogenerate.Change;
import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.Introspection;
import dev.retort.processor.EntitySchemaProcessor;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import dev.retort.tests.processor.CompiledClasses;
import dev.retort.tests.processor.Goldens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
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

    /** The table {@code name} of {@code model}; fails naming the tables there are. */
    static Table table(Metadata model, String name) {
        return model.table(name).orElseThrow(() -> new AssertionError("No table " + name + " in "
                + model.tables().stream().map(Table::name).toList()));
    }

    /** Creates {@code model} in a fresh H2 database and returns what a second comparison still finds. */
    static List<Change> changesAfterCreatingOnH2(Metadata model) throws Exception {
        try (TestDatabase db = TestDatabases.h2(); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Comparison first = Comparison.compare(model, Introspection.read(connection, dialect),
                    CompareOptions.defaults());
            var op = new DefaultOperations(dialect, new JdbcSink(connection), connection);
            first.operations().forEach(op::run);
            return Comparison.compare(model, Introspection.read(connection, dialect), CompareOptions.defaults())
                    .changes();
        }
    }

    /** {@code METADATA} of the compiled {@code <pkg>.GeneratedSchema}, loaded from the class files written under {@code dir}. */
    static Metadata loadMetadata(Compilation compilation, String pkg, Path dir) throws Exception {
        try (URLClassLoader loader = CompiledClasses.load(compilation, dir)) {
            return (Metadata) loader.loadClass(pkg + ".GeneratedSchema").getField("METADATA").get(null);
        }
    }
}
