package dev.retort.test;

/** The built-in checks of {@link RetortChecks}, to name in {@link RetortMigrationTest#skip()}. */
public enum Check {
    /** {@link MigrationChecks#singleHead()}. */
    SINGLE_HEAD,
    /** {@link MigrationChecks#upgradeFromBase}. */
    UPGRADE_FROM_BASE,
    /** {@link MigrationChecks#modelMatchesDatabase}. */
    MODEL_MATCHES_DATABASE,
    /** {@link MigrationChecks#upDownConsistency}, the stairway. */
    UP_DOWN_CONSISTENCY,
    /** {@link MigrationChecks#downgradeLeavesNoTrace}. */
    DOWNGRADE_LEAVES_NO_TRACE,
    /** {@link MigrationChecks#offlineMatchesOnline}; runs only with {@link RetortMigrationTest#offlineMatchesOnline()}. */
    OFFLINE_MATCHES_ONLINE,
    /** {@link MigrationChecks#snapshotsMatch}; runs only with {@link RetortMigrationTest#snapshots()}. */
    SNAPSHOTS_MATCH
}
