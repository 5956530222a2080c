package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/** Two revisions of a package share an id: each is reported on its own {@code id}, naming the others. */
final class DuplicateIdRule implements GraphRule {

    @Override
    public void report(GraphProblem problem, Graph graph) {
        var owners = graph.owners(problem.revision());
        for (RevisionDescriptor owner : owners) {
            String others = owners.stream().filter(o -> o != owner)
                    .map(RevisionDescriptor::className).collect(Collectors.joining(", "));
            graph.place().at(Diagnostic.Kind.ERROR, owner, owner.id().value(), Message.DUPLICATE_ID,
                    owner.id().text(), owner.className(), others, graph.packageName());
        }
    }
}
