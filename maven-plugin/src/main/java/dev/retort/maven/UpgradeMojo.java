package dev.retort.maven;

import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.Formats;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationResult;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Upgrades the database to a target, by default every head: {@code mvn retort:upgrade}, or
 * {@code mvn retort:upgrade -Dretort.target=+1}. Compiles the project first when run on its
 * own; bound in the build it runs in {@code process-classes}, right after {@code compile}.
 */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class UpgradeMojo extends AbstractRetortMojo {

    /** Where to go: {@code heads} (default), {@code head}, {@code +1}, an id or prefix, {@code label@head}, …. */
    @Parameter(property = "retort.target", defaultValue = "heads")
    String target;

    @Override
    void run(Config config) {
        print("Upgrading " + describe(config) + " to " + target);
        report(this, Commands.upgrade(config, target, this::progress), "upgrade");
    }

    @Override
    String goal() {
        return "upgrade";
    }

    /** One line per migration run, or where the database already is; shared with downgrade. */
    static void report(AbstractRetortMojo mojo, MigrationResult result, String verb) {
        for (AppliedStep step : result.steps()) {
            mojo.print(Formats.stepLine(step));
        }
        if (result.steps().isEmpty()) {
            mojo.print("Nothing to " + verb + ": the database is at " + Formats.revisionsOrBase(result.headsAfter())
                    + ".");
        }
    }
}
