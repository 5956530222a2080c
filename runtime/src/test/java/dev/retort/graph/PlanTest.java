package dev.retort.graph;

import static dev.retort.graph.GraphFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Upgrade and downgrade plans. Each nested class reproduces a fixture of Alembic's
 * tests/test_version_traversal.py and pins the revisions it runs, their order and the
 * version-table rows HeadMaintainer leaves after each step.
 */
class PlanTest {

    /** RevisionPathTest: a linear chain a -> b -> c -> d -> e with Alembic's ids. */
    @Nested
    class Linear {
        final String a = "e6239818bb3a";
        final String b = "548bbb905360";
        final String c = "b7ea43dc85e4";
        final String d = "1bbe33445780";
        final String e = "3975fb1a0125";
        final RevisionGraph g = graph(rev(a), rev(b, a), rev(c, b), rev(d, c), rev(e, d));

        @Test
        void upgradePath() {
            Plan plan = g.upgradePlan(List.of(c), e);
            assertThat(transitions(plan)).containsExactly(
                    "up " + d + ": [" + c + "] -> [" + d + "]", "up " + e + ": [" + d + "] -> [" + e + "]");
            assertThat(plan.headsAfter()).containsExactly(e);
            assertThat(revisions(g.upgradePlan(List.of(), c))).containsExactly(a, b, c);
            assertThat(transitions(g.upgradePlan(List.of(), c)).get(0)).isEqualTo("up " + a + ": [] -> [" + a + "]");
            assertThat(revisions(g.upgradePlan(List.of(), "head"))).containsExactly(a, b, c, d, e);
            assertThat(g.upgradePlan(List.of(e), "head").isEmpty()).isTrue();
            assertThat(g.upgradePlan(List.of(e), "head").headsAfter()).containsExactly(e);
        }

        @Test
        void relativeUpgrade() {
            assertThat(revisions(g.upgradePlan(List.of(a), "+2"))).containsExactly(b, c);
            assertThat(revisions(g.upgradePlan(List.of(a), "+1"))).containsExactly(b);
            assertThat(revisions(g.upgradePlan(List.of(b), "+3"))).containsExactly(c, d, e);
            assertThat(revisions(g.upgradePlan(List.of(a), b + "+2"))).containsExactly(b, c, d);
            assertThat(revisions(g.upgradePlan(List.of(a), d + "-2"))).containsExactly(b);
            assertThat(revisions(g.upgradePlan(List.of(), "+1"))).containsExactly(a);
            assertThat(revisions(g.upgradePlan(List.of(), "base+1"))).containsExactly(a);
        }

        @Test
        void invalidRelativeUpgrade() {
            assertThatThrownBy(() -> g.upgradePlan(List.of(b), "-2"))
                    .isInstanceOf(InvalidTargetException.class).hasMessageContaining("downgrade -2");
            assertThatThrownBy(() -> g.upgradePlan(List.of(b), "+5"))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("Relative revision +5 didn't produce 5 migrations")
                    .hasMessageContaining("at most 3 steps up");
        }

        @Test
        void upgradeToAnAncestorDoesNothingAsInAlembic() {
            // Alembic's upgrade collects with implicit_base: an ancestor target needs nothing.
            assertThat(g.upgradePlan(List.of(d), b).steps()).isEmpty();
            assertThat(g.upgradePlan(List.of(d), "base").headsAfter()).containsExactly(d);
        }

        @Test
        void downgradePath() {
            Plan plan = g.downgradePlan(List.of(e), c);
            assertThat(transitions(plan)).containsExactly(
                    "down " + e + ": [" + e + "] -> [" + d + "]", "down " + d + ": [" + d + "] -> [" + c + "]");
            Plan toBase = g.downgradePlan(List.of(c), "base");
            assertThat(revisions(toBase)).containsExactly(c, b, a);
            assertThat(transitions(toBase).get(2)).isEqualTo("down " + a + ": [" + a + "] -> []");
            assertThat(toBase.headsAfter()).isEmpty();
            assertThat(toBase.steps().get(2).to()).isEmpty();
            assertThat(toBase.steps().get(0).from()).containsExactly(c);
        }

