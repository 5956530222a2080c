package dev.retort.graph;

import java.util.List;

/** A target such as {@code head} names one revision, but the graph (or branch) has several heads. */
public final class MultipleHeadsException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<String> heads;

    public MultipleHeadsException(String target, List<String> heads) {
        super("MULTIPLE_HEADS", "Target '" + target + "' is ambiguous: there are several heads ("
                + String.join(", ", heads) + "). Use 'heads' to reach all of them, '<branch>@head' "
                + "for one branch, or merge them with a revision whose downRevision lists them all.");
        this.target = target;
        this.heads = List.copyOf(heads);
    }

    public String target() {
        return target;
    }

    /** Every head the target could mean, sorted. */
    public List<String> heads() {
        return heads;
    }
}
