package dev.retort.runtime.migrator;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import java.util.List;

/** Builds registries for migrator tests: real migrations that run SQL through {@link Operations}. */
final class Revisions {

    /** The body of an upgrade or downgrade. */
    interface Body {
        void run(Operations op) throws Exception;
    }

    private Revisions() {
    }

    static Migration migration(Body upgrade, Body downgrade) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) throws Exception {
                upgrade.run(op);
            }

            @Override
            public void downgrade(Operations op) throws Exception {
                downgrade.run(op);
            }
        };
    }

    /** A migration creating table {@code table} (one integer column) and dropping it on downgrade. */
    static Migration createTable(String table) {
        return migration(op -> op.execute("CREATE TABLE " + table + " (id INTEGER)"),
                op -> op.execute("DROP TABLE " + table));
    }

    static RevisionDefinition revision(String id, List<String> down, List<String> labels, List<String> dependsOn,
                                       String message, Migration migration) {
        return new RevisionDefinition(new RevisionNode(id, down, labels, dependsOn, message),
                "com.example.migrations.M_" + id, () -> migration);
    }

    /** A revision creating table {@code t_<id>}. */
    static RevisionDefinition table(String id, String... down) {
        return revision(id, List.of(down), List.of(), List.of(), "create t_" + id, createTable("t_" + id));
    }

    static RevisionDefinition labelled(String id, String label, String... down) {
        return revision(id, List.of(down), List.of(label), List.of(), "create t_" + id, createTable("t_" + id));
    }

    static MigrationRegistry registry(RevisionDefinition... revisions) {
        return MigrationRegistry.of("com.example.migrations", List.of(revisions));
    }

    /** Five revisions in a chain, with ids whose prefixes are unique. */
    static final List<String> CHAIN = List.of("a1b2c3d4e5f6", "b2c3d4e5f6a1", "c3d4e5f6a1b2", "d4e5f6a1b2c3",
            "e5f6a1b2c3d4");

    static MigrationRegistry chain() {
        RevisionDefinition[] revisions = new RevisionDefinition[CHAIN.size()];
        for (int i = 0; i < CHAIN.size(); i++) {
            revisions[i] = i == 0 ? table(CHAIN.get(0)) : table(CHAIN.get(i), CHAIN.get(i - 1));
        }
        return registry(revisions);
    }
}
