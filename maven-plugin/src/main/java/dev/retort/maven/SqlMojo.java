package dev.retort.maven;

import dev.retort.cli.CommandException;
import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.Formats;
import dev.retort.runtime.MigrationResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the SQL of an upgrade (or downgrade) to a file instead of running it, as Alembic's
 * {@code --sql}; no database is touched, the dialect comes from {@code dialect} or the URL's
 * prefix. {@code mvn retort:sql} writes everything from base to the heads; {@code
 * -Dretort.target=2b1ae634e5cd:head} starts at a revision; {@code -Dretort.downgrade
 * -Dretort.target=head:base} writes a downgrade.
 */
@Mojo(name = "sql", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class SqlMojo extends AbstractRetortMojo {

    /** The target, or a range {@code start:target}; an upgrade starts at base when no start is given. */
    @Parameter(property = "retort.target", defaultValue = "heads")
    String target;

    /** Write a downgrade script; the target must then be a range such as {@code head:base}. */
    @Parameter(property = "retort.downgrade", defaultValue = "false")
    boolean downgrade;

    /** The script file; default {@code target/retort/upgrade.sql} ({@code downgrade.sql} for a downgrade). */
    @Parameter(property = "retort.outputFile")
    File outputFile;

    @Override
    void run(Config config) {
        StringBuilder script = new StringBuilder();
        MigrationResult result = downgrade
                ? Commands.downgradeSql(config, target, script, this::progress)
                : Commands.upgradeSql(config, target, script, this::progress);
        Path file = outputFile != null ? outputFile.toPath()
                : Path.of(project.getBuild().getDirectory(), "retort", downgrade ? "downgrade.sql" : "upgrade.sql");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            // Written only once complete: a failure above leaves no half script behind.
            Files.writeString(file, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("Cannot write the script to " + file + ": " + e.getMessage()
                    + ". Choose another file with -Dretort.outputFile=…", e);
        }
        int steps = result.steps().size();
        print("Wrote " + file + ": " + steps + (steps == 1 ? " migration" : " migrations") + ", "
                + Formats.revisionsOrBase(result.headsBefore()) + " -> " + Formats.revisionsOrBase(result.headsAfter()));
    }

    @Override
    String goal() {
        return "sql";
    }
}
