package dev.retort.tests.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.annotations.Revision;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.Migration;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services file on a real output directory, as an incremental build leaves it: the
 * providers of an earlier compile are kept, the new ones added, the lines sorted.
 */
class ServiceFileTest {

    private static final String SERVICE_FILE = "META-INF/services/dev.retort.runtime.MigrationRegistry";

    @TempDir
    Path out;

    @Test
    void providersOfAnEarlierCompileAreKept() throws Exception {
        Path service = out.resolve(SERVICE_FILE);
        Files.createDirectories(service.getParent());
        Files.writeString(service, "# written by an earlier compile\ncom.zeta.GeneratedMigrations$Provider\n",
                StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            files.setLocation(StandardLocation.CLASS_PATH, List.of(location(Revision.class), location(Migration.class)));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, List.of("-proc:only"), null,
                    List.of(Sources.revision("com.alpha.Init", "id = \"a\"")));
            task.setProcessors(List.of(new RevisionProcessor()));

            assertThat(task.call()).as("compile: %s", diagnostics.getDiagnostics()).isTrue();
        }
        assertThat(Files.readString(service, StandardCharsets.UTF_8))
                .isEqualTo("com.alpha.GeneratedMigrations$Provider\ncom.zeta.GeneratedMigrations$Provider\n");
    }

    private static File location(Class<?> type) throws Exception {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
