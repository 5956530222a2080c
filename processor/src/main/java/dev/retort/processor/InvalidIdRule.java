package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/** An id that is empty, too long or uses characters outside {@code [A-Za-z0-9_]}; the message says which. */
final class InvalidIdRule implements GraphRule {

    @Override
    public void report(GraphProblem problem, Graph graph) {
        for (RevisionDescriptor owner : graph.owners(problem.revision())) {
            graph.place().at(Diagnostic.Kind.ERROR, owner, owner.id().value(), Message.INVALID_ID,
                    owner.id().text(), owner.className(), reason(owner.id().text()));
        }
    }

    private static String reason(String id) {
        if (id.isEmpty()) {
            return "empty";
        }
        if (id.length() > 32) {
            return id.length() + " characters long";
        }
        String bad = id.chars().filter(c -> !isIdChar(c)).distinct()
                .mapToObj(c -> "'" + (char) c + "'").collect(Collectors.joining(", "));
        return bad.isEmpty() ? "malformed" : "using " + bad;
    }

    private static boolean isIdChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
