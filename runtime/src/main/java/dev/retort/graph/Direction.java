package dev.retort.graph;

/** Which way a step moves through the graph. */
public enum Direction {
    UPGRADE,
    DOWNGRADE
}
