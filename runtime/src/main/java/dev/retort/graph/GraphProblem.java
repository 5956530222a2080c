package dev.retort.graph;

import java.util.List;

/**
 * One thing wrong with a set of revisions, found by {@link RevisionGraph#check}.
 *
 * <p>The processor reports each problem on the source element of {@link #revision()},
 * on the annotation value {@link #value()} where there is one; the runtime and the
 * command line print {@link #message()}.
 *
 * @param kind     what is wrong
 * @param revision the id of the revision at fault (for a cycle, each member gets its own problem)
 * @param value    the offending value: the unknown down revision or dependency, the bad
 *                 id, the duplicated branch label; {@code null} when the revision as a
 *                 whole is at fault
 * @param related  the ids that explain the problem: closest existing ids for an unknown
 *                 reference, the cycle path in history's direction (each id the parent of the next, first id repeated at the end) for a cycle,
 *                 every head of the group for multiple heads, every base for multiple
 *                 bases, the other owner of a duplicated label
 * @param message  a complete sentence that says what was found and what to do, without
 *                 a tag
 */
public record GraphProblem(Kind kind, String revision, String value, List<String> related, String message) {

    public GraphProblem {
        related = List.copyOf(related);
    }

    /** The kinds of problem; each maps to one stable diagnostic tag. */
    public enum Kind {
        /** Two or more revisions share an id. Reported once for each of them. */
        DUPLICATE_ID,
        /** An id is empty, longer than 32 characters or has characters other than letters, digits and '_'. */
        INVALID_ID,
        /** A down revision names no revision of the graph. */
        UNKNOWN_DOWN_REVISION,
        /** A dependsOn entry names no revision of the graph. */
        UNKNOWN_DEPENDENCY,
        /** Following down revisions (and dependencies) from a revision leads back to it. */
        CYCLE,
        /** A branch label is declared by two revisions. */
        DUPLICATE_BRANCH_LABEL,
        /** A branch label equals a revision id. */
        BRANCH_LABEL_IS_REVISION_ID,
        /** Two or more heads that no branch label tells apart: the classic merge conflict. */
        MULTIPLE_HEADS,
        /** Two or more bases that no branch label tells apart. */
        MULTIPLE_BASES
    }

    /**
     * True for problems that make a graph unusable (everything except {@link
     * Kind#MULTIPLE_HEADS} and {@link Kind#MULTIPLE_BASES}, which are a policy choice).
     */
    public boolean isStructural() {
        return kind != Kind.MULTIPLE_HEADS && kind != Kind.MULTIPLE_BASES;
    }
}
