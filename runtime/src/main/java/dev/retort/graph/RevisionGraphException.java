package dev.retort.graph;

import java.util.List;
import java.util.stream.Collectors;

/** The revisions do not form a valid graph: duplicated ids, unknown references, a cycle. */
public final class RevisionGraphException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final List<GraphProblem> problems;

    public RevisionGraphException(List<GraphProblem> problems) {
        super("INVALID_GRAPH", "The revision graph is invalid:\n" + problems.stream()
                .map(p -> "  - " + p.message())
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in a deterministic order. */
    public List<GraphProblem> problems() {
        return problems;
    }
}
