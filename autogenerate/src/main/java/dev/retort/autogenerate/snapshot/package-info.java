/**
 * Schema snapshots: the schema at every revision as a JSON file to commit beside the
 * migrations ({@link dev.retort.autogenerate.snapshot.SchemaSnapshots}), the differences
 * between two schemas, and the stairway walk over every revision ({@link
 * dev.retort.autogenerate.snapshot.RevisionWalk}). JUnit-free, so the command line's {@code
 * retort snapshot} and the test kit's checks share it.
 */
package dev.retort.autogenerate.snapshot;
