package dev.retort.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * One revision as its source file declares it, with its place in the graph: what
 * {@code history}, {@code heads}, {@code branches}, {@code show} and {@code revision} return.
 *
 * @param id            the revision id
 * @param downRevisions its parents; empty for a base
 * @param branchLabels  the labels it declares
 * @param dependsOn     its dependencies
 * @param message       its one-line message
 * @param className     the fully qualified class name
 * @param path          the source file
 * @param doc           the class javadoc's text, or empty
 * @param upRevisions   the revisions that follow it, sorted
 * @param head          true when no revision follows it
 * @param base          true when it has no parent
 * @param branchPoint   true when two or more revisions follow it
 * @param mergePoint    true when it has two or more parents
 */
public record RevisionScript(
        String id,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        String className,
        Path path,
        String doc,
        List<String> upRevisions,
        boolean head,
        boolean base,
        boolean branchPoint,
        boolean mergePoint) {

    /** Copies the lists, so a revision script never changes. */
    public RevisionScript {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        upRevisions = List.copyOf(upRevisions);
    }
}
