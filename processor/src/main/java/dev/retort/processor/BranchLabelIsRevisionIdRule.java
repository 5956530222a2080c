package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.Optional;
import javax.tools.Diagnostic;

/** A branch label that is also a revision id, which would make targets ambiguous. */
final class BranchLabelIsRevisionIdRule implements GraphRule {

    @Override
    public void report(GraphProblem problem, Graph graph) {
        String idOwner = graph.describe(problem.value());
        for (RevisionDescriptor owner : graph.owners(problem.revision())) {
            Optional<RevisionDescriptor.Entry> entry = RevisionDescriptor.find(owner.branchLabels(), problem.value());
            if (entry.isPresent()) {
                graph.place().at(Diagnostic.Kind.ERROR, owner, entry.get().value(), Message.BRANCH_LABEL_IS_REVISION_ID,
                        problem.value(), owner.className(), owner.id().text(), idOwner, problem.value() + "@head");
            }
        }
    }
}
