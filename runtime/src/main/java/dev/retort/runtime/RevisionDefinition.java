package dev.retort.runtime;

import dev.retort.graph.RevisionNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A revision as the generated registry lists it: its graph node, the name of its class
 * and a factory that creates it without reflection (the generated registry's {@code new AddAccount()}).
 *
 * @param node      the revision's place in the graph
 * @param className the fully qualified name of the migration class
 * @param factory   creates a fresh instance of the migration
 */
public record RevisionDefinition(RevisionNode node, String className, Supplier<? extends Migration> factory) {

    public RevisionDefinition {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(factory, "factory");
    }

    /** The revision id. */
    public String id() {
        return node.id();
    }
}
