package dev.retort.graph;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The revision graph: the one implementation of heads, bases, target resolution and
 * upgrade and downgrade plans, shared by the annotation processor, the runtime and the
 * command line. Pure code: no IO, no {@code java.sql}. Immutable and thread-safe.
 *
 * <p>Semantics follow Alembic's {@code RevisionMap}: branch labels, merge points,
 * {@code dependsOn} and several bases behave as they do there.
 */
public final class RevisionGraph {

    private RevisionGraph() {
        throw new UnsupportedOperationException("pending: implemented by the graph task");
    }

    /**
     * Every problem of a set of revisions, in a deterministic order, without throwing:
     * structural ones (duplicate ids, invalid ids, unknown references, cycles, label
     * clashes) and the policy ones (several unlabelled heads or bases).
     */
    public static List<GraphProblem> check(Collection<RevisionNode> nodes) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Builds a graph. Throws {@link RevisionGraphException} with every structural problem
     * when there is one; several heads or bases are allowed here (the processor decides
     * whether they are an error).
     */
    public static RevisionGraph of(Collection<RevisionNode> nodes) {
        throw new UnsupportedOperationException("pending");
    }

    /** Every revision, bases first, in topological order with ties broken by id: deterministic. */
    public List<RevisionNode> nodes() {
        throw new UnsupportedOperationException("pending");
    }

    /** The revision with exactly this id. */
    public Optional<RevisionNode> find(String id) {
        throw new UnsupportedOperationException("pending");
    }

    /** The revision with exactly this id; {@link UnknownRevisionException} with close matches otherwise. */
    public RevisionNode get(String id) {
        throw new UnsupportedOperationException("pending");
    }

    /** Revisions no other revision names as down revision, sorted by id. */
    public List<String> heads() {
        throw new UnsupportedOperationException("pending");
    }

    /** Revisions with no down revision, sorted by id. */
    public List<String> bases() {
        throw new UnsupportedOperationException("pending");
    }

    /** The revisions that name {@code id} as a down revision, sorted by id. */
    public List<String> upRevisions(String id) {
        throw new UnsupportedOperationException("pending");
    }

    /** The branch labels that apply to a revision: its own and those inherited as Alembic propagates them. */
    public List<String> branchLabelsOf(String id) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Resolves a target to revision ids, given the version table's current rows.
     * Accepts {@code head}, {@code heads}, {@code base}, a full or unique partial id, a
     * branch label, {@code +N}, {@code -N}, {@code <id>+N}, {@code <id>-N},
     * {@code <label>@head}, {@code <label>@base}, {@code <label>@+N}, {@code <label>@-N},
     * {@code <label>@<id>}. {@code base} resolves to the empty list.
     */
    public List<String> resolve(String target, Collection<String> current) {
        throw new UnsupportedOperationException("pending");
    }

    /** The steps that take a database whose version table holds {@code current} up to {@code target}. */
    public Plan upgradePlan(Collection<String> current, String target) {
        throw new UnsupportedOperationException("pending");
    }

    /** The steps that take a database whose version table holds {@code current} down to {@code target}. */
    public Plan downgradePlan(Collection<String> current, String target) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * The version-table rows that {@code stamp(targets)} writes: the resolved targets,
     * reduced so that no row is an ancestor of another. {@code "base"} or no target
     * gives the empty list.
     */
    public List<String> stampHeads(Collection<String> current, List<String> targets) {
        throw new UnsupportedOperationException("pending");
    }
}
