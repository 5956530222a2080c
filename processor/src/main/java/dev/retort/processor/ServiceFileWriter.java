package dev.retort.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.retort.runtime.MigrationRegistry}, one line per
 * package's {@code GeneratedMigrations$Provider}, sorted. A resource may be written after
 * the last round, so this runs once when processing is over and sees every package.
 */
final class ServiceFileWriter {

    static final String PATH = "META-INF/services/" + TypeNames.MIGRATION_REGISTRY.canonicalName();

    private final Filer filer;

    ServiceFileWriter(Filer filer) {
        this.filer = filer;
    }

    /**
     * Writes the file with {@code providers} plus the lines an earlier, incremental compile
     * left in the output directory; throws only when the file cannot be written.
     */
    void write(Collection<String> providers, List<Element> originatingElements) throws IOException {
        SortedSet<String> lines = new TreeSet<>(providers);
        lines.addAll(existingLines());
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH,
                originatingElements.toArray(Element[]::new));
        try (Writer writer = file.openWriter()) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
    }

    /**
     * The providers already listed in the output directory. Compilers differ on a file that
     * does not exist (an exception, or an object that fails to open); both mean "none".
     */
    private SortedSet<String> existingLines() {
        SortedSet<String> lines = new TreeSet<>();
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            if (existing == null) {
                return lines;
            }
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String provider = (comment < 0 ? line : line.substring(0, comment)).trim();
                    if (!provider.isEmpty()) {
                        lines.add(provider);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return new TreeSet<>();
        }
        return lines;
    }
}
