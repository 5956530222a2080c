package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.tools.Diagnostic;

/** A cycle: each revision on it is reported on the reference that leads along it, with the whole path. */
final class CycleRule implements GraphRule {

    @Override
    public void report(GraphProblem problem, Graph graph) {
        String path = String.join(" -> ", problem.related());
        for (RevisionDescriptor owner : graph.owners(problem.revision())) {
            graph.place().at(Diagnostic.Kind.ERROR, owner, edge(owner, problem.related()), Message.CYCLE,
                    owner.className(), owner.id().text(), path);
        }
    }

    /** The down revision or dependency of {@code owner} that leads to its successor on the cycle path. */
    private static AnnotationValue edge(RevisionDescriptor owner, List<String> path) {
        String id = owner.id().text();
        for (int i = 0; i < path.size() - 1; i++) {
            if (path.get(i).equals(id)) {
                for (String neighbour : List.of(path.get(i + 1), i > 0 ? path.get(i - 1) : path.get(path.size() - 2))) {
                    Optional<RevisionDescriptor.Entry> edge = RevisionDescriptor.find(owner.downRevisions(), neighbour)
                            .or(() -> RevisionDescriptor.find(owner.dependsOn(), neighbour));
                    if (edge.isPresent()) {
                        return edge.get().value();
                    }
                }
            }
        }
        return owner.id().value();
    }
}
