package dev.retort.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.RevisionDefinition;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revision classes may carry any name: the registry still compiles and creates each one when
 * a revision is named like one of the registry's nested classes ({@code Factory},
 * {@code Provider}, {@code Definitions}), like a type the registry imports ({@code List},
 * {@code Set}) or like {@code String}, the type of its constants; and a message with a
 * backslash cannot end the constant's javadoc early through a unicode escape.
 */
class RegistryNamesTest {

    private static final String PKG = "com.acme.names";

    @TempDir
    Path classes;

    @Test
    void revisionsNamedLikeTheRegistrysOwnTypesAreCreated() throws Exception {
        List<String> names = List.of("Factory", "Provider", "Definitions", "List", "Set", "String");
        JavaFileObject[] sources = new JavaFileObject[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String down = i == 0 ? "" : ", downRevision = \"r" + (i - 1) + "\"";
            // The value holds a backslash, 'u002a' and '/': in a comment javac would read '*/'.
            String message = i == 0 ? ", message = \"Under C:\\\\temp\\\\u002a/ here\"" : "";
            sources[i] = Sources.revision(PKG + "." + names.get(i), "id = \"r" + i + "\"" + down + message);
        }

        Compilation c = Compiler.javac().withProcessors(new RevisionProcessor()).compile(sources);

        assertThat(c).succeededWithoutWarnings();
        try (URLClassLoader loader = CompiledClasses.load(c, classes)) {
            MigrationRegistry registry = (MigrationRegistry) loader.loadClass(PKG + ".GeneratedMigrations")
                    .getField("REGISTRY").get(null);
            List<RevisionDefinition> revisions = registry.revisions();
            assertThat(revisions).extracting(d -> d.factory().get().getClass().getName())
                    .containsExactlyElementsOf(names.stream().map(n -> PKG + "." + n).toList());
            assertThat(revisions.get(0).node().message()).isEqualTo("Under C:\\temp\\u002a/ here");
        }
    }
}