        @Test
        void relativeDowngrade() {
            assertThat(g.downgradePlan(List.of(c), "-1").headsAfter()).containsExactly(b);
            assertThat(revisions(g.downgradePlan(List.of(c), "-1"))).containsExactly(c);
            assertThat(revisions(g.downgradePlan(List.of(e), "-3"))).containsExactly(e, d, c);
            assertThat(revisions(g.downgradePlan(List.of(d), a + "+2"))).containsExactly(d);
            Plan p = g.downgradePlan(List.of(d), c + "-2");
            assertThat(revisions(p)).containsExactly(d, c, b);
            assertThat(p.headsAfter()).containsExactly(a);
            // test_downgrade_minus1_to_base
            assertThat(g.downgradePlan(List.of(a), "-1").headsAfter()).isEmpty();
        }

        @Test
        void invalidDowngrades() {
            assertThatThrownBy(() -> g.downgradePlan(List.of(b), "-5"))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("Relative revision -5 didn't produce 5 migrations")
                    .hasMessageContaining("at most 2 steps down");
            assertThatThrownBy(() -> g.downgradePlan(List.of(b), "+2"))
                    .isInstanceOf(InvalidTargetException.class).hasMessageContaining("upgrade +2");
            assertThatThrownBy(() -> g.downgradePlan(List.of(), "-1")).isInstanceOf(InvalidTargetException.class);
            // test_invalid_move_rev_to_none / test_invalid_move_higher_to_lower
            assertThatThrownBy(() -> g.downgradePlan(List.of(), b.substring(0, 4)))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("is not a valid downgrade target");
            assertThatThrownBy(() -> g.downgradePlan(List.of(b), c.substring(0, 4)))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("Revision " + c + " is not a valid downgrade target");
        }

        @Test
        void downgradeToWhereTheDatabaseIsDoesNothing() {
            assertThat(g.downgradePlan(List.of(), "base").steps()).isEmpty();
            assertThat(g.downgradePlan(List.of(a), a).headsAfter()).containsExactly(a);
            assertThat(g.downgradePlan(List.of(e), e).steps()).isEmpty();
        }

        @Test
        void stampToBase() {
            assertThat(g.stampHeads(List.of(d), List.of("base"))).isEmpty();
            assertThat(g.stampHeads(List.of(d), List.of(b))).containsExactly(b);
            assertThat(g.stampHeads(List.of(), List.of(c))).containsExactly(c);
        }
    }

    /** BranchedPathTest: a -> b, then b -> c1 -> d1 (c1branch) and b -> c2 -> d2 (c2branch). */
    @Nested
    class Branched {
        final RevisionGraph g = graph(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("d1", "c1"),
                labelled("c2", "c2branch", "b"), rev("d2", "c2"));

        @Test
        void upgradeSingleBranch() {
            assertThat(transitions(g.upgradePlan(List.of("b"), "d1")))
                    .containsExactly("up c1: [b] -> [c1]", "up d1: [c1] -> [d1]");
        }

        @Test
        void upgradeFromOneHeadToSeveral() {
            // test_upgrade_multiple_branch, same order as Alembic: one branch finished before the next
            assertThat(transitions(g.upgradePlan(List.of("a"), "heads"))).containsExactly(
                    "up b: [a] -> [b]", "up c2: [b] -> [c2]", "up d2: [c2] -> [d2]",
                    "up c1: [d2] -> [c1, d2]", "up d1: [c1, d2] -> [d1, d2]");
        }

        @Test
        void downgradeSeveralBranches() {
            Plan plan = g.downgradePlan(List.of("d1", "d2"), "a");
            assertThat(transitions(plan)).containsExactly(
                    "down d1: [d1, d2] -> [c1, d2]", "down c1: [c1, d2] -> [d2]",
                    "down d2: [d2] -> [c2]", "down c2: [c2] -> [b]", "down b: [b] -> [a]");
        }

