/**
 * The test kit's implementation: the JUnit extension's helpers, a URL data source and the
 * script runner. No compatibility promise: use {@link dev.retort.test} instead.
 */
package dev.retort.test.internal;
