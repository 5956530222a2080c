package dev.retort.cli.internal;

import dev.retort.graph.RevisionNode;
import java.nio.file.Path;

/**
 * A {@code @Revision} class as read from its source file.
 *
 * @param node       the revision's graph node
 * @param className  the fully qualified class name
 * @param simpleName the class name inside its package ({@code Outer.Inner} for a nested class)
 * @param path       the source file
 * @param line       the line of the annotation
 * @param doc        the class javadoc's description, or empty
 */
public record ParsedRevision(RevisionNode node, String className, String simpleName, Path path, int line, String doc) {

    /** The revision id. */
    public String id() {
        return node.id();
    }
}
