package dev.retort.processor;

import dev.retort.graph.GraphProblem;
import dev.retort.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules about a package's graph as a whole: unique and well-formed ids, known down
 * revisions and dependencies, no cycle, clean branch labels, one head and one base unless
 * labels tell them apart. The rules themselves live in {@link RevisionGraph#check}, the
 * one graph implementation; each {@link GraphRule} places its kind of {@link GraphProblem}
 * on the annotation value that causes it.
 */
final class GraphValidator {

    private final GraphRule duplicateId = new DuplicateIdRule();
    private final GraphRule invalidId = new InvalidIdRule();
    private final GraphRule unknownReference = new UnknownReferenceRule();
    private final GraphRule cycle = new CycleRule();
    private final GraphRule duplicateBranchLabel = new DuplicateBranchLabelRule();
    private final GraphRule branchLabelIsRevisionId = new BranchLabelIsRevisionIdRule();
    private final GraphRule multipleHeads;

    GraphValidator(MultipleHeadsPolicy policy) {
        this.multipleHeads = new MultipleHeadsRule(policy);
    }

    void validate(String packageName, List<RevisionDescriptor> revisions, Reporter reporter) {
        Map<String, List<RevisionDescriptor>> byId = new LinkedHashMap<>();
        for (RevisionDescriptor revision : revisions) {
            byId.computeIfAbsent(revision.id().text(), k -> new ArrayList<>()).add(revision);
        }
        List<GraphProblem> problems = RevisionGraph.check(revisions.stream().map(RevisionDescriptor::node).toList());
        // The graph may list a problem once per group or once per member; each place is reported once.
        Set<List<Object>> reported = new HashSet<>();
        GraphRule.Placer place = (kind, revision, value, message, args) -> {
            if (reported.add(List.of(message, revision.element(), value == null ? revision.mirror() : value))) {
                reporter.report(kind, revision, value, message, args);
            }
        };
        GraphRule.Graph graph = new GraphRule.Graph(
                packageName.isEmpty() ? "(the unnamed package)" : packageName, byId, place);
        for (GraphProblem problem : problems) {
            ruleFor(problem.kind()).report(problem, graph);
        }
    }

    /** The rule of each kind of problem; the switch fails to compile when a kind has none. */
    private GraphRule ruleFor(GraphProblem.Kind kind) {
        return switch (kind) {
            case DUPLICATE_ID -> duplicateId;
            case INVALID_ID -> invalidId;
            case UNKNOWN_DOWN_REVISION, UNKNOWN_DEPENDENCY -> unknownReference;
            case CYCLE -> cycle;
            case DUPLICATE_BRANCH_LABEL -> duplicateBranchLabel;
            case BRANCH_LABEL_IS_REVISION_ID -> branchLabelIsRevisionId;
            case MULTIPLE_HEADS, MULTIPLE_BASES -> multipleHeads;
        };
    }
}
