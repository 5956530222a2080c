package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders for revision nodes in tests. */
final class GraphFixtures {

    private GraphFixtures() {
    }

    static RevisionNode rev(String id, String... down) {
        return RevisionNode.of(id, down);
    }

    static RevisionNode labelled(String id, String label, String... down) {
        return new RevisionNode(id, List.of(down), List.of(label), List.of(), "");
    }

    static RevisionNode dependent(String id, List<String> dependsOn, String... down) {
        return new RevisionNode(id, List.of(down), List.of(), dependsOn, "");
    }

    static RevisionGraph graph(RevisionNode... nodes) {
        return RevisionGraph.of(Arrays.asList(nodes));
    }

    /** A linear chain r0 <- r1 <- ... of the given length. */
    static List<RevisionNode> chain(String prefix, int length) {
        List<RevisionNode> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(i == 0 ? RevisionNode.of(prefix + i) : RevisionNode.of(prefix + i, prefix + (i - 1)));
        }
        return out;
    }

    static List<String> revisions(Plan plan) {
        return plan.steps().stream().map(s -> s.revision().id()).toList();
    }

    /** Each step as "up x: [rows] -> [rows]" / "down x: ...", for compact assertions of the version-table rows. */
    static List<String> transitions(Plan plan) {
        return plan.steps().stream().map(s -> (s.direction() == Direction.UPGRADE ? "up " : "down ")
                + s.revision().id() + ": " + s.headsBefore() + " -> " + s.headsAfter()).toList();
    }
}
