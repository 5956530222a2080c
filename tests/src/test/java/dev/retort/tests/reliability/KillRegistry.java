package dev.retort.tests.reliability;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Eight revisions that the kill and concurrency tests migrate in separate JVMs, written by
 * hand (no processor run) to keep those JVMs' class path small. Each revision inserts its id
 * into {@code audit}, so a test counts how often each one ran, and pauses {@code
 * retort.reliability.pause} milliseconds before each operation, so that kills land inside
 * migrations rather than between them.
 */
final class KillRegistry {

    static final List<String> IDS = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");

    private KillRegistry() {
    }

    static MigrationRegistry registry() {
        List<RevisionDefinition> revisions = new ArrayList<>();
        add(revisions, "a1", op -> op.createTable("audit", Column.of("revision", Type.varchar(32)).notNull()));
        add(revisions, "a2", op -> op.createTable("account", Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("name", Type.varchar(50)).notNull()));
        add(revisions, "a3", op -> {
            op.addColumn("account", Column.of("email", Type.varchar(100)));
            pause();
            op.createIndex("ix_account_email", "account", "email");
        });
        add(revisions, "a4", op -> {
            op.createTable("orders", Column.of("id", Type.BIGINT).primaryKey(),
                    Column.of("account_id", Type.BIGINT).notNull());
            pause();
            op.createUniqueIndex("ux_orders_account", "orders", "account_id", "id");
        });
        add(revisions, "a5", op -> op.bulkInsert("account", List.of(
                Map.of("id", 1L, "name", "ada"), Map.of("id", 2L, "name", "grace"), Map.of("id", 3L, "name", "linus"))));
        add(revisions, "a6", op -> {
            op.addColumn("account", Column.of("status", Type.varchar(10)));
            pause();
            op.dropIndex("ix_account_email", "account");
        });
        add(revisions, "a7", op -> op.renameColumn("account", "status", "state"));
        add(revisions, "a8", op -> {
            op.createTable("note", Column.of("id", Type.BIGINT).primaryKey(), Column.of("body", Type.TEXT));
            pause();
            op.dropColumn("account", "email");
        });
        return MigrationRegistry.of("dev.retort.tests.reliability", revisions);
    }

    private static void add(List<RevisionDefinition> revisions, String id, Consumer<Operations> body) {
        RevisionNode node = revisions.isEmpty() ? RevisionNode.of(id)
                : RevisionNode.of(id, revisions.get(revisions.size() - 1).id());
        revisions.add(new RevisionDefinition(node, KillRegistry.class.getName() + "$" + id, () -> new Migration() {
            @Override
            public void upgrade(Operations op) {
                pause();
                body.accept(op);
                pause();
                op.execute("INSERT INTO audit (revision) VALUES (?)", id);
            }

            @Override
            public void downgrade(Operations op) {
                throw new UnsupportedOperationException("the reliability tests only upgrade");
            }
        }));
    }

    static void pause() {
        long millis = Long.getLong("retort.reliability.pause", 0);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
