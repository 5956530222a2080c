package dev.retort.cli;

import dev.retort.cli.internal.ParsedRevision;
import dev.retort.cli.internal.SourceScanner;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionGraphException;
import dev.retort.graph.RevisionNode;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The revisions of the configured package as read from source, and their graph. */
final class SourceGraph {

    private final String packageName;
    private final Map<String, ParsedRevision> byId;
    private final RevisionGraph graph;

    private SourceGraph(String packageName, Map<String, ParsedRevision> byId, RevisionGraph graph) {
        this.packageName = packageName;
        this.byId = byId;
        this.graph = graph;
    }

    /** Parses the sources of {@code config}'s package; a broken graph is an error naming the files. */
    static SourceGraph read(Config config) {
        String packageName = config.requirePackage();
        List<ParsedRevision> parsed = new SourceScanner().scan(config.sourceDirectories(), packageName);
        Map<String, ParsedRevision> byId = new LinkedHashMap<>();
        for (ParsedRevision revision : parsed) {
            ParsedRevision previous = byId.putIfAbsent(revision.id(), revision);
            if (previous != null) {
                throw new CommandException("Revision id " + revision.id() + " is declared twice: in " + previous.path()
                        + " and in " + revision.path() + ". Give one of them a fresh id.");
            }
        }
        RevisionGraph graph;
        try {
            graph = RevisionGraph.of(parsed.stream().map(ParsedRevision::node).toList());
        } catch (RevisionGraphException e) {
            throw new CommandException("The revisions in " + String.join(", ", config.sourceDirectories().stream()
                    .map(d -> SourceScanner.packageFolder(d, packageName).toString()).toList())
                    + " do not form a valid graph: " + e.problems().stream()
                    .map(p -> describe(p, byId))
                    .collect(Collectors.joining("; ")), e);
        }
        return new SourceGraph(packageName, byId, graph);
    }

    private static String describe(GraphProblem problem, Map<String, ParsedRevision> byId) {
        ParsedRevision at = byId.get(problem.revision());
        return at == null ? problem.message() : problem.message() + " (" + at.path().getFileName() + ":" + at.line() + ")";
    }

    String packageName() {
        return packageName;
    }

    RevisionGraph graph() {
        return graph;
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    Collection<ParsedRevision> parsed() {
        return byId.values();
    }

    ParsedRevision parsed(String id) {
        return byId.get(id);
    }

    List<RevisionNode> nodes() {
        return graph.nodes();
    }

    /** The revision as a script value, with its place in the graph. */
    RevisionScript script(String id) {
        ParsedRevision p = byId.get(id);
        RevisionNode node = graph.get(id);
        List<String> up = graph.upRevisions(id);
        return new RevisionScript(id, node.downRevisions(), node.branchLabels(), node.dependsOn(), node.message(),
                p.className(), p.path(), p.doc(), up, up.isEmpty(), node.isBase(), up.size() > 1, node.isMergePoint());
    }

    /** Every revision, newest first. */
    List<RevisionScript> newestFirst() {
        List<RevisionNode> nodes = graph.nodes();
        return java.util.stream.IntStream.range(0, nodes.size())
                .mapToObj(i -> script(nodes.get(nodes.size() - 1 - i).id()))
                .toList();
    }

    /** The ids and their ancestors, following down revisions and dependencies. */
    Set<String> ancestorsOrSelf(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                RevisionNode node = graph.get(id);
                todo.addAll(node.downRevisions());
                todo.addAll(node.dependsOn());
            }
        }
        return seen;
    }

    /** The ids and their descendants, following up revisions and dependents. */
    Set<String> descendantsOrSelf(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(graph.upRevisions(id));
                for (RevisionNode node : graph.nodes()) {
                    if (node.dependsOn().contains(id)) {
                        todo.add(node.id());
                    }
                }
            }
        }
        return seen;
    }
}
