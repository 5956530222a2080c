package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revision graph: the one implementation of heads, bases, target resolution and
 * upgrade and downgrade plans, shared by the annotation processor, the runtime and the
 * command line. Pure code: no IO, no {@code java.sql}. Immutable and thread-safe.
 *
 * <p>Semantics follow Alembic's {@code RevisionMap}: branch labels, merge points,
 * {@code dependsOn} and several bases behave as they do there.
 *
 * <pre>{@code
 * RevisionGraph graph = RevisionGraph.of(nodes);
 * Plan plan = graph.upgradePlan(List.of("ae1027a6acf"), "head");
 * for (Step step : plan.steps()) { ... }   // then write plan.headsAfter() to the version table
 * }</pre>
 */
public final class RevisionGraph {

    /** Alembic's {@code _relative_destination}: {@code [label@][symbol](+|-)N}. */
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");
    /** Alembic's {@code None} position: below every base, where upward walks start. */
    private static final int NONE = -2;
    /** Alembic's {@code "base"} position: what a downward walk reaches below a base. */
    private static final int BASE = -1;

    private final GraphIndex g;
    private final TreeMap<String, Integer> sortedIds = new TreeMap<>();
    private final List<String> heads;
    private final List<String> realHeads;
    private final List<String> bases;

    private RevisionGraph(GraphIndex index) {
        this.g = index;
        List<String> h = new ArrayList<>();
        List<String> rh = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            sortedIds.put(g.ids[i], i);
            if (g.up[i].length == 0) {
                h.add(g.ids[i]);
            }
            if (g.allUp[i].length == 0) {
                rh.add(g.ids[i]);
            }
            if (g.down[i].length == 0) {
                b.add(g.ids[i]);
            }
        }
        Collections.sort(h);
        Collections.sort(rh);
        Collections.sort(b);
        this.heads = List.copyOf(h);
        this.realHeads = List.copyOf(rh);
        this.bases = List.copyOf(b);
    }

    /**
     * Every problem of a set of revisions, in a deterministic order, without throwing:
     * structural ones (duplicate ids, invalid ids, unknown references, cycles, label
     * clashes) and the policy ones (several unlabelled heads or bases).
     */
    public static List<GraphProblem> check(Collection<RevisionNode> nodes) {
        return GraphChecker.check(nodes);
    }

    /**
     * Builds a graph. Throws {@link RevisionGraphException} with every structural problem
     * when there is one; several heads or bases are allowed here (the processor decides
     * whether they are an error).
     */
    public static RevisionGraph of(Collection<RevisionNode> nodes) {
        List<GraphProblem> structural = GraphChecker.check(nodes, false);
        if (!structural.isEmpty()) {
            throw new RevisionGraphException(structural);
        }
        return new RevisionGraph(GraphIndex.build(nodes));
    }

    /** Every revision, bases first, in topological order with ties broken by id: deterministic. */
    public List<RevisionNode> nodes() {
        return g.nodes;
    }

    /** The revision with exactly this id. */
    public Optional<RevisionNode> find(String id) {
        Integer i = g.index.get(id);
        return i == null ? Optional.empty() : Optional.of(g.nodes.get(i));
    }

    /** The revision with exactly this id; {@link UnknownRevisionException} with close matches otherwise. */
    public RevisionNode get(String id) {
        return g.nodes.get(indexOf(id));
    }

    /**
     * The rows of a version table that are ancestors of another of its rows through down
     * revisions, sorted: {@code [ab01]} for {@code ab01, cd03} on a chain {@code ab01 <- bc02
     * <- cd03}. No upgrade, downgrade or stamp writes such a table (a step replaces its down
     * revisions), so one that holds them was written by hand or by another tool. Rows this
     * graph does not contain are ignored; a row that is only a dependency ({@code dependsOn})
     * of another is legitimate and not listed.
     */
    public List<String> ancestorRows(Collection<String> rows) {
        List<Integer> known = new ArrayList<>();
        for (String id : rows) {
            Integer i = g.index.get(id);
            if (i != null && !known.contains(i)) {
                known.add(i);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int a : known) {
            for (int b : known) {
                if (a != b && g.ancVer[b].get(a)) {
                    out.add(a);
                    break;
                }
            }
        }
        return g.names(out);
    }

    /** Revisions no other revision names as down revision, sorted by id. */
    public List<String> heads() {
        return heads;
    }

    /** Revisions with no down revision, sorted by id. */
    public List<String> bases() {
        return bases;
    }

    /** The revisions that name {@code id} as a down revision, sorted by id. */
    public List<String> upRevisions(String id) {
        int i = indexOf(id);
        List<String> out = new ArrayList<>();
        for (int u : g.up[i]) {
            out.add(g.ids[u]);
        }
        return out;
    }

    /** The branch labels that apply to a revision: its own and those inherited as Alembic propagates them. */
    public List<String> branchLabelsOf(String id) {
        return g.labels.get(indexOf(id));
    }

    /**
     * Resolves a target to revision ids, given the version table's current rows.
     * Accepts {@code head}, {@code heads}, {@code base}, a full or unique partial id, a
     * branch label, {@code +N}, {@code -N}, {@code <id>+N}, {@code <id>-N},
     * {@code <label>@head}, {@code <label>@base}, {@code <label>@+N}, {@code <label>@-N},
     * {@code <label>@<id>}. {@code base} resolves to the empty list.
     *
     * <p>{@code +N} counts up from the current rows as {@code upgrade} does, {@code -N}
     * down from them as {@code downgrade} does.
     */
    public List<String> resolve(String target, Collection<String> current) {
        List<Integer> cur = currentRows(current);
        Matcher m = relative(target);
        List<Integer> out;
        if (m != null && m.group(2) == null && Integer.parseInt(m.group(3)) < 0) {
            out = List.of(parseDowngradeTarget(cur, target).revision());
        } else {
            out = parseUpgradeTarget(cur, target);
        }
        return out.stream().filter(i -> i >= 0).map(i -> g.ids[i]).toList();
    }

    /** The steps that take a database whose version table holds {@code current} up to {@code target}. */
    public Plan upgradePlan(Collection<String> current, String target) {
        List<Integer> cur = currentRows(current);
        List<Integer> targets = new ArrayList<>(new LinkedHashSet<>(
                parseUpgradeTarget(cur, target).stream().filter(i -> i >= 0).toList()));
        checkOverlap(target, targets);
        // Alembic's _collect_upgrade_revisions with implicit_base: everything the targets need
        // (dependencies included) that the current rows do not already imply.
        BitSet needs = g.closure(targets);
        needs.andNot(g.closure(cur));
        List<Integer> order = walkOrder(needs, targets);
        Collections.reverse(order);
        return simulate(cur, order, Direction.UPGRADE);
    }

    /** The steps that take a database whose version table holds {@code current} down to {@code target}. */
    public Plan downgradePlan(Collection<String> current, String target) {
        List<Integer> cur = currentRows(current);
        DowngradeTarget parsed = parseDowngradeTarget(cur, target);
        int rev = parsed.revision();
        // Alembic's _collect_downgrade_revisions: drop the roots, everything that descends from
        // them (dependents included) and is applied.
        List<Integer> roots = new ArrayList<>();
        if (rev < 0) {
            for (int i = 0; i < g.size(); i++) {
                if (g.down[i].length == 0) {
                    roots.add(i);
                }
            }
        } else {
            for (int u : g.up[rev]) {
                roots.add(u);
            }
        }
        if (parsed.branch() != null && roots.size() > 1) {
            int branchRev = resolveBranch(parsed.branch());
            roots.removeIf(r -> !g.ancVer[branchRev].get(r));
            if (roots.isEmpty()) {
                throw new InvalidTargetException(target, "Target '" + target + "' is not a valid downgrade target "
                        + "from the current heads (" + describe(cur) + "): nothing on branch '" + parsed.branch()
                        + "' lies above it. Run 'retort current' and 'retort history' to pick a target.");
            }
        }
        BitSet rootSet = new BitSet(g.size());
        roots.forEach(rootSet::set);
        BitSet applied = g.closure(cur);
        BitSet drop = g.descendants(rootSet);
        drop.and(applied);
        // Alembic's RangeNotAncestorError ("Nothing to drop"): a target that is neither a current
        // row nor below one would otherwise be a silent no-op, and the user meant something else.
        if (rev >= 0 && drop.isEmpty() && !cur.contains(rev)) {
            String why = applied.get(rev)
                    ? "it is applied only because a current revision depends on it, so there is nothing to drop "
                            + "down to it. Downgrade the revision that depends on it instead"
                    : "it is not applied. Use 'upgrade " + g.ids[rev] + "' to move to it";
            throw new InvalidTargetException(target, "Revision " + g.ids[rev] + " is not a valid downgrade target "
                    + "from the current heads (" + describe(cur) + "): it is not an ancestor of them; " + why
                    + ", or pick a revision that 'history --indicate-current' shows below the current one.");
        }
        List<Integer> order = walkOrder(drop, sortedByIdDistinct(cur));
        return simulate(cur, order, Direction.DOWNGRADE);
    }

    /**
     * The version-table rows that {@code stamp(targets)} writes: the resolved targets,
     * reduced so that no row is an ancestor of another. {@code "base"} or no target
     * gives the empty list.
     *
     * <p>As Alembic's {@code stamp}: current rows on an unrelated branch stay, rows that
     * share a lineage with a target are replaced by it, and {@code <label>@base} removes
     * only the rows of that branch.
     */
    public List<String> stampHeads(Collection<String> current, List<String> targets) {
        List<Integer> cur = currentRows(current);
        List<String> wanted = targets == null || targets.isEmpty() ? List.of("base") : targets;
        // Alembic's _stamp_revs: the current rows that share a lineage with any target...
        LinkedHashSet<Integer> filtered = new LinkedHashSet<>();
        for (String t : wanted) {
            filtered.addAll(filterForLineage(cur, t, true));
        }
        // ...and the destinations, every target resolved ("base" resolves to nothing).
        List<Integer> dests = new ArrayList<>();
        for (String t : wanted) {
            for (int i : getRevisions(t)) {
                if (i >= 0) {
                    dests.add(i);
                }
            }
        }
        TreeSet<Integer> rows = new TreeSet<>(cur);
        if (dests.isEmpty()) {
            rows.removeAll(filtered);
        }
        for (int dest : dests) {
            if (filtered.contains(dest)) {
                continue;
            }
            boolean above = filtered.stream().anyMatch(f -> g.anc[f].get(dest));
            boolean below = filtered.stream().anyMatch(f -> g.anc[dest].get(f));
            if (above || below) {
                // Replaces every row of its lineage, as Alembic's single merge-like StampStep does.
                rows.removeAll(filtered);
            }
            rows.add(dest);
        }
        return g.names(maximal(rows));
    }

    // ---------------------------------------------------------------- resolution

    private int indexOf(String id) {
        Integer i = g.index.get(id);
        if (i == null) {
            throw new UnknownRevisionException(id, CloseMatches.of(id, g.index.keySet()));
        }
        return i;
    }

    private List<Integer> currentRows(Collection<String> current) {
        List<Integer> out = new ArrayList<>();
        if (current == null) {
            return out;
        }
        for (String id : current) {
            Integer i = g.index.get(id);
            if (i == null) {
                throw new UnknownRevisionException(id, CloseMatches.of(id, g.index.keySet()));
            }
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    private static Matcher relative(String target) {
        if (target == null) {
            return null;
        }
        Matcher m = RELATIVE.matcher(target);
        return m.matches() ? m : null;
    }

    /** Alembic's {@code get_revisions} for one absolute target; {@code base} gives an empty list. */
    private List<Integer> getRevisions(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidTargetException(String.valueOf(target), "The target is empty. Use 'head', 'heads', "
                    + "'base', a revision id, a branch label, or a relative target such as '+1' or '-1'.");
        }
        String branch = null;
        String id = target;
        int at = target.indexOf('@');
        if (at >= 0) {
            branch = target.substring(0, at);
            id = target.substring(at + 1);
            if (branch.isEmpty() || id.isEmpty()) {
                throw new InvalidTargetException(target, "Target '" + target + "' is malformed: write "
                        + "'<label>@head', '<label>@base', '<label>@<id>' or '<label>@+N'.");
            }
        }
        List<Integer> ids;
        switch (id) {
            case "heads" -> ids = branch == null ? indices(realHeads) : filterForLineage(indices(heads), branch, false);
            case "head" -> ids = currentHead(branch);
            case "base" -> {
                if (branch != null) {
                    resolveBranch(branch);
                }
                return List.of();
            }
            default -> ids = null;
        }
        List<Integer> out = new ArrayList<>();
        if (ids == null) {
            out.add(revisionForIdent(id, branch));
        } else {
            for (int i : ids) {
                out.add(revisionForIdent(g.ids[i], branch));
            }
        }
        return out;
    }

    /** Alembic's {@code get_revision}: one revision, or {@link #NONE} for base. */
    private int getRevision(String target) {
        List<Integer> revs = getRevisions(target);
        if (revs.size() > 1) {
            throw new MultipleHeadsException(target, g.names(revs));
        }
        return revs.isEmpty() ? NONE : revs.get(0);
    }

    /** Alembic's {@code get_current_head}: the one head (of a branch), several being an error. */
    private List<Integer> currentHead(String branch) {
        List<Integer> hs = indices(heads);
        if (branch != null) {
            hs = filterForLineage(hs, branch, false);
        }
        if (hs.size() > 1) {
            throw new MultipleHeadsException(branch == null ? "head" : branch + "@head", g.names(hs));
        }
        return hs;
    }

    /** Alembic's {@code _revision_for_ident}: an id, a label or a unique prefix, optionally checked against a branch. */
    private int revisionForIdent(String id, String branch) {
        Integer branchRev = branch == null ? null : resolveBranch(branch);
        Integer rev = g.index.get(id);
        if (rev == null) {
            rev = g.labelOwner.get(id);
        }
        if (rev == null) {
            // Alembic matches a prefix only against ids longer than three characters.
            List<Integer> candidates = new ArrayList<>();
            for (Map.Entry<String, Integer> e : sortedIds.tailMap(id, true).entrySet()) {
                if (!e.getKey().startsWith(id)) {
                    break;
                }
                if (e.getKey().length() > 3
                        && (branchRev == null || g.sharesLineage(e.getValue(), branchRev))) {
                    candidates.add(e.getValue());
                }
            }
            if (candidates.isEmpty()) {
                List<String> names = new ArrayList<>(g.index.keySet());
                names.addAll(g.labelOwner.keySet());
                throw new UnknownRevisionException(id, CloseMatches.of(id, names));
            }
            if (candidates.size() > 1) {
                throw new AmbiguousRevisionException(id, g.names(candidates));
            }
            rev = candidates.get(0);
        }
        if (branchRev != null && !g.sharesLineage(rev, branchRev)) {
            throw new InvalidTargetException(branch + "@" + id, "Revision " + g.ids[rev] + " is not a member of "
                    + "branch '" + branch + "': it is neither an ancestor nor a descendant of " + g.ids[branchRev]
                    + ". Pick a revision of that branch ('retort history' shows them).");
        }
        return rev;
    }

    /** Alembic's {@code _resolve_branch}: a label, or a revision standing for the branch it is on. */
    private int resolveBranch(String branch) {
        Integer rev = g.labelOwner.get(branch);
        if (rev == null) {
            rev = g.index.get(branch);
        }
        if (rev != null) {
            return rev;
        }
        try {
            return revisionForIdent(branch, null);
        } catch (UnknownRevisionException e) {
            throw new UnknownRevisionException(branch, e.closeMatches());
        }
    }

    /**
     * Alembic's {@code filter_for_lineage}: the revisions related by ancestry to the
     * anchors named by {@code check} (its branch and its revisions); all of them when it
     * names nothing, as {@code base} does.
     */
    private List<Integer> filterForLineage(Collection<Integer> revisions, String check, boolean withDeps) {
        List<Integer> anchors = new ArrayList<>();
        String id = check;
        int at = check.indexOf('@');
        if (at >= 0) {
            String branch = check.substring(0, at);
            id = check.substring(at + 1);
            anchors.add(resolveBranch(branch));
        }
        if (!id.equals("base") && !id.isEmpty()) {
            Matcher m = relative(id);
            if (m == null) {
                anchors.addAll(getRevisions(check));
            }
        }
        if (anchors.isEmpty()) {
            return new ArrayList<>(revisions);
        }
        List<Integer> out = new ArrayList<>();
        for (int r : revisions) {
            for (int a : anchors) {
                if (withDeps ? g.sharesLineageWithDeps(r, a) : g.sharesLineage(r, a)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    /** Alembic's {@code _parse_upgrade_target}: the revisions to upgrade to ({@link #NONE}/{@link #BASE} for base). */
    private List<Integer> parseUpgradeTarget(List<Integer> current, String target) {
        Matcher m = relative(target);
        if (m == null) {
            return getRevisions(target);
        }
        String branch = m.group(1);
        String symbol = m.group(2);
        int n = Integer.parseInt(m.group(3));
        if (n > 0) {
            if (symbol == null) {
                List<Integer> start = current.isEmpty() ? List.of(NONE) : current;
                if (branch != null) {
                    start = current.isEmpty() ? List.of() : filterForLineage(current, branch, false);
                    if (start.isEmpty()) {
                        // The branch has no current row: start from its tip among what is applied.
                        BitSet applied = g.closure(current);
                        List<Integer> onBranch = filterForLineage(bits(applied), branch, false);
                        BitSet tips = new BitSet();
                        onBranch.forEach(tips::set);
                        for (int r : onBranch) {
                            for (int d : g.normDown[r]) {
                                tips.clear(d);
                            }
                        }
                        start = tips.isEmpty() ? List.of(NONE) : bits(tips);
                    }
                }
                if (start.size() > 1) {
                    throw new InvalidTargetException(target, "Target '" + target + "' is ambiguous: the database "
                            + "has several current revisions (" + g.names(start) + "). Use '<label>@" + m.group(3)
                            + "' or '<id>" + m.group(3) + "' to say which branch moves.");
                }
                return List.of(walk(start.get(0), n, branch, target));
            }
            return List.of(walk(getRevision(symbol), n, branch, target));
        }
        if (symbol == null) {
            throw new InvalidTargetException(target, "Target '" + target + "' moves down, which an upgrade cannot "
                    + "do. Use 'downgrade " + target + "' instead.");
        }
        int start = branch == null ? getRevision(symbol) : getRevision(branch + "@" + symbol);
        return List.of(walk(start, n, null, target));
    }

    /** The revision a downgrade goes to ({@link #BASE}/{@link #NONE} for base) and the branch it is limited to. */
    private record DowngradeTarget(String branch, int revision) {
    }

    /** Alembic's {@code _parse_downgrade_target}. */
    private DowngradeTarget parseDowngradeTarget(List<Integer> current, String target) {
        Matcher m = relative(target);
        if (m != null) {
            String branch = m.group(1);
            String symbol = m.group(2);
            int n = Integer.parseInt(m.group(3));
            if (n >= 0) {
                if (symbol == null) {
                    throw new InvalidTargetException(target, "Target '" + target + "' moves up, which a downgrade "
                            + "cannot do. Use 'upgrade " + target + "' instead.");
                }
                return new DowngradeTarget(branch, walk(getRevision(symbol), n, branch, target));
            }
            if (symbol == null) {
                if (branch != null) {
                    List<Integer> on = filterForLineage(current, branch, false);
                    if (on.isEmpty()) {
                        on = filterForLineage(branchHeads(g.closure(current)), branch, false);
                    }
                    if (on.size() != 1) {
                        throw new InvalidTargetException(target, on.isEmpty()
                                ? "Target '" + target + "' cannot move down: nothing of branch '" + branch
                                        + "' is applied (current revisions: " + describe(current) + ")."
                                : "Target '" + target + "' is ambiguous: several current revisions ("
                                        + g.names(on) + ") are on branch '" + branch + "'. Use '<id>" + m.group(3)
                                        + "' instead.");
                    }
                    symbol = g.ids[on.get(0)];
                } else {
                    if (current.isEmpty()) {
                        throw new InvalidTargetException(target, "Relative revision " + target + " didn't produce "
                                + Math.abs(n) + " migrations: the database is at base, nothing can be downgraded.");
                    }
                    if (current.size() > 1) {
                        // Alembic warns and picks whichever row the database returned first; the row order
                        // is not meaningful, so refuse instead of guessing.
                        throw new InvalidTargetException(target, "Target '" + target + "' is ambiguous: the "
                                + "database has several current revisions (" + describe(current) + "). Use '<id>"
                                + m.group(3) + "' or '<label>@" + m.group(3) + "' to say which branch moves down.");
                    }
                    symbol = g.ids[current.get(0)];
                    branch = symbol;
                }
            }
            int start = branch == null ? getRevision(symbol) : getRevision(branch + "@" + symbol);
            return new DowngradeTarget(branch, walk(start, n, null, target));
        }
        int at = target.lastIndexOf('@');
        String branch = at > 0 ? target.substring(0, at) : null;
        String symbol = at >= 0 ? target.substring(at + 1) : target;
        // Alembic resolves only the part after '@' here; 'label@head' means that branch's head.
        int rev = branch != null && (symbol.equals("head") || symbol.equals("heads"))
                ? getRevision(target) : getRevision(symbol);
        if (branch != null) {
            resolveBranch(branch);
        }
        return new DowngradeTarget(branch, rev);
    }

    /** Alembic's {@code _filter_into_branch_heads}: drop revisions with a versioned descendant in the set. */
    private List<Integer> branchHeads(BitSet set) {
        List<Integer> out = new ArrayList<>();
        for (int r = set.nextSetBit(0); r >= 0; r = set.nextSetBit(r + 1)) {
            boolean covered = false;
            for (int o = set.nextSetBit(r + 1); o >= 0; o = set.nextSetBit(o + 1)) {
                if (g.ancVer[o].get(r)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Alembic's {@code _walk}: {@code steps} revisions up (following up revisions of the
     * branch's lineage) or down (following down revisions) from {@code start}; an
     * {@link InvalidTargetException} says how far it could go when the walk runs out.
     */
    private int walk(int start, int steps, String branch, String target) {
        Integer branchRev = branch == null ? null : resolveBranch(branch);
        int at = start;
        for (int k = 0; k < Math.abs(steps); k++) {
            List<Integer> next = new ArrayList<>();
            if (steps > 0) {
                if (at == BASE || at == NONE) {
                    for (int i = 0; i < g.size(); i++) {
                        if (g.down[i].length == 0) {
                            next.add(i);
                        }
                    }
                } else {
                    for (int u : g.up[at]) {
                        next.add(u);
                    }
                }
                if (branchRev != null) {
                    next.removeIf(r -> !g.sharesLineage(r, branchRev));
                }
            } else if (at >= 0) {
                for (int d : g.down[at]) {
                    next.add(d);
                }
                if (next.isEmpty()) {
                    next.add(BASE);
                }
            }
            if (next.isEmpty()) {
                String from = start >= 0 ? "revision " + g.ids[start] : "base";
                String dir = steps > 0 ? "up" : "down";
                throw new InvalidTargetException(target, "Relative revision " + target + " didn't produce "
                        + Math.abs(steps) + " migrations: it goes past the " + (steps > 0 ? "head" : "base")
                        + ". From " + from + " it can move at most " + k + " step" + (k == 1 ? "" : "s") + " " + dir
                        + (branch == null ? "" : " on branch '" + branch + "'") + ".");
            }
            if (next.size() > 1 && steps < 0) {
                // A merge point: name the commands that work instead of a pattern to fill in.
                int left = Math.abs(steps) - k - 1;
                List<String> commands = new ArrayList<>();
                for (String parent : g.names(next)) {
                    commands.add("'downgrade " + parent + (left == 0 ? "" : "-" + left) + "'");
                }
                throw new InvalidTargetException(target, "Target '" + target + "' is ambiguous: revision " + g.ids[at]
                        + " is a merge point with down revisions " + String.join(", ", g.names(next))
                        + ", so going down from it must name the parent to go to. Run "
                        + String.join(" or ", commands) + (left == 0 ? " (the other parent stays current)." : "."));
            }
            if (next.size() > 1) {
                String here = at >= 0 ? g.ids[at] : "base";
                throw new InvalidTargetException(target, "Target '" + target + "' is ambiguous: the walk "
                        + (steps > 0 ? "up" : "down") + " from " + here + " can continue to " + g.names(next)
                        + (steps > 0 ? ". Use '<label>@" : ". Use an id such as '<id>")
                        + (steps > 0 ? "+N' to pick a branch, or an id." : "-N' on the branch you mean."));
            }
            at = next.get(0);
        }
        return at;
    }

    private void checkOverlap(String target, List<Integer> targets) {
        for (int a : targets) {
            for (int b : targets) {
                if (a != b && g.anc[b].get(a)) {
                    throw new InvalidTargetException(target, "Target '" + target + "' names revision " + g.ids[a]
                            + " and its descendant " + g.ids[b] + "; name only the descendant.");
                }
            }
        }
    }

    // ---------------------------------------------------------------- plans

    /**
     * Alembic's {@code _topological_sort}: emits the revisions of {@code todo} from the
     * top down, following one line as long as no other line still needs its next revision;
     * upgrades run it reversed, so branches are applied one after the other rather than
     * interleaved. Starting lines are taken in id order, so the result is deterministic.
     */
    private List<Integer> walkOrder(BitSet todo, List<Integer> starts) {
        BitSet left = (BitSet) todo.clone();
        List<Integer> cur = new ArrayList<>();
        List<BitSet> ancestors = new ArrayList<>();
        for (int s : sortedByIdDistinct(starts)) {
            if (left.get(s)) {
                cur.add(s);
                ancestors.add((BitSet) g.anc[s].clone());
            }
        }
        List<Integer> out = new ArrayList<>(todo.cardinality());
        int idx = 0;
        while (!cur.isEmpty()) {
            int candidate = cur.get(idx);
            int blocker = -1;
            for (int j = 0; j < cur.size(); j++) {
                if (j != idx && ancestors.get(j).get(candidate)) {
                    blocker = j;
                    break;
                }
            }
            if (blocker >= 0) {
                idx = blocker;
                continue;
            }
            out.add(candidate);
            left.clear(candidate);
            List<Integer> adds = new ArrayList<>();
            for (int d : g.normDown[candidate]) {
                if (left.get(d) && !cur.contains(d)) {
                    adds.add(d);
                }
            }
            if (adds.isEmpty()) {
                cur.remove(idx);
                ancestors.remove(idx);
                idx = Math.max(idx - 1, 0);
            } else if (g.normDown[candidate].length == 1) {
                cur.set(idx, adds.get(0));
                ancestors.get(idx).clear(candidate);
            } else {
                cur.set(idx, adds.get(0));
                ancestors.set(idx, (BitSet) g.anc[adds.get(0)].clone());
                for (int a = 1; a < adds.size(); a++) {
                    cur.add(adds.get(a));
                    ancestors.add((BitSet) g.anc[adds.get(a)].clone());
                }
            }
        }
        if (!left.isEmpty()) {
            // Unreachable from the starting lines (the current rows were not maximal): append in
            // a valid order so nothing is lost.
            List<Integer> rest = bits(left);
            Collections.reverse(rest);
            out.addAll(rest);
        }
        return out;
    }

    /** Runs Alembic's HeadMaintainer over the steps and records the rows before and after each. */
    private Plan simulate(List<Integer> current, List<Integer> order, Direction direction) {
        TreeSet<Integer> rows = new TreeSet<>(current);
        List<Step> steps = new ArrayList<>(order.size());
        for (int r : order) {
            List<String> before = g.names(rows);
            if (direction == Direction.UPGRADE) {
                upgradeRows(rows, r);
            } else {
                downgradeRows(rows, r);
            }
            steps.add(new Step(g.nodes.get(r), direction, before, g.names(rows)));
        }
        return new Plan(steps, g.names(rows));
    }

    /**
     * Upgrading {@code r}: a new row when none of its (normalized) down revisions is a row
     * (a base, or a new branch), otherwise the rows of its down revisions become {@code r}
     * (an UPDATE, or a merge that deletes all but one).
     */
    private void upgradeRows(TreeSet<Integer> rows, int r) {
        int[] downs = g.normDown[r];
        for (int d : downs) {
            rows.remove(d);
        }
        rows.add(r);
    }

    /**
     * Downgrading {@code r}: its row is replaced by those of its (normalized) down
     * revisions that no other row implies (an UPDATE, or an unmerge that inserts the
     * others), or deleted when every one is implied (a base, or a dependency of a
     * remaining row).
     */
    private void downgradeRows(TreeSet<Integer> rows, int r) {
        if (!rows.remove(r)) {
            return;
        }
        for (int d : g.normDown[r]) {
            boolean implied = false;
            for (int other : rows) {
                if (g.anc[other].get(d)) {
                    implied = true;
                    break;
                }
            }
            // Alembic drops down revisions that are ancestors of another down revision only when
            // no other row exists; dropping them always keeps the rows free of ancestors.
            for (int e : g.normDown[r]) {
                if (e != d && g.anc[e].get(d)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                rows.add(d);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Collection<Integer> maximal(Collection<Integer> revisions) {
        List<Integer> out = new ArrayList<>();
        for (int r : revisions) {
            boolean covered = false;
            for (int o : revisions) {
                if (o != r && g.anc[o].get(r)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(r);
            }
        }
        return out;
    }

    private List<Integer> indices(List<String> ids) {
        List<Integer> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(g.index.get(id));
        }
        return out;
    }

    private static List<Integer> bits(BitSet set) {
        List<Integer> out = new ArrayList<>();
        set.stream().forEach(out::add);
        return out;
    }

    private List<Integer> sortedByIdDistinct(Collection<Integer> revisions) {
        return new ArrayList<>(new LinkedHashSet<>(revisions)).stream()
                .sorted((a, b) -> g.ids[a].compareTo(g.ids[b])).toList();
    }

    private String describe(List<Integer> revisions) {
        return revisions.isEmpty() ? "none, the database is at base" : String.join(", ", g.names(revisions));
    }
}