        @Test
        void relativeWithLabels() {
            assertThat(transitions(g.upgradePlan(List.of("b"), "c2branch@head-1")))
                    .containsExactly("up c2: [b] -> [c2]");
            assertThat(revisions(g.downgradePlan(List.of("d2", "d1"), "base+2"))).containsExactly("d1", "c1", "d2",
                    "c2");
            // test_relative_downgrade_branchplus2: only c2branch goes down to base+2 = b
            Plan p = g.downgradePlan(List.of("d2", "d1"), "c2branch@base+2");
            assertThat(revisions(p)).containsExactly("d2", "c2");
            assertThat(p.headsAfter()).containsExactly("d1");
            assertThat(g.downgradePlan(List.of("d2", "d1"), "c2branch@base+3").headsAfter())
                    .containsExactly("c2", "d1");
            assertThat(g.downgradePlan(List.of("d2", "d1"), "c2").headsAfter()).containsExactly("c2", "d1");
            assertThat(transitions(g.downgradePlan(List.of("d1", "d2"), "c1branch@-1")))
                    .containsExactly("down d1: [d1, d2] -> [c1, d2]");
            assertThat(g.downgradePlan(List.of("d1", "d2"), "c1branch@head-1").headsAfter())
                    .containsExactly("c1", "d2");
            assertThat(g.downgradePlan(List.of("d2", "c1"), "d2-1").headsAfter()).containsExactly("c1", "c2");
        }

        @Test
        void downgradeOneBranchNamedByLabelOrRevision() {
            assertThat(transitions(g.downgradePlan(List.of("c1", "d2"), "c1branch@b")))
                    .containsExactly("down c1: [c1, d2] -> [d2]");
            assertThat(revisions(g.downgradePlan(List.of("c1", "d2"), "c2branch@b"))).containsExactly("d2", "c2");
            assertThat(g.downgradePlan(List.of("d1", "d2"), "c2@b").headsAfter()).containsExactly("d1");
            assertThat(g.downgradePlan(List.of("d1", "d2"), "d1@b").headsAfter()).containsExactly("d2");
        }

        @Test
        void upgradeOneBranch() {
            // test_upgrade_other_branch_from_mergepoint / test_upgrade_one_branch_of_heads
            assertThat(transitions(g.upgradePlan(List.of("c1"), "c2branch@+1")))
                    .containsExactly("up c2: [c1] -> [c1, c2]");
            assertThat(transitions(g.upgradePlan(List.of("c1", "c2"), "c2branch@+1")))
                    .containsExactly("up d2: [c1, c2] -> [c1, d2]");
            assertThatThrownBy(() -> g.upgradePlan(List.of("c1", "c2"), "+1"))
                    .isInstanceOf(InvalidTargetException.class).hasMessageContaining("several current revisions");
            assertThat(transitions(g.upgradePlan(List.of("d1"), "c2branch@head")))
                    .containsExactly("up c2: [d1] -> [c2, d1]", "up d2: [c2, d1] -> [d1, d2]");
        }

        @Test
        void upgradeHeadNeedsALabel() {
            assertThatThrownBy(() -> g.upgradePlan(List.of("b"), "head"))
                    .isInstanceOfSatisfying(MultipleHeadsException.class,
                            e -> assertThat(e.heads()).containsExactly("d1", "d2"));
        }

        @Test
        void downgradeWithNoEffect() {
            assertThat(g.downgradePlan(List.of("d1", "c2"), "c2").steps()).isEmpty();
            assertThat(g.downgradePlan(List.of("d1", "c2"), "d1").headsAfter()).containsExactly("c2", "d1");
        }

        @Test
        void stamp() {
            assertThat(g.stampHeads(List.of("d1", "c2"), List.of("b"))).containsExactly("b");
            assertThat(g.stampHeads(List.of("d1", "c2"), List.of("c1branch@base"))).containsExactly("c2");
            assertThat(g.stampHeads(List.of("d1", "c2"), List.of("c2branch@head"))).containsExactly("d1", "d2");
        }
    }

    /** BranchFromMergepointTest and BranchFrom3WayMergepointTest. */
    @Nested
    class Mergepoints {

