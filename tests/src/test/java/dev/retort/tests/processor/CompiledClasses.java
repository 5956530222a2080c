package dev.retort.tests.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** The class output of a successful compilation, on disk and behind a class loader. */
public final class CompiledClasses {

    private CompiledClasses() {}

    /**
     * Writes every class file and resource the compilation produced under {@code dir} and
     * returns a loader over it whose parent is the test's own loader (for the runtime).
     */
    public static URLClassLoader load(Compilation compilation, Path dir) {
        String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
        int written = 0;
        try {
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
                written++;
            }
            assertThat(written).as("class files written").isPositive();
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, CompiledClasses.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
