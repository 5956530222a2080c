package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/**
 * More than one head or base not told apart by branch labels: reported on each of them at the
 * severity {@code -Aretort.multipleHeads} asks for (none when it allows them), naming them all
 * and, for heads, the merge that joins them.
 */
final class MultipleHeadsRule implements GraphRule {

    private final MultipleHeadsPolicy policy;

    MultipleHeadsRule(MultipleHeadsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void report(GraphProblem problem, Graph graph) {
        Optional<Diagnostic.Kind> kind = policy.kind();
        if (kind.isEmpty()) {
            return;
        }
        boolean heads = problem.kind() == GraphProblem.Kind.MULTIPLE_HEADS;
        List<String> group = problem.related().isEmpty() ? List.of(problem.revision()) : problem.related();
        String listed = group.stream().map(graph::describe).collect(Collectors.joining(", "));
        String merge = group.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "{", "}"));
        for (String id : group) {
            for (RevisionDescriptor owner : graph.owners(id)) {
                if (heads) {
                    graph.place().at(kind.get(), owner, owner.id().value(), Message.MULTIPLE_HEADS,
                            graph.packageName(), group.size(), listed, owner.className(), id, merge);
                } else {
                    graph.place().at(kind.get(), owner, owner.id().value(), Message.MULTIPLE_BASES,
                            graph.packageName(), group.size(), listed, owner.className(), id);
                }
            }
        }
    }
}
