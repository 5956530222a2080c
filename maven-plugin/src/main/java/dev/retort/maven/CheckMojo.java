package dev.retort.maven;

import dev.retort.cli.CheckResult;
import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.internal.Detections;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the model ({@code metadata}) has changes that no revision makes yet:
 * {@code mvn retort:check} compares the configured database, which must be at head; {@code
 * mvn retort:check -Dretort.shadow} applies every revision to a scratch database instead and
 * compares that, so CI needs no shared database. Bound in the build it runs in {@code verify}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class CheckMojo extends AbstractRetortMojo {

    /** Compare a scratch database built from every revision (see {@code shadowUrl}) instead of the configured one. */
    @Parameter(property = "retort.shadow", defaultValue = "false")
    boolean shadow;

    @Override
    void run(Config config) throws MojoFailureException {
        CheckResult result = Commands.check(config, shadow, config.compareOptions(), this::progress);
        notes(result.notes());
        if (result.isClean()) {
            print("No new upgrade operations detected.");
            return;
        }
        int count = result.changes().size();
        for (var change : result.changes()) {
            getLog().error("  " + redact(Detections.oneLine(change.operation())));
            for (String note : change.notes()) {
                getLog().error("      CHECK: " + redact(note));
            }
        }
        throw new MojoFailureException("New upgrade operations detected (" + count
                + (count == 1 ? " operation" : " operations") + " between the model and the "
                + (shadow ? "revisions" : "database") + "). Write them with: mvn retort:revision "
                + "-Dretort.autogenerate -Dretort.message=\"MESSAGE\"");
    }

    @Override
    String goal() {
        return "check";
    }
}
