package dev.retort.maven;

import dev.retort.cli.CommandException;
import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.Formats;
import dev.retort.runtime.MigrationResult;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the version table to name the given revisions without running any migration:
 * {@code mvn retort:stamp -Dretort.target=head} (or ids, comma-separated, or {@code base}).
 */
@Mojo(name = "stamp", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class StampMojo extends AbstractRetortMojo {

    /** The revisions to record, comma-separated ({@code head}, {@code heads}, ids, {@code base}); required. */
    @Parameter(property = "retort.target")
    String target;

    @Override
    void run(Config config) {
        List<String> targets = target == null ? List.of()
                : Arrays.stream(target.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (targets.isEmpty()) {
            throw new CommandException("retort:stamp needs the revisions to record: pass -Dretort.target=head, "
                    + "a revision id, or base.");
        }
        MigrationResult result = Commands.stamp(config, targets, this::progress);
        print("Stamped " + Formats.revisionsOrBase(result.headsBefore()) + " -> "
                + Formats.revisionsOrBase(result.headsAfter()));
    }

    @Override
    String goal() {
        return "stamp";
    }
}
