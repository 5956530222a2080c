package dev.retort.autogenerate.snapshot;

import dev.retort.autogenerate.internal.snapshot.QuietLogger;
import dev.retort.graph.RevisionNode;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * pytest-alembic's stairway, on any graph: for each revision in topological order, with
 * exactly its ancestors applied, upgrade to it, downgrade one step, upgrade again. On a
 * straight chain the database simply climbs; where the next revision is on another branch
 * than the last, the database is taken down to base and up to that revision's parents first,
 * so no other branch's tables are in the way. The test kit's {@code upDownConsistency} and
 * {@code downgradeLeavesNoTrace} checks are this walk; an {@link Observer} compares schemas
 * around each step (with {@link SchemaSnapshots#differences}).
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder(GeneratedMigrations.REGISTRY).dataSource(emptyDataSource)
 *         .logger(RevisionWalk.quietLogger()).build();
 * new RevisionWalk(GeneratedMigrations.REGISTRY).walk(migrator, new RevisionWalk.Observer() { });
 * }</pre>
 */
public final class RevisionWalk {

    /** What the walk reports around each revision's down step, to compare schemas. */
    public interface Observer {
        /** Before the first upgrade to {@code revision}: its ancestors only are applied. */
        default void beforeUpgrade(RevisionDefinition revision) throws Exception {
        }

        /** After the downgrade from {@code revision}, before it is applied again. */
        default void afterDowngrade(RevisionDefinition revision, String target) throws Exception {
        }
    }

    private final MigrationRegistry registry;
    private final Map<String, RevisionDefinition> byId = new HashMap<>();

    /** A walk over every revision of {@code registry}, in the registry's (topological) order. */
    public RevisionWalk(MigrationRegistry registry) {
        this.registry = registry;
        registry.revisions().forEach(r -> byId.put(r.id(), r));
    }

    /**
     * Walks every revision with {@code migrator}, which must be built on an empty database
     * (or one at a revision of the registry) for the registry this walk was made with.
     *
     * @throws StepFailure naming the revision, the step and the cause, at the first failure
     */
    public void walk(Migrator migrator, Observer observer) {
        // Tracked here rather than read back before each revision: a read per step would cost a
        // fifth of the stairway's time; the downgrade's result is still read and checked.
        Set<String> applied = closure(migrator.current());
        for (RevisionDefinition revision : registry.revisions()) {
            RevisionNode node = revision.node();
            Set<String> below = ancestors(node);
            below.remove(node.id());
            if (!applied.equals(below)) {
                step(revision, "0 of 3: reset to its parents (downgrade base, upgrade "
                        + parents(node) + ")", () -> {
                    migrator.downgrade("base");
                    for (String parent : parents(node)) {
                        migrator.upgrade(parent);
                    }
                });
            }
            step(revision, "before it: read the schema", () -> observer.beforeUpgrade(revision));
            step(revision, "1 of 3: upgrade " + describe(below) + " -> " + node.id(),
                    () -> migrator.upgrade(node.id()));
            String target = node.isBase() ? "base" : node.downRevisions().get(0);
            step(revision, "2 of 3: downgrade " + node.id() + " -> " + target, () -> {
                migrator.downgrade(target);
                Set<String> now = closure(migrator.current());
                if (!now.equals(below)) {
                    throw new IllegalStateException("the version table then holds " + migrator.current()
                            + ", where " + describe(below) + " were expected");
                }
            });
            step(revision, "after its downgrade: read the schema", () -> observer.afterDowngrade(revision, target));
            step(revision, "3 of 3: upgrade " + target + " -> " + node.id() + " again",
                    () -> migrator.upgrade(node.id()));
            applied = ancestors(node);
        }
    }

    /**
     * The migrator's logger for a walk: its warnings and errors, without the INFO line of
     * each step (a stairway over a hundred revisions writes three hundred). For any migrator
     * that a test or a tool drives step by step.
     */
    public static System.Logger quietLogger() {
        return new QuietLogger();
    }

    /**
     * The revision, its class and its message, as failures name it: {@code a1b2c3d4e5f6
     * (AddAccount, "Add account")}.
     */
    public static String describe(RevisionDefinition revision) {
        String simple = revision.className().substring(revision.className().lastIndexOf('.') + 1);
        String message = revision.node().message();
        return revision.id() + " (" + simple + (message.isEmpty() ? "" : ", \"" + message + "\"") + ")";
    }

    private static String describe(Set<String> revisions) {
        return revisions.isEmpty() ? "base" : new TreeSet<>(revisions).toString();
    }

    private static List<String> parents(RevisionNode node) {
        List<String> parents = new java.util.ArrayList<>(node.downRevisions());
        parents.addAll(node.dependsOn());
        return parents;
    }

    private void step(RevisionDefinition revision, String step, Action action) {
        try {
            action.run();
        } catch (StepFailure e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailure(revision, step, e);
        }
    }

    /** Every revision {@code node} needs, itself included. */
    private Set<String> ancestors(RevisionNode node) {
        return closure(List.of(node.id()));
    }

    private Set<String> closure(List<String> heads) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(heads);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            RevisionDefinition definition = byId.get(id);
            if (definition == null || !seen.add(id)) {
                continue;
            }
            todo.addAll(definition.node().downRevisions());
            todo.addAll(definition.node().dependsOn());
        }
        return seen;
    }

    private interface Action {
        void run() throws Exception;
    }

    /** A step of the walk failed; the message names the revision and the step. */
    public static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient RevisionDefinition revision;

        StepFailure(RevisionDefinition revision, String step, Exception cause) {
            super("revision " + describe(revision) + ", step " + step + ": " + firstLines(cause), cause);
            this.revision = revision;
        }

        /** The revision whose step failed. */
        public RevisionDefinition revision() {
            return revision;
        }

        private static String firstLines(Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return message.strip();
        }
    }
}