        @Test
        void mergepointToOnlyOneSide() {
            RevisionGraph g = graph(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
                    rev("c2", "b2"), rev("d1", "c1", "c2"), rev("d2", "c2"));
            assertThat(transitions(g.upgradePlan(List.of("d2", "b1"), "d1")))
                    .containsExactly("up c1: [b1, d2] -> [c1, d2]", "up d1: [c1, d2] -> [d1, d2]");
            assertThat(transitions(g.downgradePlan(List.of("d2", "d1"), "b1")))
                    .containsExactly("down d1: [d1, d2] -> [c1, d2]", "down c1: [c1, d2] -> [b1, d2]");
        }

        @Test
        void threeWayMergepoint() {
            RevisionGraph g = graph(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
                    rev("c2", "b2"), rev("a3"), rev("b3", "a3"), rev("c3", "b3"), rev("d1", "c1", "c2", "c3"),
                    rev("d2", "c2"), rev("d3", "c3"));
            assertThat(transitions(g.upgradePlan(List.of("d3", "b2", "b1"), "d1"))).containsExactly(
                    "up c2: [b1, b2, d3] -> [b1, c2, d3]", "up c1: [b1, c2, d3] -> [c1, c2, d3]",
                    "up d1: [c1, c2, d3] -> [d1, d3]");
            // b2's line breaks out again when it continues past the merge
            assertThat(transitions(g.upgradePlan(List.of("d3", "d1"), "d2")))
                    .containsExactly("up d2: [d1, d3] -> [d1, d2, d3]");
            assertThat(g.downgradePlan(List.of("d3", "d2", "d1"), "b1").headsAfter())
                    .containsExactly("b1", "d2", "d3");
        }

        @Test
        void twinMerge() {
            // TwinMergeTest (#297): two merge points of the same three branches
            RevisionGraph g = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
                    rev("c1", "b1", "b2", "b3"), rev("c2", "b1", "b2", "b3"), rev("d1", "c1"), rev("d2", "c2"));
            assertThat(transitions(g.upgradePlan(List.of("a"), "heads"))).containsExactly(
                    "up b3: [a] -> [b3]", "up b2: [b3] -> [b2, b3]", "up b1: [b2, b3] -> [b1, b2, b3]",
                    "up c2: [b1, b2, b3] -> [c2]", "up d2: [c2] -> [d2]", "up c1: [d2] -> [c1, d2]",
                    "up d1: [c1, d2] -> [d1, d2]");
            Plan down = g.downgradePlan(List.of("d1", "d2"), "a");
            assertThat(revisions(down)).containsExactly("d1", "c1", "d2", "c2", "b1", "b2", "b3");
            assertThat(transitions(down).get(3)).isEqualTo("down c2: [c2] -> [b1, b2, b3]");
        }

