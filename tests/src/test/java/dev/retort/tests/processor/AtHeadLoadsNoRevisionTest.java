package dev.retort.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application at head pays for one version-table read: the generated registry holds its
 * heads as constants, so {@code upgradeToHead} on a database at head loads no revision
 * class and creates no revision definition. Each run below loads the compiled classes
 * through a fresh class loader that records every class it defines.
 */
class AtHeadLoadsNoRevisionTest {

    private static final String PKG = "com.acme.fast";

    @TempDir
    Path dir;

    /** Defines the compiled classes itself (its parent lacks them) and records each one it defines. */
    static final class RecordingLoader extends URLClassLoader {
        final List<String> defined = new CopyOnWriteArrayList<>();

        RecordingLoader(URL classes) {
            super(new URL[] {classes}, AtHeadLoadsNoRevisionTest.class.getClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> type = super.findClass(name);
            defined.add(name);
            return type;
        }
    }

    private static MigrationResult upgradeToHead(ClassLoader loader, DataSource dataSource) throws Exception {
        Method upgrade = loader.loadClass(PKG + ".GeneratedMigrations").getMethod("upgradeToHead", DataSource.class);
        return (MigrationResult) upgrade.invoke(null, dataSource);
    }

    @Test
    void upgradeToHeadAtHeadLoadsOnlyTheRegistry() throws Exception {
        // Two heads, so "heads" is compared as a set: init -> a1 -> a2, init -> b1.
        Compilation c = Compiler.javac().withProcessors(new RevisionProcessor()).compile(
                Sources.revision(PKG + ".Init", "id = \"init\""),
                Sources.revision(PKG + ".A1", "id = \"a1\"", "downRevision = \"init\"", "branchLabels = \"a\""),
                Sources.revision(PKG + ".A2", "id = \"a2\"", "downRevision = \"a1\""),
                Sources.revision(PKG + ".B1", "id = \"b1\"", "downRevision = \"init\"", "branchLabels = \"b\""));
        assertThat(c).succeededWithoutWarnings();
        CompiledClasses.load(c, dir).close();
        URL classes = dir.toUri().toURL();

        try (TestDatabase db = TestDatabases.h2()) {
            try (RecordingLoader first = new RecordingLoader(classes)) {
                MigrationResult result = upgradeToHead(first, db.dataSource());
                assertThat(result.steps()).hasSize(4);
                assertThat(first.defined).contains(PKG + ".Init", PKG + ".A1", PKG + ".A2", PKG + ".B1");
            }

            try (RecordingLoader restart = new RecordingLoader(classes)) {
                MigrationResult result = upgradeToHead(restart, db.dataSource());

                assertThat(result.steps()).isEmpty();
                assertThat(result.headsAfter()).containsExactly("a2", "b1");
                assertThat(restart.defined).containsExactlyInAnyOrder(
                        PKG + ".GeneratedMigrations", PKG + ".GeneratedMigrations$Provider");

                // Asking for the revisions creates their definitions, still without loading a revision class.
                MigrationRegistry registry = (MigrationRegistry) restart.loadClass(PKG + ".GeneratedMigrations")
                        .getField("REGISTRY").get(null);
                assertThat(registry.knownHeads()).isEqualTo(Optional.of(Set.of("a2", "b1")));
                assertThat(registry.revisions()).extracting(RevisionDefinition::id)
                        .containsExactly("init", "a1", "a2", "b1");
                assertThat(restart.defined).doesNotContain(PKG + ".Init", PKG + ".A1", PKG + ".A2", PKG + ".B1");
            }
        }
    }
}
