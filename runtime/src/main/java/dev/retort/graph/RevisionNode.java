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

    /** The longest id the version table's {@code VARCHAR(32)} column holds. */
    public static final int MAX_ID_LENGTH = 32;

    /**
     * True when {@code id} is a well-formed revision id: 1 to {@value #MAX_ID_LENGTH} ASCII
     * letters, digits or {@code _}. The annotation processor refuses any other id, and the
     * migrator refuses a version-table row that is not one.
     */
    public static boolean isValidId(String id) {
        // A loop, not a regular expression: an application at head checks its version-table
        // rows with this in a fresh JVM, where compiling a pattern costs more than the read.
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
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