        @Test
        void mergedPath() {
            // MergedPathTest: b branches into c1 -> d1 and c2 -> d2 (c2branch), merged by e, then f
            RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("d1", "c1"),
                    labelled("c2", "c2branch", "b"), rev("d2", "c2"), rev("e", "d1", "d2"), rev("f", "e"));
            assertThat(transitions(g.upgradePlan(List.of("b"), "f"))).containsExactly(
                    "up c2: [b] -> [c2]", "up d2: [c2] -> [d2]", "up c1: [d2] -> [c1, d2]",
                    "up d1: [c1, d2] -> [d1, d2]", "up e: [d1, d2] -> [e]", "up f: [e] -> [f]");
            assertThat(transitions(g.downgradePlan(List.of("f"), "b"))).containsExactly(
                    "down f: [f] -> [e]", "down e: [e] -> [d1, d2]", "down d1: [d1, d2] -> [c1, d2]",
                    "down c1: [c1, d2] -> [d2]", "down d2: [d2] -> [c2]", "down c2: [c2] -> [b]");
            assertThat(g.stampHeads(List.of("e"), List.of("c2"))).containsExactly("c2");
            assertThat(g.stampHeads(List.of("e"), List.of("a"))).containsExactly("a");
            assertThat(g.stampHeads(List.of("c2"), List.of("e"))).containsExactly("e");
            assertThat(g.stampHeads(List.of("d1", "c2"), List.of("c2branch@head"))).containsExactly("f");
            assertThat(g.stampHeads(List.of("d1", "c2"), List.of("e"))).containsExactly("e");
            assertThat(g.stampHeads(List.of("b"), List.of("e"))).containsExactly("e");
        }

        @Test
        void forest() {
            // ForestTest: two independent roots
            RevisionGraph g = graph(rev("a1"), rev("b1", "a1"), rev("a2"), rev("b2", "a2"));
            assertThat(transitions(g.upgradePlan(List.of(), "heads"))).containsExactly(
                    "up a2: [] -> [a2]", "up b2: [a2] -> [b2]", "up a1: [b2] -> [a1, b2]",
                    "up b1: [a1, b2] -> [b1, b2]");
            assertThat(g.stampHeads(List.of(), List.of("heads"))).containsExactly("b1", "b2");
            assertThat(g.stampHeads(List.of("b1", "b2"), List.of("heads"))).containsExactly("b1", "b2");
            assertThat(transitions(g.downgradePlan(List.of("b1", "b2"), "base"))).containsExactly(
                    "down b1: [b1, b2] -> [a1, b2]", "down a1: [a1, b2] -> [b2]", "down b2: [b2] -> [a2]",
                    "down a2: [a2] -> []");
        }
    }

    /** The messages a user gets for the downgrades that cannot run: each says what works instead. */
    @Nested
    class DowngradeMessages {
        // a -> b1 -> m and a -> c1 -> m (a merge point), then m -> d; x depends on a, apart
        final RevisionGraph g = graph(rev("a"), labelled("b1", "left", "a"), labelled("c1", "right", "a"),
                rev("m", "b1", "c1"), rev("d", "m"), dependent("x", List.of("a")));

        @Test
        void minusOneFromAMergePointNamesTheParentsToGoTo() {
            assertThatThrownBy(() -> g.downgradePlan(List.of("m"), "-1"))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("revision m is a merge point with down revisions b1, c1")
                    .hasMessageContaining("Run 'downgrade b1' or 'downgrade c1'");
            // the commands it names work: the merge is undone and both parents are current
            assertThat(transitions(g.downgradePlan(List.of("m"), "b1"))).containsExactly("down m: [m] -> [b1, c1]");
            assertThat(g.downgradePlan(List.of("m"), "c1").headsAfter()).containsExactly("b1", "c1");
        }

        @Test
        void minusTwoThroughAMergePointNamesTheRemainingSteps() {
            assertThatThrownBy(() -> g.downgradePlan(List.of("d"), "-3"))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("Run 'downgrade b1-1' or 'downgrade c1-1'");
            assertThat(g.downgradePlan(List.of("d"), "b1-1").headsAfter()).containsExactly("a");
        }

        @Test
        void aTargetAboveTheDatabaseIsNotAnAncestorAsInAlembic() {
            assertThatThrownBy(() -> g.downgradePlan(List.of("b1"), "d"))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessage("Revision d is not a valid downgrade target from the current heads (b1): it is not an "
                            + "ancestor of them; it is not applied. Use 'upgrade d' to move to it, or pick a revision "
                            + "that 'history --indicate-current' shows below the current one.");
            assertThatThrownBy(() -> g.downgradePlan(List.of("b1"), "c1"))
                    .isInstanceOf(InvalidTargetException.class).hasMessageContaining("not an ancestor");
        }

        @Test
        void aTargetAppliedOnlyAsADependencyIsNotAnAncestorEither() {
            // x's row implies a; downgrading "to a" would drop nothing, which Alembic refuses
            assertThatThrownBy(() -> g.downgradePlan(List.of("x"), "a"))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("Revision a is not a valid downgrade target from the current heads (x): it "
                            + "is not an ancestor of them; it is applied only because a current revision depends on it");
            // where the database is, a downgrade does nothing, as in Alembic
            assertThat(g.downgradePlan(List.of("d"), "d").steps()).isEmpty();
        }
    }

    /** The DependsOn* fixtures: rows implied by a dependency are not kept, and come back when needed. */
    @Nested
    class DependsOn {

        @Test
        void downgradeToADependencyDeletesTheRow() {
            // DependsOnBranchTestOne: c2 depends on c1, so dropping d1 leaves only c2
            RevisionGraph g = graph(labelled("a1", "lib1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"),
                    rev("b2", "a2"), dependent("c2", List.of("c1"), "b2"), rev("d1", "c1"), rev("e1", "d1"),
                    rev("f1", "e1"));
            assertThat(transitions(g.downgradePlan(List.of("c2", "d1"), "c1")))
                    .containsExactly("down d1: [c2, d1] -> [c2]");
            assertThat(g.stampHeads(List.of("e1", "c2"), List.of("b1"))).containsExactly("b1");
            // upgrading c2 from scratch applies its dependency's whole chain first
            assertThat(transitions(g.upgradePlan(List.of(), "c2"))).containsExactly(
                    "up a1: [] -> [a1]", "up b1: [a1] -> [b1]", "up c1: [b1] -> [c1]",
                    "up a2: [c1] -> [a2, c1]", "up b2: [a2, c1] -> [b2, c1]", "up c2: [b2, c1] -> [c2]");
        }

        @Test
        void kaboom() {
            // DependsOnBranchTestTwo: d1 is a base depending on a3, b2 and c1 of three merged families
            RevisionGraph g = graph(rev("a1"), rev("a2"), rev("a3"), rev("amerge", "a1", "a2", "a3"), rev("b1"),
                    rev("b2"), rev("bmerge", "b1", "b2"), rev("c1"), rev("c2"), rev("c3"),
                    rev("cmerge", "c1", "c2", "c3"), dependent("d1", List.of("a3", "b2", "c1")));
            Plan p = g.downgradePlan(List.of("amerge", "bmerge", "cmerge", "d1"), "b2");
            assertThat(transitions(p)).containsExactly(
                    "down bmerge: [amerge, bmerge, cmerge, d1] -> [amerge, b1, cmerge, d1]");
            // b2 has to be inserted because it was implied by d1
            assertThat(transitions(g.downgradePlan(List.of("amerge", "d1", "b1", "cmerge"), "d1@base")))
                    .containsExactly("down d1: [amerge, b1, cmerge, d1] -> [amerge, b1, b2, cmerge]");
            Plan all = g.downgradePlan(List.of("amerge", "b1", "b2", "cmerge"), "base");
            assertThat(all.steps()).hasSize(10);
            assertThat(all.headsAfter()).isEmpty();
        }

        @Test
        void crissCross() {
            // DependsOnBranchTestThree (#377): half of a "merge" can be removed
            RevisionGraph g = graph(rev("a1"), rev("a2", "a1"), rev("b1"), dependent("b2", List.of("a2"), "b1"),
                    rev("b3", "b2"), dependent("a3", List.of("b1"), "a2"));
            assertThat(transitions(g.downgradePlan(List.of("a3", "b2"), "b1")))
                    .containsExactly("down b2: [a3, b2] -> [a3]");
        }

        @Test
        void dependsOnOwnDownRevision() {
            // DependsOnOwnDownrevTest (#843)
            RevisionGraph g = graph(rev("a1"), dependent("a2", List.of("a1"), "a1"));
            assertThat(transitions(g.upgradePlan(List.of(), "a2")))
                    .containsExactly("up a1: [] -> [a1]", "up a2: [a1] -> [a2]");
            assertThat(transitions(g.downgradePlan(List.of("a2"), "a1"))).containsExactly("down a2: [a2] -> [a1]");
        }

        @Test
        void dependenciesAreNormalized() {
            // DependsOnBranchTestFour (#789): b4's dependency on a3 is already b2's
            RevisionGraph g = graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2"), rev("b1"),
                    dependent("b2", List.of("a3"), "b1"), rev("b3", "b2"), dependent("b4", List.of("a3"), "b3"));
            assertThat(transitions(g.downgradePlan(List.of("b4"), "b3"))).containsExactly("down b4: [b4] -> [b3]");
        }

        @Test
        void baseDependingOnAnotherRevision() {
            // DependsOnBranchTestFive (#1373)
            RevisionGraph g = graph(rev("a1"), dependent("b1", List.of("a1")), rev("bmerge", "a1", "b1"));
            assertThat(transitions(g.upgradePlan(List.of("a1"), "b1"))).containsExactly("up b1: [a1] -> [b1]");
            assertThat(transitions(g.upgradePlan(List.of("b1"), "bmerge")))
                    .containsExactly("up bmerge: [b1] -> [bmerge]");
            assertThat(transitions(g.downgradePlan(List.of("bmerge"), "a1")))
                    .containsExactly("down bmerge: [bmerge] -> [b1]");
            assertThat(transitions(g.downgradePlan(List.of("bmerge"), "b1")))
                    .containsExactly("down bmerge: [bmerge] -> [b1]");
        }

        @Test
        void dependencyNamedByBranchLabel() {
            // DependsOnBranchLabelTest: depends_on = ["c1lib"]
            RevisionGraph g = graph(labelled("a1", "lib1"), rev("b1", "a1"), labelled("c1", "c1lib", "b1"),
                    rev("a2"), rev("b2", "a2"), dependent("c2", List.of("c1lib"), "b2"), rev("d1", "c1"));
            Plan p = g.upgradePlan(List.of("a2"), "c2");
            assertThat(revisions(p)).containsExactly("a1", "b1", "c1", "b2", "c2");
            assertThat(p.headsAfter()).containsExactly("c2");
        }

        @Test
        void crossDependenciesBetweenLabelledBranches() {
            // BranchedPathTestCrossDependencies: d2 (c2branch) depends on c1 (c1branch)
            RevisionGraph g = graph(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("d1", "c1"),
                    labelled("c2", "c2branch", "b"), dependent("d2", List.of("c1"), "c2"));
            assertThat(transitions(g.downgradePlan(List.of("d1", "d2"), "c2branch@b")))
                    .containsExactly("down d2: [d1, d2] -> [c2, d1]", "down c2: [c2, d1] -> [d1]");
            Plan p = g.downgradePlan(List.of("d1", "d2"), "c1branch@b");
            assertThat(revisions(p)).containsExactlyInAnyOrder("c1", "d1", "d2");
            assertThat(revisions(p).indexOf("c1")).isEqualTo(2);
            assertThat(p.headsAfter()).containsExactly("c2");
        }

        @Test
        void branchesTutorial() {
            // Alembic docs, branches.rst: networking@head pulls in 55af2cb1c267's chain first;
            // its row disappears because 2a95102259be implies it; networking@base leaves it in place.
            RevisionGraph g = TargetResolutionTest.tutorial();
            Plan up = g.upgradePlan(List.of(), "networking@head");
            assertThat(revisions(up)).containsExactly(TargetResolutionTest.ACCOUNT, TargetResolutionTest.COLUMN,
                    TargetResolutionTest.ANOTHER, TargetResolutionTest.NET, TargetResolutionTest.IP,
                    TargetResolutionTest.DNS, TargetResolutionTest.IP_ACCOUNT);
            assertThat(up.headsAfter()).containsExactly(TargetResolutionTest.IP_ACCOUNT);
            Plan heads = g.upgradePlan(List.of(TargetResolutionTest.DNS, TargetResolutionTest.ANOTHER,
                    TargetResolutionTest.CART_COLUMN), "heads");
            assertThat(transitions(heads)).containsExactly("up 2a95102259be: [29f859a13ea, 55af2cb1c267, "
                    + "d747a8a8879] -> [2a95102259be, d747a8a8879]");
            Plan down = g.downgradePlan(heads.headsAfter(), "networking@base");
            assertThat(revisions(down)).containsExactly(TargetResolutionTest.IP_ACCOUNT, TargetResolutionTest.DNS,
                    TargetResolutionTest.IP, TargetResolutionTest.NET);
            assertThat(down.headsAfter()).containsExactly(TargetResolutionTest.ANOTHER,
                    TargetResolutionTest.CART_COLUMN);
        }
    }
}
