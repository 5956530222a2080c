package dev.retort.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of every plan on random graphs (merges, branch points, several bases,
 * dependsOn), checked against an independent ancestor computation.
 */
class RandomGraphPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 42, 1234, 99991})
    void plansKeepTheirPromises(long seed) {
        Random random = new Random(seed);
        List<RevisionNode> nodes = randomDag(random, 4 + random.nextInt(26));
        RevisionGraph graph = RevisionGraph.of(nodes);
        Map<String, RevisionNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        List<String> ids = nodes.stream().map(RevisionNode::id).toList();

        for (int round = 0; round < 40; round++) {
            List<String> state = randomState(graph, ids, random);
            assertAntichain(state, byId);

            String target = switch (random.nextInt(6)) {
                case 0 -> "heads";
                default -> ids.get(random.nextInt(ids.size()));
            };
            Plan up = graph.upgradePlan(state, target);
            Set<String> targetClosure = closure(graph.resolve(target, state), byId);
            Set<String> before = closure(state, byId);
            Set<String> expectedApplied = new TreeSet<>(before);
            expectedApplied.addAll(targetClosure);
            // (c) after the upgrade, exactly the target, its ancestors and what was applied before
            assertThat(closure(up.headsAfter(), byId)).as("applied after upgrade %s from %s", target, state)
                    .isEqualTo(expectedApplied);
            Set<String> ran = new TreeSet<>(GraphFixtures.revisions(up));
            Set<String> expectedRan = new TreeSet<>(expectedApplied);
            expectedRan.removeAll(before);
            assertThat(ran).isEqualTo(expectedRan);
            assertUpgradeOrder(up, byId);
            assertTransitionsChain(state, up);
            assertAntichain(up.headsAfter(), byId);

            // downgrade to something applied (or base) from the state reached
            List<String> now = up.headsAfter();
            List<String> applied = new ArrayList<>(closure(now, byId));
            String down = random.nextInt(5) == 0 || applied.isEmpty() ? "base"
                    : applied.get(random.nextInt(applied.size()));
            if (!down.equals("base") && !now.contains(down) && expectedDrop(down, now, byId, graph).isEmpty()) {
                // applied only as another revision's dependency: Alembic's "Nothing to drop", an error
                assertThatThrownBy(() -> graph.downgradePlan(now, down)).isInstanceOf(InvalidTargetException.class)
                        .hasMessageContaining("not an ancestor");
                continue;
            }
            Plan plan = graph.downgradePlan(now, down);
            Set<String> dropped = new TreeSet<>(GraphFixtures.revisions(plan));
            assertThat(dropped).isEqualTo(expectedDrop(down, now, byId, graph));
            Set<String> remaining = new TreeSet<>(closure(now, byId));
            remaining.removeAll(dropped);
            assertThat(closure(plan.headsAfter(), byId)).as("applied after downgrade %s from %s", down, now)
                    .isEqualTo(remaining);
            assertDowngradeOrder(plan, byId);
            assertTransitionsChain(now, plan);
            assertAntichain(plan.headsAfter(), byId);
        }
    }

    /** Alembic's drop set: what is applied and descends (dependencies included) from the target's up revisions. */
    private static Set<String> expectedDrop(String target, List<String> current, Map<String, RevisionNode> byId,
            RevisionGraph graph) {
        Set<String> applied = closure(current, byId);
        Set<String> out = new TreeSet<>();
        for (String r : applied) {
            Set<String> anc = closure(List.of(r), byId);
            boolean drop = target.equals("base")
                    || graph.upRevisions(target).stream().anyMatch(anc::contains);
            if (drop) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<RevisionNode> randomDag(Random random, int size) {
        List<RevisionNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "r" + (i < 10 ? "0" : "") + i;
            List<String> down = new ArrayList<>();
            List<String> deps = new ArrayList<>();
            if (i > 0 && random.nextInt(7) != 0) {
                int parents = random.nextInt(5) == 0 ? 2 : 1;
                for (int p = 0; p < parents; p++) {
                    String parent = nodes.get(random.nextInt(i)).id();
                    if (!down.contains(parent)) {
                        down.add(parent);
                    }
                }
            }
            if (i > 1 && random.nextInt(5) == 0) {
                String dep = nodes.get(random.nextInt(i)).id();
                if (!down.contains(dep)) {
                    deps.add(dep);
                }
            }
            nodes.add(new RevisionNode(id, down, List.of(), deps, ""));
        }
        return nodes;
    }

    /** A state a database can be in: a few upgrades from base to random revisions. */
    private static List<String> randomState(RevisionGraph graph, List<String> ids, Random random) {
        List<String> state = List.of();
        int moves = random.nextInt(4);
        for (int i = 0; i < moves; i++) {
            state = graph.upgradePlan(state, ids.get(random.nextInt(ids.size()))).headsAfter();
        }
        return state;
    }

    static Set<String> closure(List<String> revisions, Map<String, RevisionNode> byId) {
        Set<String> seen = new TreeSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(revisions);
        while (!todo.isEmpty()) {
            String r = todo.pop();
            if (seen.add(r)) {
                todo.addAll(byId.get(r).downRevisions());
                todo.addAll(byId.get(r).dependsOn());
            }
        }
        return seen;
    }

    /** (a) on upgrade every revision runs after its down revisions and dependencies. */
    private static void assertUpgradeOrder(Plan plan, Map<String, RevisionNode> byId) {
        Set<String> done = new HashSet<>();
        Set<String> inPlan = new HashSet<>(GraphFixtures.revisions(plan));
        for (Step step : plan.steps()) {
            RevisionNode node = step.revision();
            for (String parent : concat(node.downRevisions(), node.dependsOn())) {
                if (inPlan.contains(parent)) {
                    assertThat(done).as("%s before %s", parent, node.id()).contains(parent);
                }
            }
            done.add(node.id());
        }
    }

    /** (a) on downgrade every revision runs before everything in the plan that follows or depends on it. */
    private static void assertDowngradeOrder(Plan plan, Map<String, RevisionNode> byId) {
        Set<String> done = new HashSet<>();
        for (Step step : plan.steps()) {
            for (String parent : concat(step.revision().downRevisions(), step.revision().dependsOn())) {
                assertThat(done).as("%s downgraded before its parent %s", step.revision().id(), parent)
                        .doesNotContain(parent);
            }
            done.add(step.revision().id());
        }
    }

    /** (b) the steps' row transitions chain from the current rows to Plan.headsAfter. */
    private static void assertTransitionsChain(List<String> current, Plan plan) {
        List<String> rows = new ArrayList<>(new TreeSet<>(current));
        for (Step step : plan.steps()) {
            assertThat(step.headsBefore()).isEqualTo(rows);
            rows = step.headsAfter();
        }
        assertThat(plan.headsAfter()).isEqualTo(rows);
    }

    /** (d) no row is an ancestor of another. */
    private static void assertAntichain(List<String> rows, Map<String, RevisionNode> byId) {
        for (String row : rows) {
            Set<String> strict = closure(List.of(row), byId);
            strict.remove(row);
            assertThat(strict).as("ancestors of row %s among %s", row, rows).doesNotContainAnyElementsOf(rows);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
