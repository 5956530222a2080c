/**
 * Schema snapshots: the schema at every revision as a JSON file to commit beside the
 * migrations ({@link dev.retort.autogenerate.snapshot.SchemaSnapshots}). JUnit-free, so the
 * command line's {@code retort snapshot} and the test kit's {@code snapshotsMatch} check share it.
 */
package dev.retort.autogenerate.snapshot;
