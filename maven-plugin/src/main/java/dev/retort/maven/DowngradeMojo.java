package dev.retort.maven;

import dev.retort.cli.CommandException;
import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Downgrades the database to a target: {@code mvn retort:downgrade -Dretort.target=-1} (or {@code base}, an id, …). */
@Mojo(name = "downgrade", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class DowngradeMojo extends AbstractRetortMojo {

    /** Where to go: {@code -1}, {@code base}, an id or prefix, {@code label@-1}, …; required. */
    @Parameter(property = "retort.target")
    String target;

    @Override
    void run(Config config) {
        if (target == null || target.isBlank()) {
            throw new CommandException("retort:downgrade needs a target: pass -Dretort.target=-1 (one step), "
                    + "-Dretort.target=base (everything) or a revision id.");
        }
        print("Downgrading " + describe(config) + " to " + target);
        UpgradeMojo.report(this, Commands.downgrade(config, target, this::progress), "downgrade");
    }

    @Override
    String goal() {
        return "downgrade";
    }
}
