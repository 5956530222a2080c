package dev.retort.graph;

import static dev.retort.graph.GraphFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import dev.retort.graph.GraphProblem.Kind;
import org.junit.jupiter.api.Test;

class GraphCheckTest {

    @Test
    void aHealthyGraphHasNoProblem() {
        assertThat(RevisionGraph.check(List.of(rev("a1"), rev("b2", "a1"), rev("c3", "b2")))).isEmpty();
        assertThat(RevisionGraph.check(List.of())).isEmpty();
    }

    @Test
    void duplicateIdIsReportedOnEachNodeCarryingIt() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(rev("a1"), rev("a1"), rev("b2", "a1")));
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::revision, GraphProblem::value)
                .containsExactly(tuple(Kind.DUPLICATE_ID, "a1", "a1"), tuple(Kind.DUPLICATE_ID, "a1", "a1"));
        assertThat(problems.get(0).message()).contains("'a1'", "2 revisions", "new id");
        assertThat(problems).allMatch(GraphProblem::isStructural);
    }

    @Test
    void invalidIds() {
        String tooLong = "a".repeat(33);
        List<GraphProblem> problems = RevisionGraph.check(List.of(rev(""), rev(tooLong), rev("ab-c"),
                rev("ok_1"), rev("x".repeat(32)))).stream().filter(p -> p.kind() == Kind.INVALID_ID).toList();
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::value)
                .containsExactly(tuple(Kind.INVALID_ID, ""), tuple(Kind.INVALID_ID, tooLong),
                        tuple(Kind.INVALID_ID, "ab-c"));
        assertThat(problems.get(0).message()).contains("empty id");
        assertThat(problems.get(1).message()).contains("33 characters", "at most 32");
        assertThat(problems.get(2).message()).contains("'-'", "letters, digits");
    }

    @Test
    void unknownDownRevisionSuggestsClosestIds() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(
                rev("ae1027a6acf"), rev("ae1027a6b00", "ae1027a6acf"), rev("zz9", "ae1027"),
                rev("q1", "ae1027a6acx")));
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::revision, GraphProblem::value)
                .containsExactly(tuple(Kind.UNKNOWN_DOWN_REVISION, "q1", "ae1027a6acx"),
                        tuple(Kind.UNKNOWN_DOWN_REVISION, "zz9", "ae1027"));
        // prefix matches come first, then small edit distances
        assertThat(problems.get(1).related()).containsExactly("ae1027a6acf", "ae1027a6b00");
        assertThat(problems.get(0).related()).startsWith("ae1027a6acf");
        assertThat(problems.get(1).message())
                .isEqualTo("Revision 'zz9' names down revision 'ae1027', which is not a revision of this graph. "
                        + "Did you mean ae1027a6acf, ae1027a6b00? Correct the id or add the missing revision.");
    }

    @Test
    void unknownDependencyAcceptsBranchLabels() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(
                labelled("a1", "accounts"), dependent("n1", List.of("accounts")),
                dependent("n2", List.of("acounts"), "n1")));
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::revision, GraphProblem::value)
                .containsExactly(tuple(Kind.UNKNOWN_DEPENDENCY, "n2", "acounts"));
        assertThat(problems.get(0).related()).containsExactly("accounts");
        assertThat(problems.get(0).message()).contains("depends on 'acounts'", "Did you mean accounts?");
    }

    @Test
    void cycleIsReportedOnEachMemberWithItsWholePath() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(
                rev("a", "b"), rev("b", "c"), rev("c", "a"), rev("d", "c")));
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::revision, GraphProblem::related)
                .containsExactly(
                        tuple(Kind.CYCLE, "a", List.of("a", "c", "b", "a")),
                        tuple(Kind.CYCLE, "b", List.of("b", "a", "c", "b")),
                        tuple(Kind.CYCLE, "c", List.of("c", "b", "a", "c")));
        // a names b as its downRevision, so history prints "b -> a": the cycle reads the same way
        assertThat(problems.get(0).message()).contains("a -> c -> b -> a", "break the cycle");
    }

    @Test
    void selfLoopAndDependencyCycle() {
        assertThat(RevisionGraph.check(List.of(rev("a", "a"))))
                .extracting(GraphProblem::kind, GraphProblem::related)
                .containsExactly(tuple(Kind.CYCLE, List.of("a", "a")));
        // a cycle closed through dependsOn counts too
        assertThat(RevisionGraph.check(List.of(rev("a"), rev("b", "a"), dependent("c", List.of("d"), "b"),
                rev("d", "c")))).extracting(GraphProblem::kind, GraphProblem::revision)
                .containsExactly(tuple(Kind.CYCLE, "c"), tuple(Kind.CYCLE, "d"));
    }

    @Test
    void branchLabelClashes() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(
                rev("a1"), labelled("b1", "web", "a1"), labelled("c1", "web", "a1"), labelled("d1", "a1", "b1")));
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::revision, GraphProblem::value,
                GraphProblem::related).containsExactly(
                tuple(Kind.DUPLICATE_BRANCH_LABEL, "b1", "web", List.of("c1")),
                tuple(Kind.DUPLICATE_BRANCH_LABEL, "c1", "web", List.of("b1")),
                tuple(Kind.BRANCH_LABEL_IS_REVISION_ID, "d1", "a1", List.of("a1")));
        assertThat(problems.get(0).message()).contains("'web'", "also declared by c1");
        assertThat(problems.get(2).message()).contains("'a1@head' would be ambiguous");
    }

    @Test
    void multipleUnlabelledHeadsNameEveryHeadAndTheMerge() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(rev("base1"), rev("a1", "base1"),
                rev("b2", "base1")));
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::revision, GraphProblem::related)
                .containsExactly(tuple(Kind.MULTIPLE_HEADS, "a1", List.of("a1", "b2")),
                        tuple(Kind.MULTIPLE_HEADS, "b2", List.of("a1", "b2")));
        assertThat(problems.get(0).message()).isEqualTo("Several heads: a1, b2. Merge them with a revision whose "
                + "downRevision = {\"a1\", \"b2\"}, or give each branch a branchLabels value.");
        assertThat(problems).noneMatch(GraphProblem::isStructural);
        // several heads are allowed by of(): the processor decides
        assertThat(graph(rev("base1"), rev("a1", "base1"), rev("b2", "base1")).heads()).containsExactly("a1", "b2");
    }

    @Test
    void labelledBranchesAreToldApartButAForkInsideALabelIsNot() {
        // Alembic's BranchedPathTest layout: c1branch and c2branch are deliberate.
        List<RevisionNode> labelledBranches = List.of(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"),
                rev("d1", "c1"), labelled("c2", "c2branch", "b"), rev("d2", "c2"));
        assertThat(RevisionGraph.check(labelledBranches)).isEmpty();

        List<RevisionNode> forked = new java.util.ArrayList<>(labelledBranches);
        forked.add(rev("e1", "c1"));
        assertThat(RevisionGraph.check(forked)).extracting(GraphProblem::kind, GraphProblem::revision,
                GraphProblem::related).containsExactly(
                tuple(Kind.MULTIPLE_HEADS, "d1", List.of("d1", "e1")),
                tuple(Kind.MULTIPLE_HEADS, "e1", List.of("d1", "e1")));
    }

    @Test
    void multipleBasesWithoutLabels() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(rev("a1"), rev("b1"), rev("c1", "a1", "b1")));
        assertThat(problems).extracting(GraphProblem::kind, GraphProblem::revision, GraphProblem::related)
                .containsExactly(tuple(Kind.MULTIPLE_BASES, "a1", List.of("a1", "b1")),
                        tuple(Kind.MULTIPLE_BASES, "b1", List.of("a1", "b1")));
        assertThat(problems.get(0).message()).startsWith("Several bases: a1, b1.").contains("branchLabels");
        // a labelled second base (Alembic's networking branch) is deliberate
        assertThat(RevisionGraph.check(List.of(rev("a1"), rev("a2", "a1"), labelled("n1", "networking"),
                rev("n2", "n1")))).isEmpty();
        // a base that depends on another revision is anchored, not independent
        assertThat(RevisionGraph.check(List.of(rev("a1"), dependent("b1", List.of("a1")),
                rev("m", "a1", "b1")))).isEmpty();
    }

    @Test
    void structuralProblemsAreAllReportedTogetherAndNothingCrashes() {
        List<GraphProblem> problems = RevisionGraph.check(List.of(rev("a1"), rev("a1"), rev("b-2", "a1"),
                rev("c3", "nope"), rev("x", "y"), rev("y", "x"), labelled("z", "x", "a1")));
        assertThat(problems).extracting(GraphProblem::kind).containsExactly(Kind.DUPLICATE_ID, Kind.DUPLICATE_ID,
                Kind.INVALID_ID, Kind.UNKNOWN_DOWN_REVISION, Kind.CYCLE, Kind.CYCLE,
                Kind.BRANCH_LABEL_IS_REVISION_ID);
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a1"), rev("b2", "zz"))))
                .isInstanceOfSatisfying(RevisionGraphException.class, e -> {
                    assertThat(e.problems()).extracting(GraphProblem::kind)
                            .containsExactly(Kind.UNKNOWN_DOWN_REVISION);
                    assertThat(e.getMessage()).contains("'zz'");
                    assertThat(e.code()).isEqualTo("INVALID_GRAPH");
                });
    }

    @Test
    void checkIsDeterministicWhateverTheInputOrder() {
        List<RevisionNode> nodes = List.of(rev("m", "k", "j"), rev("k", "q"), rev("j", "w"), rev("a", "zz"));
        List<RevisionNode> reversed = new java.util.ArrayList<>(nodes);
        java.util.Collections.reverse(reversed);
        assertThat(RevisionGraph.check(reversed)).isEqualTo(RevisionGraph.check(nodes));
    }

    @Test
    void effectiveLabelsFollowAlembicPropagation() {
        // Alembic docs, "Working with Branch Labels": shoppingcart applies to 27c6a30d7c24, its
        // descendants and its ancestors up to the preceding branch point 1975ea83b712 (excluded).
        RevisionGraph g = graph(rev("1975ea83b712"), labelled("27c6a30d7c24", "shoppingcart", "1975ea83b712"),
                rev("d747a8a8879", "27c6a30d7c24"), rev("ae1027a6acf", "1975ea83b712"));
        assertThat(g.branchLabelsOf("27c6a30d7c24")).containsExactly("shoppingcart");
        assertThat(g.branchLabelsOf("d747a8a8879")).containsExactly("shoppingcart");
        assertThat(g.branchLabelsOf("1975ea83b712")).isEmpty();
        assertThat(g.branchLabelsOf("ae1027a6acf")).isEmpty();
        // on a linear line the label reaches down to the base
        RevisionGraph linear = graph(rev("a"), rev("b", "a"), labelled("c", "main", "b"), rev("d", "c"));
        assertThat(linear.nodes()).allSatisfy(n -> assertThat(linear.branchLabelsOf(n.id())).containsExactly("main"));
        // ... but stops below a merge point
        RevisionGraph merged = graph(rev("a"), rev("b"), labelled("m", "main", "a", "b"), rev("n", "m"));
        assertThat(merged.branchLabelsOf("n")).containsExactly("main");
        assertThat(merged.branchLabelsOf("a")).isEmpty();
    }
}
