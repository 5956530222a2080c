package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.List;
import javax.tools.Diagnostic;

/**
 * A {@code downRevision} or {@code dependsOn} naming no revision of the package: reported on
 * that very string, with the closest ids.
 */
final class UnknownReferenceRule implements GraphRule {

    @Override
    public void report(GraphProblem problem, Graph graph) {
        boolean down = problem.kind() == GraphProblem.Kind.UNKNOWN_DOWN_REVISION;
        String closest = problem.related().isEmpty() ? "" : "; the closest ids are " + String.join(", ", problem.related());
        for (RevisionDescriptor owner : graph.owners(problem.revision())) {
            List<RevisionDescriptor.Entry> entries = down ? owner.downRevisions() : owner.dependsOn();
            for (RevisionDescriptor.Entry entry : entries) {
                if (entry.text().equals(problem.value())) {
                    graph.place().at(Diagnostic.Kind.ERROR, owner, entry.value(),
                            down ? Message.UNKNOWN_DOWN_REVISION : Message.UNKNOWN_DEPENDENCY,
                            entry.text(), owner.className(), owner.id().text(), graph.packageName(), closest);
                }
            }
        }
    }
}
