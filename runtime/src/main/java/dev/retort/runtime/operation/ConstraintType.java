package dev.retort.runtime.operation;

/** The kind of a table constraint; some dialects need it to drop one. */
public enum ConstraintType {
    /** {@code PRIMARY KEY}. */
    PRIMARY_KEY,
    /** {@code FOREIGN KEY}. */
    FOREIGN_KEY,
    /** {@code UNIQUE}. */
    UNIQUE,
    /** {@code CHECK}. */
    CHECK
}
