package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.tools.Diagnostic;

/**
 * One rule of a package's revision graph, as the processor reports it: {@link
 * dev.retort.graph.RevisionGraph#check} finds the problem, the rule places it on the
 * annotation values that cause it, with its message.
 */
interface GraphRule {

    /** Reports {@code problem} on each place it comes from. */
    void report(GraphProblem problem, Graph graph);

    /**
     * What every rule needs of the package being checked.
     *
     * @param packageName the package, as messages name it
     * @param byId the package's revisions by id (more than one where ids collide)
     * @param place reports a message once per place
     */
    record Graph(String packageName, Map<String, List<RevisionDescriptor>> byId, Placer place) {

        /** The revisions with {@code id}; none when no revision has it. */
        List<RevisionDescriptor> owners(String id) {
            return byId.getOrDefault(id, List.of());
        }

        /** {@code id (ClassName)} when one revision has the id, else the id. */
        String describe(String id) {
            List<RevisionDescriptor> owners = owners(id);
            return owners.size() == 1 ? id + " (" + owners.get(0).nameInPackage() + ")" : id;
        }
    }

    /** Reports one message at one annotation value (or the annotation, when null). */
    @FunctionalInterface
    interface Placer {
        void at(Diagnostic.Kind kind, RevisionDescriptor revision, AnnotationValue value, Message message,
                Object... args);
    }
}
