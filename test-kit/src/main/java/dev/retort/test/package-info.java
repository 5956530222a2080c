/**
 * Retort's test kit: one annotated class runs the built-in checks of a project's migrations
 * as JUnit 5 tests ({@link dev.retort.test.RetortMigrationTest}, {@link
 * dev.retort.test.RetortChecks}), {@link dev.retort.test.MigrationTester} drives a data
 * migration's test revision by revision, and {@link dev.retort.test.SchemaSnapshots} writes
 * and verifies the schema at every revision.
 */
package dev.retort.test;
