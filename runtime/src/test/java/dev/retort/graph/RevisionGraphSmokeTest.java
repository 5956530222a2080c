package dev.retort.graph;

import static dev.retort.graph.GraphFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RevisionGraphSmokeTest {

    @Test
    void linearUpgradeAndDowngrade() {
        RevisionGraph g = graph(rev("a1"), rev("b2", "a1"), rev("c3", "b2"));
        assertThat(g.heads()).containsExactly("c3");
        Plan up = g.upgradePlan(List.of(), "head");
        assertThat(revisions(up)).containsExactly("a1", "b2", "c3");
        assertThat(up.headsAfter()).containsExactly("c3");
        Plan down = g.downgradePlan(List.of("c3"), "base");
        assertThat(revisions(down)).containsExactly("c3", "b2", "a1");
        assertThat(down.headsAfter()).isEmpty();
    }
}
