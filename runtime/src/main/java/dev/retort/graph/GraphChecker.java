package dev.retort.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.retort.graph.GraphProblem.Kind;

/** Finds every problem of a set of revisions without throwing; see {@link RevisionGraph#check}. */
final class GraphChecker {

    static final int MAX_ID_LENGTH = RevisionNode.MAX_ID_LENGTH;

    private final List<RevisionNode> input;
    private final List<GraphProblem> problems = new ArrayList<>();
    /** First node of each id, in input order. */
    private final Map<String, RevisionNode> unique = new LinkedHashMap<>();
    /** Label to the distinct revisions declaring it, in id order. */
    private final Map<String, TreeSet<String>> labelOwners = new TreeMap<>();

    private GraphChecker(Collection<RevisionNode> nodes) {
        this.input = new ArrayList<>(nodes.size());
        for (RevisionNode node : nodes) {
            input.add(Objects.requireNonNull(node, "a revision node is null"));
        }
    }

    static List<GraphProblem> check(Collection<RevisionNode> nodes) {
        return check(nodes, true);
    }

    /**
     * The problems of {@code nodes}; with {@code policy} false only the structural ones, which
     * is all {@link RevisionGraph#of} needs (it runs at every application start-up).
     */
    static List<GraphProblem> check(Collection<RevisionNode> nodes, boolean policy) {
        GraphChecker checker = new GraphChecker(nodes);
        checker.run(policy);
        // Stable sort: kinds in catalogue order, then by revision; a revision's own problems keep
        // their declaration order and the owners of a duplicated id keep input order.
        List<GraphProblem> sorted = new ArrayList<>(checker.problems);
        sorted.sort(Comparator.comparing(GraphProblem::kind).thenComparing(GraphProblem::revision));
        return List.copyOf(sorted);
    }

    private void run(boolean policy) {
        for (RevisionNode node : input) {
            unique.putIfAbsent(node.id(), node);
            for (String label : node.branchLabels()) {
                labelOwners.computeIfAbsent(label, k -> new TreeSet<>()).add(node.id());
            }
        }
        boolean duplicates = duplicateIds();
        invalidIds();
        boolean unknown = unknownReferences();
        boolean cycles = cycles();
        labels();
        if (policy && !duplicates && !unknown && !cycles) {
            // Heads and bases only mean something on a graph whose references all resolve.
            headsAndBases();
        }
    }

    private boolean duplicateIds() {
        Map<String, Integer> counts = new HashMap<>();
        input.forEach(n -> counts.merge(n.id(), 1, Integer::sum));
        boolean found = false;
        for (RevisionNode node : input) {
            int count = counts.get(node.id());
            if (count > 1) {
                found = true;
                problems.add(new GraphProblem(Kind.DUPLICATE_ID, node.id(), node.id(), List.of(),
                        "Revision id '" + node.id() + "' is declared by " + count + " revisions; ids must be "
                                + "unique. Give all but one of them a new id and update the downRevision "
                                + "and dependsOn values that refer to them."));
            }
        }
        return found;
    }

