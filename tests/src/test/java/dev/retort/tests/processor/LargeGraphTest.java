package dev.retort.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionNode;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.RevisionDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Random;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 revisions: the generated registry compiles (no method over the JVM's 64 KB limit),
 * and once loaded, {@link MigrationRegistry#load} finds it with every revision in order.
 */
class LargeGraphTest {

    private static final String PKG = "com.acme.large";
    private static final int COUNT = 1_000;

    @TempDir
    Path classes;

    private static final int CHAIN = 990;

    private static String id(int i) {
        return String.format("r%04d", i);
    }

    private static String side(int i) {
        return String.format("s%04d", i);
    }

    private static void add(List<JavaFileObject> sources, List<RevisionNode> nodes, String className, String id,
            List<String> down, String message) {
        List<String> attributes = new ArrayList<>();
        attributes.add("id = \"" + id + "\"");
        if (!down.isEmpty()) {
            attributes.add(down.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", ", "downRevision = {", "}")));
        }
        sources.add(Sources.documented(PKG + "." + className, message, attributes.toArray(String[]::new)));
        nodes.add(new RevisionNode(id, down, List.of(), List.of(), message));
    }

    @Test
    void thousandRevisionsCompileLoadAndComeOutInTopologicalOrder() throws Exception {
        // A chain of 990 with 10 side revisions, each branching off at i % 100 == 50 and merged back
        // three revisions later, so that topological order is more than source order. Shuffled sources.
        List<JavaFileObject> sources = new ArrayList<>();
        List<RevisionNode> nodes = new ArrayList<>();
        for (int i = 0; i < CHAIN; i++) {
            List<String> down = new ArrayList<>();
            if (i > 0) {
                down.add(id(i - 1));
            }
            if (i % 100 == 53) {
                down.add(side(i - 3));
            }
            add(sources, nodes, "R" + i, id(i), down, "Revision number " + i + ".");
            if (i % 100 == 50) {
                add(sources, nodes, "S" + i, side(i), List.of(id(i)), "Side revision " + i + ".");
            }
        }
        assertThat(nodes).hasSize(COUNT);
        List<String> expected = RevisionGraph.of(nodes).nodes().stream().map(RevisionNode::id).toList();
        Collections.shuffle(sources, new Random(42));

        Compilation c = Compiler.javac().withProcessors(new RevisionProcessor()).compile(sources);

        assertThat(c).succeededWithoutWarnings();
        try (URLClassLoader loader = CompiledClasses.load(c, classes)) {
            List<MigrationRegistry> registries = MigrationRegistry.load(loader).stream()
                    .filter(r -> r.packageName().equals(PKG))
                    .toList();
            assertThat(registries).hasSize(1);
            List<RevisionDefinition> revisions = registries.get(0).revisions();
            assertThat(revisions).hasSize(COUNT);
            // The graph's own order (topological, ties by id), and a valid topological order.
            assertThat(revisions).extracting(RevisionDefinition::id).containsExactlyElementsOf(expected);
            Set<String> seen = new HashSet<>();
            for (RevisionDefinition definition : revisions) {
                assertThat(seen).as("parents of %s", definition.id())
                        .containsAll(definition.node().downRevisions());
                seen.add(definition.id());
            }
            assertThat(revisions.get(0).id()).isEqualTo(id(0));
            assertThat(revisions.get(COUNT - 1).id()).isEqualTo(id(CHAIN - 1));
            Map<String, RevisionDefinition> byId = revisions.stream()
                    .collect(Collectors.toMap(RevisionDefinition::id, d -> d));
            assertThat(byId.get(id(153)).node().downRevisions()).containsExactly(id(152), side(150));
            for (int i : IntStream.of(1, 199, 200, 201, CHAIN - 1).toArray()) {
                RevisionDefinition definition = byId.get(id(i));
                assertThat(definition.node().message()).isEqualTo("Revision number " + i);
                assertThat(definition.className()).isEqualTo(PKG + ".R" + i);
                Migration migration = definition.factory().get();
                assertThat(migration.getClass().getName()).isEqualTo(PKG + ".R" + i);
                assertThat(migration.getClass().getClassLoader()).isSameAs(loader);
            }
            Class<?> generated = loader.loadClass(PKG + ".GeneratedMigrations");
            assertThat(generated.getField("R500").get(null)).isEqualTo(id(500));
            MigrationRegistry registry = (MigrationRegistry) generated.getField("REGISTRY").get(null);
            assertThat(registries.get(0).revisions()).isSameAs(registry.revisions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
