package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import dev.retort.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.tools.Diagnostic;

/**
 * The rules about a package's graph as a whole: unique and well-formed ids, known down
 * revisions and dependencies, no cycle, clean branch labels, one head and one base unless
 * labels tell them apart. The rules themselves live in {@link RevisionGraph#check}, the
 * one graph implementation; this class only places each {@link GraphProblem} on the
 * annotation value that causes it.
 */
final class GraphValidator {

    private final MultipleHeadsPolicy policy;

    GraphValidator(MultipleHeadsPolicy policy) {
        this.policy = policy;
    }

    void validate(String packageName, List<RevisionDescriptor> revisions, Reporter reporter) {
        Map<String, List<RevisionDescriptor>> byId = new LinkedHashMap<>();
        for (RevisionDescriptor revision : revisions) {
            byId.computeIfAbsent(revision.id().text(), k -> new ArrayList<>()).add(revision);
        }
        List<GraphProblem> problems = RevisionGraph.check(revisions.stream().map(RevisionDescriptor::node).toList());
        // The graph may list a problem once per group or once per member; each place is reported once.
        Set<List<Object>> reported = new HashSet<>();
        Placer place = (kind, revision, value, message, args) -> {
            if (reported.add(List.of(message, revision.element(), value == null ? revision.mirror() : value))) {
                reporter.report(kind, revision, value, message, args);
            }
        };
        for (GraphProblem problem : problems) {
            List<RevisionDescriptor> owners = byId.getOrDefault(problem.revision(), List.of());
            switch (problem.kind()) {
                case DUPLICATE_ID -> {
                    for (RevisionDescriptor owner : owners) {
                        String others = owners.stream().filter(o -> o != owner)
                                .map(RevisionDescriptor::className).collect(Collectors.joining(", "));
                        place.at(Diagnostic.Kind.ERROR, owner, owner.id().value(), Message.DUPLICATE_ID,
                                owner.id().text(), owner.className(), others, packageName(packageName));
                    }
                }
                case INVALID_ID -> {
                    for (RevisionDescriptor owner : owners) {
                        place.at(Diagnostic.Kind.ERROR, owner, owner.id().value(), Message.INVALID_ID,
                                owner.id().text(), owner.className(), invalidIdReason(owner.id().text()));
                    }
                }
                case UNKNOWN_DOWN_REVISION, UNKNOWN_DEPENDENCY -> {
                    boolean down = problem.kind() == GraphProblem.Kind.UNKNOWN_DOWN_REVISION;
                    String closest = problem.related().isEmpty() ? ""
                            : "; the closest ids are " + String.join(", ", problem.related());
                    for (RevisionDescriptor owner : owners) {
                        List<RevisionDescriptor.Entry> entries = down ? owner.downRevisions() : owner.dependsOn();
                        for (RevisionDescriptor.Entry entry : entries) {
                            if (entry.text().equals(problem.value())) {
                                place.at(Diagnostic.Kind.ERROR, owner, entry.value(),
                                        down ? Message.UNKNOWN_DOWN_REVISION : Message.UNKNOWN_DEPENDENCY,
                                        entry.text(), owner.className(), owner.id().text(),
                                        packageName(packageName), closest);
                            }
                        }
                    }
                }
                case CYCLE -> {
                    String path = String.join(" -> ", problem.related());
                    for (RevisionDescriptor owner : owners) {
                        place.at(Diagnostic.Kind.ERROR, owner, cycleEdge(owner, problem.related()), Message.CYCLE,
                                owner.className(), owner.id().text(), path);
                    }
                }
                case DUPLICATE_BRANCH_LABEL -> {
                    List<String> ownerIds = new ArrayList<>();
                    ownerIds.add(problem.revision());
                    ownerIds.addAll(problem.related());
                    List<RevisionDescriptor> declaring = ownerIds.stream().distinct()
                            .flatMap(id -> byId.getOrDefault(id, List.of()).stream())
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
                                place.at(Diagnostic.Kind.ERROR, owner, entry.value(), Message.DUPLICATE_BRANCH_LABEL,
                                        entry.text(), owner.className(), owner.id().text(), others);
                            }
                        }
                    }
                }
                case BRANCH_LABEL_IS_REVISION_ID -> {
                    String idOwner = describe(problem.value(), byId);
                    for (RevisionDescriptor owner : owners) {
                        Optional<RevisionDescriptor.Entry> entry =
                                RevisionDescriptor.find(owner.branchLabels(), problem.value());
                        if (entry.isPresent()) {
                            place.at(Diagnostic.Kind.ERROR, owner, entry.get().value(),
                                    Message.BRANCH_LABEL_IS_REVISION_ID, problem.value(), owner.className(),
                                    owner.id().text(), idOwner, problem.value() + "@head");
                        }
                    }
                }
                case MULTIPLE_HEADS, MULTIPLE_BASES -> {
                    Optional<Diagnostic.Kind> kind = policy.kind();
                    if (kind.isEmpty()) {
                        continue;
                    }
                    boolean heads = problem.kind() == GraphProblem.Kind.MULTIPLE_HEADS;
                    List<String> group = problem.related().isEmpty() ? List.of(problem.revision()) : problem.related();
                    String listed = group.stream().map(id -> describe(id, byId)).collect(Collectors.joining(", "));
                    String merge = group.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "{", "}"));
                    for (String id : group) {
                        for (RevisionDescriptor owner : byId.getOrDefault(id, List.of())) {
                            if (heads) {
                                place.at(kind.get(), owner, owner.id().value(), Message.MULTIPLE_HEADS,
                                        packageName(packageName), group.size(), listed, owner.className(), id, merge);
                            } else {
                                place.at(kind.get(), owner, owner.id().value(), Message.MULTIPLE_BASES,
                                        packageName(packageName), group.size(), listed, owner.className(), id);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The down revision or dependency of {@code owner} that leads to its successor on the cycle path. */
    private static AnnotationValue cycleEdge(RevisionDescriptor owner, List<String> path) {
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

    private static String describe(String id, Map<String, List<RevisionDescriptor>> byId) {
        List<RevisionDescriptor> owners = byId.getOrDefault(id, List.of());
        return owners.size() == 1 ? id + " (" + owners.get(0).nameInPackage() + ")" : id;
    }

    private static String invalidIdReason(String id) {
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

    private static String packageName(String packageName) {
        return packageName.isEmpty() ? "(the unnamed package)" : packageName;
    }

    @FunctionalInterface
    private interface Placer {
        void at(Diagnostic.Kind kind, RevisionDescriptor revision, AnnotationValue value, Message message,
                Object... args);
    }
}
