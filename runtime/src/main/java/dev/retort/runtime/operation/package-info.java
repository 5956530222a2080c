/**
 * Schema changes as immutable values. {@link dev.retort.runtime.Operations} builds them;
 * a {@link dev.retort.runtime.dialect.Dialect} renders them to SQL.
 */
package dev.retort.runtime.operation;