    private void invalidIds() {
        for (RevisionNode node : unique.values()) {
            String id = node.id();
            String message = null;
            if (id.isEmpty()) {
                message = "A revision has an empty id. Give it an id of 1 to " + MAX_ID_LENGTH
                        + " letters, digits or underscores, such as a 12-digit hexadecimal number.";
            } else if (id.length() > MAX_ID_LENGTH) {
                message = "Revision id '" + id + "' is " + id.length() + " characters long; the version table "
                        + "holds at most " + MAX_ID_LENGTH + ". Use a shorter id.";
            } else if (!RevisionNode.isValidId(id)) {
                Set<Character> bad = new TreeSet<>();
                for (char c : id.toCharArray()) {
                    if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                        bad.add(c);
                    }
                }
                StringBuilder chars = new StringBuilder();
                for (char c : bad) {
                    chars.append(chars.length() == 0 ? "" : " ").append('\'').append(c).append('\'');
                }
                message = "Revision id '" + id + "' contains " + chars + "; ids may only contain letters, digits "
                        + "and '_' (targets such as 'id+2' and 'label@id' use the others). Rename it.";
            }
            if (message != null) {
                problems.add(new GraphProblem(Kind.INVALID_ID, id, id, List.of(), message));
            }
        }
    }

    private boolean unknownReferences() {
        boolean found = false;
        Set<String> ids = unique.keySet();
        Set<String> idsAndLabels = new TreeSet<>(ids);
        idsAndLabels.addAll(labelOwners.keySet());
        for (RevisionNode node : unique.values()) {
            for (String down : new LinkedHashSet<>(node.downRevisions())) {
                if (!ids.contains(down)) {
                    found = true;
                    List<String> close = CloseMatches.of(down, ids);
                    problems.add(new GraphProblem(Kind.UNKNOWN_DOWN_REVISION, node.id(), down, close,
                            "Revision '" + node.id() + "' names down revision '" + down + "', which is not a "
                                    + "revision of this graph." + suggestion(close)
                                    + " Correct the id or add the missing revision."));
                }
            }
            for (String dep : new LinkedHashSet<>(node.dependsOn())) {
                if (!ids.contains(dep) && !labelOwners.containsKey(dep)) {
                    found = true;
                    List<String> close = CloseMatches.of(dep, idsAndLabels);
                    problems.add(new GraphProblem(Kind.UNKNOWN_DEPENDENCY, node.id(), dep, close,
                            "Revision '" + node.id() + "' depends on '" + dep + "', which is neither a revision "
                                    + "nor a branch label of this graph." + suggestion(close)
                                    + " Correct the dependsOn value or add the missing revision."));
                }
            }
        }
        return found;
    }

    private static String suggestion(List<String> close) {
        return close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?";
    }

    /**
     * Every revision on a cycle gets its own problem with the shortest cycle through it,
     * found by a breadth-first search (neighbours in id order) among the revisions that a
     * topological sort could not place.
     */
    private boolean cycles() {
        Map<String, String> labelToId = new HashMap<>();
        labelOwners.forEach((label, owners) -> labelToId.put(label, owners.first()));
        Map<String, List<String>> parents = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        boolean selfLoop = false;
        for (RevisionNode node : unique.values()) {
            Set<String> ps = new TreeSet<>();
            for (String d : node.downRevisions()) {
                if (unique.containsKey(d)) {
                    ps.add(d);
                }
            }
            for (String d : node.dependsOn()) {
                String id = unique.containsKey(d) ? d : labelToId.get(d);
                if (id != null) {
                    ps.add(id);
                }
            }
            selfLoop |= ps.contains(node.id());
            parents.put(node.id(), new ArrayList<>(ps));
            pending.put(node.id(), ps.size());
            for (String p : ps) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(node.id());
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        pending.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        Set<String> placed = new java.util.HashSet<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            placed.add(id);
            for (String child : children.getOrDefault(id, List.of())) {
                if (pending.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (placed.size() == unique.size() && !selfLoop) {
            return false;
        }
        TreeSet<String> left = new TreeSet<>(unique.keySet());
        left.removeAll(placed);
        boolean found = false;
        for (String member : left) {
            List<String> path = shortestCycle(member, parents, left);
            if (path != null) {
                found = true;
                // The search follows down revisions; show the arrows the way 'history' prints
                // them, from a revision to the one that names it ("parent -> child").
                Collections.reverse(path);
                String shown = String.join(" -> ", path);
                problems.add(new GraphProblem(Kind.CYCLE, member, null, path,
                        "Revision '" + member + "' is part of a cycle: " + shown + " (each revision is the "
                                + "downRevision or dependsOn of the next, as 'history' prints it). A revision cannot come "
                                + "before itself; break the cycle by changing one of these downRevision or "
                                + "dependsOn values."));
            }
        }
        return found;
    }

    private static List<String> shortestCycle(String start, Map<String, List<String>> parents, Set<String> within) {
        Map<String, String> previous = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String x = queue.poll();
            for (String p : parents.get(x)) {
                if (!within.contains(p)) {
                    continue;
                }
                if (p.equals(start)) {
                    List<String> forward = new ArrayList<>();
                    forward.add(start);
                    List<String> chain = new ArrayList<>();
                    for (String y = x; !y.equals(start); y = previous.get(y)) {
                        chain.add(y);
                    }
                    Collections.reverse(chain);
                    forward.addAll(chain);
                    forward.add(start);
                    return forward;
                }
                if (!previous.containsKey(p)) {
                    previous.put(p, x);
                    queue.add(p);
                }
            }
        }
        return null;
    }

    private void labels() {
        for (Map.Entry<String, TreeSet<String>> e : labelOwners.entrySet()) {
            String label = e.getKey();
            TreeSet<String> owners = e.getValue();
            if (owners.size() > 1) {
                for (String owner : owners) {
                    List<String> others = owners.stream().filter(o -> !o.equals(owner)).toList();
                    problems.add(new GraphProblem(Kind.DUPLICATE_BRANCH_LABEL, owner, label, others,
                            "Branch label '" + label + "' of revision '" + owner + "' is also declared by "
                                    + CloseMatches.join(others) + "; a label names exactly one branch. "
                                    + "Rename the label on all but one of them."));
                }
            }
            if (unique.containsKey(label)) {
                for (String owner : owners) {
                    problems.add(new GraphProblem(Kind.BRANCH_LABEL_IS_REVISION_ID, owner, label, List.of(label),
                            "Branch label '" + label + "' of revision '" + owner + "' is also the id of a "
                                    + "revision, so targets such as '" + label + "@head' would be ambiguous. "
                                    + "Choose another label."));
                }
            }
        }
    }

    private void headsAndBases() {
        GraphIndex graph = GraphIndex.build(unique.values());
        Map<List<String>, List<String>> headGroups = new TreeMap<>(GraphChecker::compareLists);
        Map<List<String>, List<String>> baseGroups = new TreeMap<>(GraphChecker::compareLists);
        for (int i = 0; i < graph.size(); i++) {
            if (graph.up[i].length == 0) {
                headGroups.computeIfAbsent(graph.labels.get(i), k -> new ArrayList<>()).add(graph.ids[i]);
            }
            // A base that depends on another revision is anchored to it (not one of Alembic's
            // "real" bases), so only independent roots count.
            if (graph.down[i].length == 0 && graph.deps[i].length == 0) {
                baseGroups.computeIfAbsent(graph.labels.get(i), k -> new ArrayList<>()).add(graph.ids[i]);
            }
        }
        for (List<String> group : headGroups.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<String> heads = group.stream().sorted().toList();
            String merge = "{" + String.join(", ", heads.stream().map(h -> "\"" + h + "\"").toList()) + "}";
            for (String head : heads) {
                problems.add(new GraphProblem(Kind.MULTIPLE_HEADS, head, null, heads,
                        "Several heads: " + String.join(", ", heads) + ". Merge them with a revision whose "
                                + "downRevision = " + merge + ", or give each branch a branchLabels value."));
            }
        }
        for (List<String> group : baseGroups.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<String> bases = group.stream().sorted().toList();
            for (String base : bases) {
                problems.add(new GraphProblem(Kind.MULTIPLE_BASES, base, null, bases,
                        "Several bases: " + String.join(", ", bases) + ". Give the first revision of each "
                                + "independent branch a branchLabels value, or make all but one of them follow "
                                + "an existing revision through downRevision."));
            }
        }
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
