package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The indexed form of a set of revisions with unique ids and no cycle: nodes in
 * topological order, adjacency as int arrays and one ancestor bit set per node. Built once;
 * every query of {@link RevisionGraph} is answered from it without recursion, so a chain of
 * thousands of revisions cannot overflow the stack and diamonds cost nothing extra.
 *
 * <p>References to unknown revisions are ignored here: the checker reports them, and
 * {@link RevisionGraph#of} refuses such input before it gets here.
 */
final class GraphIndex {

    final List<RevisionNode> nodes;
    final String[] ids;
    final Map<String, Integer> index;
    /** Declared branch label to the revision that declares it (the lowest id if several do). */
    final Map<String, Integer> labelOwner;
    /** Versioned down revisions (Alembic's {@code _versioned_down_revisions}). */
    final int[][] down;
    /** dependsOn resolved to revisions, labels included (Alembic's {@code _resolved_dependencies}). */
    final int[][] deps;
    /**
     * Down revisions plus the dependencies that no versioned ancestor already declares
     * (Alembic's {@code _normalized_down_revisions}): what a step replaces in the version table.
     */
    final int[][] normDown;
    /** Revisions naming this one as down revision, sorted by id (Alembic's {@code nextrev}). */
    final int[][] up;
    /** Revisions naming this one as down revision or dependency (Alembic's {@code _all_nextrev}). */
    final int[][] allUp;
    /** Ancestors including the node itself, following down revisions and dependencies. */
    final BitSet[] anc;
    /** Ancestors including the node itself, following down revisions only. */
    final BitSet[] ancVer;
    /** Effective branch labels, sorted. */
    final List<List<String>> labels;

    private GraphIndex(List<RevisionNode> topo) {
        int n = topo.size();
        this.nodes = List.copyOf(topo);
        this.ids = new String[n];
        this.index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids[i] = topo.get(i).id();
            index.put(ids[i], i);
        }
        // A duplicated label is a reported problem; resolve it the same way build() does: lowest id wins.
        this.labelOwner = new HashMap<>();
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, Comparator.comparing(i -> ids[i]));
        for (int i : byId) {
            for (String label : topo.get(i).branchLabels()) {
                labelOwner.putIfAbsent(label, i);
            }
        }
        down = new int[n][];
        deps = new int[n][];
        for (int i = 0; i < n; i++) {
            down[i] = resolve(topo.get(i).downRevisions(), i, false);
            deps[i] = resolve(topo.get(i).dependsOn(), i, true);
        }
        anc = new BitSet[n];
        ancVer = new BitSet[n];
        for (int i = 0; i < n; i++) {
            BitSet all = new BitSet(i + 1);
            BitSet ver = new BitSet(i + 1);
            all.set(i);
            ver.set(i);
            for (int p : down[i]) {
                all.or(anc[p]);
                ver.or(ancVer[p]);
            }
            for (int p : deps[i]) {
                all.or(anc[p]);
            }
            anc[i] = all;
            ancVer[i] = ver;
        }
        normDown = normalize();
        up = reverse(down, false);
        allUp = reverse(null, true);
        labels = effectiveLabels();
    }

    /**
     * Indexes revisions that have unique ids and no cycle. Unknown references are dropped.
     *
     * @throws IllegalStateException when the revisions form a cycle (callers check first)
     */
    static GraphIndex build(Collection<RevisionNode> unique) {
        Map<String, RevisionNode> byId = new HashMap<>();
        for (RevisionNode node : unique) {
            byId.putIfAbsent(node.id(), node);
        }
        Map<String, String> labelToId = new HashMap<>();
        unique.stream().sorted(Comparator.comparing(RevisionNode::id))
                .forEach(node -> node.branchLabels().forEach(l -> labelToId.putIfAbsent(l, node.id())));
        // Kahn's algorithm, ready revisions taken in id order: bases first, deterministic.
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (RevisionNode node : byId.values()) {
            Set<String> parents = parents(node, byId, labelToId);
            pending.put(node.id(), parents.size());
            for (String p : parents) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(node.id());
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        pending.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<RevisionNode> topo = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            topo.add(byId.get(id));
            for (String child : children.getOrDefault(id, List.of())) {
                if (pending.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (topo.size() != byId.size()) {
            throw new IllegalStateException("revisions form a cycle");
        }
        return new GraphIndex(topo);
    }

    /** The known revisions a node must follow: down revisions and dependencies (labels resolved), without itself. */
    static Set<String> parents(RevisionNode node, Map<String, RevisionNode> byId, Map<String, String> labelToId) {
        Set<String> parents = new LinkedHashSet<>();
        for (String d : node.downRevisions()) {
            if (byId.containsKey(d)) {
                parents.add(d);
            }
        }
        for (String d : node.dependsOn()) {
            String id = byId.containsKey(d) ? d : labelToId.get(d);
            if (id != null) {
                parents.add(id);
            }
        }
        return parents;
    }

    private int[] resolve(List<String> refs, int self, boolean labelsAllowed) {
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (String ref : refs) {
            Integer i = index.get(ref);
            if (i == null && labelsAllowed) {
                i = labelOwner.get(ref);
            }
            if (i != null && i != self) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Alembic's {@code _normalize_depends_on}: drop dependencies an ancestor already declares. */
    private int[][] normalize() {
        int n = ids.length;
        List<Integer> withDeps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (deps[i].length > 0) {
                withDeps.add(i);
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            if (deps[i].length == 0) {
                out[i] = down[i];
                continue;
            }
            LinkedHashSet<Integer> normalized = new LinkedHashSet<>();
            for (int d : deps[i]) {
                normalized.add(d);
            }
            for (int j : withDeps) {
                if (j != i && ancVer[i].get(j)) {
                    for (int d : deps[j]) {
                        normalized.remove(d);
                    }
                }
            }
            LinkedHashSet<Integer> all = new LinkedHashSet<>();
            for (int d : down[i]) {
                all.add(d);
            }
            all.addAll(normalized);
            out[i] = all.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private int[][] reverse(int[][] edges, boolean withDeps) {
        int n = ids.length;
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Set<Integer> parents = new LinkedHashSet<>();
            for (int p : (withDeps ? down : edges)[i]) {
                parents.add(p);
            }
            if (withDeps) {
                for (int p : deps[i]) {
                    parents.add(p);
                }
            }
            for (int p : parents) {
                lists.get(p).add(i);
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = lists.get(i).stream().sorted(Comparator.comparing(k -> ids[k]))
                    .mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /**
     * Alembic's {@code _add_branches}: a revision's labels apply to itself and every
     * versioned descendant, and to its ancestors down to (not including) the nearest
     * real branch point or merge point. Alembic starts that downward walk from whichever
     * descendant its traversal yields last, which depends on set iteration order; walking
     * from the labelled revision itself gives the same result on a linear branch and is
     * deterministic.
     */
    private List<List<String>> effectiveLabels() {
        int n = ids.length;
        List<TreeSet<String>> sets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sets.add(new TreeSet<>());
        }
        for (int r = 0; r < n; r++) {
            List<String> own = nodes.get(r).branchLabels();
            if (own.isEmpty()) {
                continue;
            }
            BitSet seen = new BitSet(n);
            int[] stack = new int[n];
            int top = 0;
            stack[top++] = r;
            seen.set(r);
            while (top > 0) {
                int x = stack[--top];
                sets.get(x).addAll(own);
                for (int c : up[x]) {
                    if (!seen.get(c)) {
                        seen.set(c);
                        stack[top++] = c;
                    }
                }
            }
            int p = r;
            while (allUp[p].length <= 1 && down[p].length <= 1) {
                sets.get(p).addAll(own);
                if (down[p].length == 0) {
                    break;
                }
                p = down[p][0];
            }
        }
        List<List<String>> out = new ArrayList<>(n);
        for (TreeSet<String> s : sets) {
            out.add(List.copyOf(s));
        }
        return out;
    }

    int size() {
        return ids.length;
    }

    /** Union of ancestors (dependencies included, each revision included) of the given revisions. */
    BitSet closure(Collection<Integer> revisions) {
        BitSet out = new BitSet(ids.length);
        for (int r : revisions) {
            out.or(anc[r]);
        }
        return out;
    }

    /** Revisions that have any of {@code roots} as ancestor (dependencies included), the roots too. */
    BitSet descendants(BitSet roots) {
        BitSet out = new BitSet(ids.length);
        if (roots.isEmpty()) {
            return out;
        }
        for (int i = roots.nextSetBit(0); i < ids.length; i++) {
            if (anc[i].intersects(roots)) {
                out.set(i);
            }
        }
        return out;
    }

    /** Alembic's {@code _shares_lineage} without dependencies: one is a versioned ancestor of the other. */
    boolean sharesLineage(int a, int b) {
        return ancVer[a].get(b) || ancVer[b].get(a);
    }

    /** Alembic's {@code _shares_lineage} with dependencies. */
    boolean sharesLineageWithDeps(int a, int b) {
        return anc[a].get(b) || anc[b].get(a);
    }

    List<String> names(Collection<Integer> revisions) {
        return revisions.stream().map(i -> ids[i]).sorted().toList();
    }

    List<String> names(BitSet revisions) {
        List<String> out = new ArrayList<>();
        revisions.stream().forEach(i -> out.add(ids[i]));
        out.sort(null);
        return out;
    }

    static int[] sortedCopy(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
