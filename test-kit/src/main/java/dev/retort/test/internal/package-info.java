/**
 * The test kit's implementation: the JUnit extension, the revision walk, schema JSON and its
 * diff. No compatibility promise: use {@link dev.retort.test} instead.
 */
package dev.retort.test.internal;
