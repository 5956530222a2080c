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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revision's message: the annotation's, else the first sentence of the class javadoc, else "". */
class MessageFromJavadocTest {

    private static final String PKG = "com.acme.messages";

    @TempDir
    Path classes;

    @Test
    void messageComesFromTheAnnotationThenTheJavadoc() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(javadoc("A", List.of("id = \"a\""),
                "/**",
                " * Create the {@code account}",
                " *   table with <em>care</em>. Then add an index.",
                " *",
                " * <p>More text.",
                " * @author someone",
                " */"));
        sources.add(javadoc("B", List.of("id = \"b\"", "downRevision = \"a\""),
                "/** Uses {@link java.util.List lists} and no period",
                " * @since 1 */"));
        sources.add(javadoc("C", List.of("id = \"c\"", "downRevision = \"b\"", "message = \"  From the annotation.  \""),
                "/** Not this one. */"));
        sources.add(javadoc("D", List.of("id = \"d\"", "downRevision = \"c\"")));
        sources.add(javadoc("E", List.of("id = \"e\"", "downRevision = \"d\""),
                "/**",
                " * @deprecated only a tag",
                " */"));
        sources.add(javadoc("F", List.of("id = \"f\"", "downRevision = \"e\""),
                "/** Version 1.2 of the schema. */"));

        Compilation c = Compiler.javac().withProcessors(new RevisionProcessor()).compile(sources);

        assertThat(c).succeeded();
        try (URLClassLoader loader = CompiledClasses.load(c, classes)) {
            MigrationRegistry registry = MigrationRegistry.load(loader).stream()
                    .filter(r -> r.packageName().equals(PKG)).findFirst().orElseThrow();
            Map<String, String> messages = registry.revisions().stream()
                    .collect(Collectors.toMap(RevisionDefinition::id, d -> d.node().message()));
            assertThat(messages).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "a", "Create the account table with care",
                    "b", "Uses lists and no period",
                    "c", "From the annotation.",
                    "d", "",
                    "e", "",
                    "f", "Version 1.2 of the schema"));
        }
    }

    private static JavaFileObject javadoc(String name, List<String> attributes, String... doc) {
        List<String> lines = new ArrayList<>(List.of(doc));
        lines.addAll(Sources.annotation(attributes.toArray(String[]::new)));
        lines.add("public final class " + name + " implements Migration {");
        lines.addAll(Sources.body());
        lines.add("}");
        return Sources.source(PKG + "." + name, lines.toArray(String[]::new));
    }
}
