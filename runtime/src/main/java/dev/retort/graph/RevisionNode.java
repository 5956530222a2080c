package dev.retort.graph;

import java.util.List;
import java.util.Objects;

/**
 * One revision of a graph as the graph sees it: its id, the revisions it follows, its
 * branch labels, its dependencies and its message. Immutable.
 *
 * <p>The processor builds nodes from {@code @Revision} annotations, the runtime from the
 * generated registry and the command line from source files; all of them hand the
 * nodes to {@link RevisionGraph}.
 *
 * @param id            the revision id
 * @param downRevisions the parents; empty for a base, two or more for a merge point
 * @param branchLabels  labels naming the branch this revision belongs to
 * @param dependsOn     revisions that must be applied first without being parents
 * @param message       a one-line description, possibly empty
 */
public record RevisionNode(
        String id,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        String message) {

    public RevisionNode {
        Objects.requireNonNull(id, "id");
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }

    /** A node with no labels, no dependencies and no message; mostly for tests. */
    public static RevisionNode of(String id, String... downRevisions) {
        return new RevisionNode(id, List.of(downRevisions), List.of(), List.of(), "");
    }

    /** True when this revision has no parent. */
    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    /** True when this revision joins two or more parents. */
    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }
}
