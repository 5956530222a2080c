package dev.retort.runtime;

import java.util.List;

/**
 * What {@link Migrator#history()} tells about one revision.
 *
 * @param id            the revision id
 * @param downRevisions its parents; empty for a base
 * @param branchLabels  the labels it declares
 * @param dependsOn     its dependencies
 * @param message       its one-line description
 * @param className     the fully qualified name of its class
 * @param head          true when no revision follows it
 * @param base          true when it has no parent
 * @param branchPoint   true when two or more revisions follow it
 * @param mergePoint    true when it has two or more parents
 */
public record RevisionInfo(
        String id,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        String className,
        boolean head,
        boolean base,
        boolean branchPoint,
        boolean mergePoint) {

    public RevisionInfo {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }
}
