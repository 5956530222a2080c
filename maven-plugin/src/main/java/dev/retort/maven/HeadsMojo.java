package dev.retort.maven;

import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.Formats;
import dev.retort.cli.RevisionScript;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Prints the heads of the revision graph, read from the sources: {@code mvn retort:heads}. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class HeadsMojo extends AbstractRetortMojo {

    /** Treat dependencies as down revisions: a revision another one depends on is no head. */
    @Parameter(property = "retort.resolveDependencies", defaultValue = "false")
    boolean resolveDependencies;

    @Override
    void run(Config config) {
        for (RevisionScript script : Commands.heads(config, resolveDependencies)) {
            print(Formats.headOnly(script, Set.of(), false));
        }
    }

    @Override
    String goal() {
        return "heads";
    }
}
