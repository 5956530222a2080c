package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/** A branch label declared twice: reported on each declaration, naming the other revisions. */
final class DuplicateBranchLabelRule implements GraphRule {

    @Override
    public void report(GraphProblem problem, Graph graph) {
        List<String> ownerIds = new ArrayList<>();
        ownerIds.add(problem.revision());
        ownerIds.addAll(problem.related());
        List<RevisionDescriptor> declaring = ownerIds.stream().distinct()
                .flatMap(id -> graph.owners(id).stream())
                .filter(r -> RevisionDescriptor.find(r.branchLabels(), problem.value()).isPresent())
                .toList();
        for (RevisionDescriptor owner : declaring) {
            String others = declaring.stream().filter(o -> o != owner)
                    .map(o -> o.className() + " (id \"" + o.id().text() + "\")")
                    .collect(Collectors.joining(", "));
            if (others.isEmpty()) {
                others = "this same revision";
            }
            for (RevisionDescriptor.Entry entry : owner.branchLabels()) {
                if (entry.text().equals(problem.value())) {
                    graph.place().at(Diagnostic.Kind.ERROR, owner, entry.value(), Message.DUPLICATE_BRANCH_LABEL,
                            entry.text(), owner.className(), owner.id().text(), others);
                }
            }
        }
    }
}
