package dev.retort.maven;

import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.Formats;
import dev.retort.cli.RevisionScript;
import java.util.HashSet;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists the revisions newest first, read from the sources, as Alembic's {@code history}:
 * {@code mvn retort:history}, {@code -Dretort.range=base:current}, {@code
 * -Dretort.indicateCurrent} (which reads the database, so compile first).
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class HistoryMojo extends AbstractRetortMojo {

    /** Only the revisions in {@code start:end} (inclusive; either side optional, {@code current} allowed). */
    @Parameter(property = "retort.range")
    String range;

    /** Mark the database's current revisions with {@code (current)}. */
    @Parameter(property = "retort.indicateCurrent", defaultValue = "false")
    boolean indicateCurrent;

    @Override
    void run(Config config) {
        Set<String> current = indicateCurrent ? new HashSet<>(Commands.current(config)) : Set.of();
        for (RevisionScript script : Commands.history(config, range)) {
            print(Formats.historyLine(script, current));
        }
    }

    @Override
    String goal() {
        return "history";
    }
}
