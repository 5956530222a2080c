package dev.retort.runtime.internal.command;

import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionNode;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.internal.VersionTable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The commands that only read: {@code current} from the database, {@code heads}, {@code bases} and {@code history} from the graph. */
public final class QueryCommands {

    private final MigrationContext context;

    public QueryCommands(MigrationContext context) {
        this.context = context;
    }

    private RevisionGraph graph() {
        return context.graph();
    }

    public List<String> current() {
        return context.withConnection("current", connection -> {
            VersionTable table = context.versionTable(context.dialect(connection));
            try {
                return table.read(connection);
            } catch (SQLException e) {
                if (table.exists(connection)) {
                    throw e;
                }
                return List.of();
            }
        });
    }

    public List<String> heads() {
        return graph().heads();
    }

    public List<String> bases() {
        return graph().bases();
    }

    public List<RevisionInfo> history() {
        RevisionGraph graph = graph();
        Map<String, RevisionDefinition> definitions = context.definitions();
        Set<String> heads = Set.copyOf(graph.heads());
        List<RevisionInfo> history = new ArrayList<>();
        for (RevisionNode node : graph.nodes()) {
            history.add(new RevisionInfo(node.id(), node.downRevisions(), node.branchLabels(), node.dependsOn(),
                    node.message(), definitions.get(node.id()).className(), heads.contains(node.id()),
                    node.isBase(), graph.upRevisions(node.id()).size() > 1, node.isMergePoint()));
        }
        Collections.reverse(history);
        return List.copyOf(history);
    }
}
