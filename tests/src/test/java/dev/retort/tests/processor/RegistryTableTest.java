package dev.retort.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.graph.RevisionNode;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.RevisionDefinition;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated registry keeps its revisions as lines of text ({@code id|down|labels|depends
 * on|class|message}) in string constants of at most 64 KB each. Every value comes back as
 * written, separators, percent signs, line breaks and non-ASCII text included, also across
 * the cut between two constants.
 */
class RegistryTableTest {

    private static final String PKG = "com.acme.table";

    @TempDir
    Path classes;

    @Test
    void everyValueComesBackAsWrittenAcrossSeveralConstants() throws Exception {
        // Long messages spread 300 revisions over several 48 KB constants.
        String filler = "x".repeat(200);
        List<JavaFileObject> sources = new ArrayList<>();
        List<RevisionNode> expected = new ArrayList<>();
        String odd = "50% | a+b, c %2B é ✓";
        sources.add(Sources.revision(PKG + ".Init", "id = \"init\"",
                "branchLabels = {\"a|b\", \"c,d\", \"50%+1\"}",
                "message = \"" + odd + "\\nsecond line\\tand a tab\""));
        expected.add(new RevisionNode("init", List.of(), List.of("a|b", "c,d", "50%+1"), List.of(),
                odd + "\nsecond line\tand a tab"));
        sources.add(Sources.revision(PKG + ".Side", "id = \"side\"", "branchLabels = \"extras\""));
        expected.add(new RevisionNode("side", List.of(), List.of("extras"), List.of(), ""));
        String previous = "init";
        for (int i = 0; i < 300; i++) {
            String id = "r" + i;
            List<String> attributes = new ArrayList<>(List.of("id = \"" + id + "\"", "downRevision = \"" + previous + "\""));
            List<String> dependsOn = List.of();
            if (i == 150) {
                attributes.add("dependsOn = {\"c,d\", \"side\"}");
                dependsOn = List.of("c,d", "side");
            }
            attributes.add("message = \"Step " + i + " " + filler + "\"");
            sources.add(Sources.revision(PKG + ".R" + i, attributes.toArray(String[]::new)));
            expected.add(new RevisionNode(id, List.of(previous), List.of(), dependsOn, "Step " + i + " " + filler));
            previous = id;
        }

        Compilation c = Compiler.javac().withProcessors(new RevisionProcessor()).compile(sources);

        assertThat(c).succeededWithoutWarnings();
        String source = c.generatedSourceFile(PKG + ".GeneratedMigrations").orElseThrow().getCharContent(true).toString();
        assertThat(source).contains("private static String table1()");
        try (URLClassLoader loader = CompiledClasses.load(c, classes)) {
            MigrationRegistry registry = (MigrationRegistry) loader.loadClass(PKG + ".GeneratedMigrations")
                    .getField("REGISTRY").get(null);
            List<RevisionDefinition> revisions = registry.revisions();
            assertThat(revisions).extracting(RevisionDefinition::node).containsExactlyInAnyOrderElementsOf(expected);
            for (RevisionDefinition definition : revisions) {
                String simpleName = definition.id().equals("init") ? "Init"
                        : definition.id().equals("side") ? "Side" : "R" + definition.id().substring(1);
                assertThat(definition.className()).isEqualTo(PKG + "." + simpleName);
                assertThat(definition.factory().get().getClass().getName()).isEqualTo(PKG + "." + simpleName);
            }
        }
    }
}
