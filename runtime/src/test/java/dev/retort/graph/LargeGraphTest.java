package dev.retort.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Graphs far larger than real projects: no stack overflow, nothing quadratic per step or exponential. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LargeGraphTest {

    @Test
    void fiveThousandRevisionChain() {
        List<RevisionNode> chain = GraphFixtures.chain("r", 5000);
        assertThat(RevisionGraph.check(chain)).isEmpty();
        RevisionGraph g = RevisionGraph.of(chain);
        assertThat(g.heads()).containsExactly("r4999");
        assertThat(g.nodes().get(4999).id()).isEqualTo("r4999");
        Plan up = g.upgradePlan(List.of(), "head");
        assertThat(up.steps()).hasSize(5000);
        assertThat(up.steps().get(0).revision().id()).isEqualTo("r0");
        assertThat(up.headsAfter()).containsExactly("r4999");
        assertThat(g.resolve("+4999", List.of("r0"))).containsExactly("r4999");
        assertThat(g.resolve("r4999-4999", List.of())).containsExactly("r0");
        Plan down = g.downgradePlan(up.headsAfter(), "base");
        assertThat(down.steps()).hasSize(5000);
        assertThat(down.headsAfter()).isEmpty();
        assertThat(g.branchLabelsOf("r0")).isEmpty();
    }

    @Test
    void labelledChainPropagatesWithoutRecursion() {
        List<RevisionNode> chain = new ArrayList<>(GraphFixtures.chain("r", 5000));
        chain.set(2500, new RevisionNode("r2500", List.of("r2499"), List.of("main"), List.of(), ""));
        RevisionGraph g = RevisionGraph.of(chain);
        assertThat(g.branchLabelsOf("r0")).containsExactly("main");
        assertThat(g.resolve("main@head", List.of())).containsExactly("r4999");
    }

    @Test
    void wideBranchedGraphWithMergesAndDependencies() {
        // 100 labelled branches of 30 revisions off one base, each depending on the previous branch's
        // tenth revision, all merged at the end.
        List<RevisionNode> nodes = new ArrayList<>();
        nodes.add(RevisionNode.of("root"));
        List<String> tips = new ArrayList<>();
        for (int b = 0; b < 100; b++) {
            String prev = "root";
            for (int i = 0; i < 30; i++) {
                String id = "b" + b + "_" + i;
                List<String> deps = i == 15 && b > 0 ? List.of("b" + (b - 1) + "_10") : List.of();
                nodes.add(new RevisionNode(id, List.of(prev), i == 0 ? List.of("branch" + b) : List.of(), deps, ""));
                prev = id;
            }
            tips.add(prev);
        }
        nodes.add(new RevisionNode("merge", tips, List.of(), List.of(), ""));
        assertThat(RevisionGraph.check(nodes)).isEmpty();
        RevisionGraph g = RevisionGraph.of(nodes);
        Plan up = g.upgradePlan(List.of(), "head");
        assertThat(up.steps()).hasSize(3002);
        assertThat(up.headsAfter()).containsExactly("merge");
        // every branch shares the base "root": as in Alembic, branch7@base takes all of them down
        Plan down = g.downgradePlan(List.of("merge"), "branch7@base");
        assertThat(down.steps()).hasSize(3002);
        assertThat(down.headsAfter()).isEmpty();
        // down to the branch's first revision keeps the other branches
        Plan branchDown = g.downgradePlan(List.of("merge"), "b7_0");
        assertThat(branchDown.headsAfter()).contains("b7_0", "b6_29").doesNotContain("b8_29");
        // branch99@head is "merge" (the head of its lineage); name the branch tip instead
        assertThat(g.resolve("branch99@head", List.of())).containsExactly("merge");
        Plan branch = g.upgradePlan(List.of(), "b99_29");
        // the base, branch 99, and branch 98 up to the revision b99_15 depends on
        assertThat(branch.steps()).hasSize(1 + 30 + 11);
    }

    @Test
    void diamondLadder() {
        // 2,000 stacked diamonds: naive path enumeration would be 2^2000
        List<RevisionNode> nodes = new ArrayList<>();
        nodes.add(RevisionNode.of("x0"));
        for (int i = 0; i < 2000; i++) {
            nodes.add(RevisionNode.of("l" + i, "x" + i));
            nodes.add(RevisionNode.of("r" + i, "x" + i));
            nodes.add(RevisionNode.of("x" + (i + 1), "l" + i, "r" + i));
        }
        assertThat(RevisionGraph.check(nodes)).isEmpty();
        RevisionGraph g = RevisionGraph.of(nodes);
        Plan up = g.upgradePlan(List.of(), "head");
        assertThat(up.steps()).hasSize(6001);
        Plan down = g.downgradePlan(up.headsAfter(), "x1000");
        assertThat(down.steps()).hasSize(3000);
        assertThat(down.headsAfter()).containsExactly("x1000");
    }

    @Test
    void longCycleIsReportedWithoutOverflow() {
        List<RevisionNode> nodes = new ArrayList<>(GraphFixtures.chain("c", 1000));
        nodes.set(0, RevisionNode.of("c0", "c999"));
        assertThat(RevisionGraph.check(nodes)).hasSize(1000)
                .allSatisfy(p -> assertThat(p.related()).hasSize(1001));
    }
}
