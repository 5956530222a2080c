package dev.retort.graph;

import java.util.List;

/** A target or reference names no revision and no branch label of the graph. */
public final class UnknownRevisionException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<String> closeMatches;

    public UnknownRevisionException(String target, List<String> closeMatches) {
        super("UNKNOWN_REVISION", "No such revision or branch '" + target + "'"
                + (closeMatches.isEmpty() ? "." : "; did you mean " + String.join(", ", closeMatches) + "?")
                + " Run 'retort history' to list the revisions.");
        this.target = target;
        this.closeMatches = List.copyOf(closeMatches);
    }

    /** The text that matched nothing. */
    public String target() {
        return target;
    }

    /** The existing ids closest to {@link #target()}, closest first. */
    public List<String> closeMatches() {
        return closeMatches;
    }
}
