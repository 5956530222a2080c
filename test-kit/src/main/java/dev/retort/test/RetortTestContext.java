package dev.retort.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * What {@link RetortChecks}' tests receive: the configured {@link MigrationChecks} and the
 * databases to run them on, from the class's {@link RetortMigrationTest}. Made by the
 * extension; a test calls it only from an override of a built-in check.
 */
public final class RetortTestContext {

    /** The system property that makes {@code snapshotsMatch} write the snapshots of new revisions. */
    public static final String WRITE_SNAPSHOTS_PROPERTY = "retort.snapshots.write";

    private final MigrationChecks checks;
    private final List<TestDatabase> databases;
    private final Set<Check> skip;
    private final boolean offlineMatchesOnline;
    private final String snapshots;
    private final String noModel;

    RetortTestContext(MigrationChecks checks, List<TestDatabase> databases, Set<Check> skip,
                      boolean offlineMatchesOnline, String snapshots, String noModel) {
        this.checks = checks;
        this.databases = List.copyOf(databases);
        this.skip = Set.copyOf(skip);
        this.offlineMatchesOnline = offlineMatchesOnline;
        this.snapshots = snapshots;
        this.noModel = noModel;
    }

    /** The checks, configured from the annotation. */
    public MigrationChecks checks() {
        return checks;
    }

    /** Runs a check that needs no database ({@link Check#SINGLE_HEAD}); skipped when the annotation skips it. */
    public void run(Check check) {
        skipIfSkipped(check);
        if (check != Check.SINGLE_HEAD) {
            throw new IllegalArgumentException(check + " runs on a database: use onEachDatabase(" + check + ")");
        }
        checks.singleHead();
    }

    /** One test per configured database, each running {@code check} on a fresh database of that kind. */
    public Stream<DynamicTest> onEachDatabase(Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (TestDatabase database : databases) {
            tests.add(DynamicTest.dynamicTest(database.name(), () -> {
                skipIfSkipped(check);
                runOn(check, database);
            }));
        }
        return tests.stream();
    }

    private void skipIfSkipped(Check check) {
        Assumptions.assumeFalse(skip.contains(check), () -> check + " is skipped by @RetortMigrationTest(skip = …)");
    }

    private void runOn(Check check, TestDatabase database) throws Exception {
        switch (check) {
            case SINGLE_HEAD -> checks.singleHead();
            case UPGRADE_FROM_BASE -> withFresh(database, fresh -> checks.upgradeFromBase(fresh.dataSource()));
            case MODEL_MATCHES_DATABASE -> {
                Assumptions.assumeTrue(noModel == null, () -> noModel);
                withFresh(database, fresh -> checks.modelMatchesDatabase(fresh.dataSource()));
            }
            case UP_DOWN_CONSISTENCY -> withFresh(database, fresh -> checks.upDownConsistency(fresh.dataSource()));
            case DOWNGRADE_LEAVES_NO_TRACE ->
                    withFresh(database, fresh -> checks.downgradeLeavesNoTrace(fresh.dataSource()));
            case OFFLINE_MATCHES_ONLINE -> {
                Assumptions.assumeTrue(offlineMatchesOnline,
                        "offlineMatchesOnline is opt-in: @RetortMigrationTest(offlineMatchesOnline = true)");
                withFresh(database, online -> withFresh(database,
                        offline -> checks.offlineMatchesOnline(online.dataSource(), offline.dataSource())));
            }
            case SNAPSHOTS_MATCH -> {
                Assumptions.assumeFalse(snapshots.isEmpty(), "no snapshot folder: @RetortMigrationTest(snapshots = \""
                        + SchemaSnapshots.DEFAULT_DIRECTORY + "\") checks the committed schema snapshots");
                Assumptions.assumeTrue(database == databases.get(0), () -> "schema snapshots are compared on "
                        + databases.get(0).name() + " only, the first database, which writes them");
                Path directory = Path.of(snapshots);
                withFresh(database, fresh -> checks.snapshotsMatch(fresh.dataSource(), directory,
                        Boolean.getBoolean(WRITE_SNAPSHOTS_PROPERTY)));
            }
            default -> throw new IllegalArgumentException("Unknown check " + check);
        }
    }

    private static void withFresh(TestDatabase database, FreshAction action) throws Exception {
        try (FreshDatabase fresh = database.create()) {
            action.run(fresh);
        }
    }

    private interface FreshAction {
        void run(FreshDatabase fresh) throws Exception;
    }
}
