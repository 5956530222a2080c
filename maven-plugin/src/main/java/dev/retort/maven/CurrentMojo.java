package dev.retort.maven;

import dev.retort.cli.CommandException;
import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.Formats;
import dev.retort.cli.RevisionScript;
import dev.retort.graph.RevisionException;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Prints the database's current revisions: {@code mvn retort:current}. */
@Mojo(name = "current", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class CurrentMojo extends AbstractRetortMojo {

    @Override
    void run(Config config) {
        List<String> current = Commands.current(config);
        print("Current revision(s) for " + describe(config) + ":");
        if (current.isEmpty()) {
            print(Formats.revisionsOrBase(current));
        }
        for (String id : current) {
            RevisionScript script = sourceScript(config, id);
            print(script == null ? id : Formats.headOnly(script, Set.of(), true));
        }
    }

    /** The revision's source, for its marks; none when the sources no longer hold it. */
    private static RevisionScript sourceScript(Config config, String id) {
        try {
            return Commands.show(config, id).stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        } catch (CommandException | RevisionException e) {
            return null;
        }
    }

    @Override
    String goal() {
        return "current";
    }
}
