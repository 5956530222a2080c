package dev.retort.runtime.migrator;

import static dev.retort.runtime.migrator.Revisions.CHAIN;
import static dev.retort.runtime.migrator.Revisions.migration;
import static dev.retort.runtime.migrator.Revisions.registry;
import static dev.retort.runtime.migrator.Revisions.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Migrator.TransactionMode;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A failing migration rolls back and leaves the version table at the last revision that succeeded. */
class MigratorFailureTest {

    private static final String FAILING = "INSERT INTO no_such_table (id) VALUES (1)";

    /** Five revisions; the third one runs {@code third} and then a statement that fails. */
    private static MigrationRegistry chainFailingAtThird(Revisions.Body third) {
        List<RevisionDefinition> revisions = new ArrayList<>();
        for (int i = 0; i < CHAIN.size(); i++) {
            String id = CHAIN.get(i);
            Migration migration = i == 2
                    ? migration(op -> {
                        third.run(op);
                        op.execute(FAILING);
                    }, op -> { })
                    : Revisions.createTable("t_" + id);
            revisions.add(revision(id, i == 0 ? List.of() : List.of(CHAIN.get(i - 1)), List.of(), List.of(),
                    "step " + (i + 1), migration));
        }
        return registry(revisions.toArray(RevisionDefinition[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void failureInTheThirdOfFiveRollsItBackAndNamesRevisionClassAndStatement(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            // The third migration first changes data (undone by the rollback) and then fails.
            Migrator migrator = Migrator.builder(chainFailingAtThird(op -> op.execute("INSERT INTO t_" + CHAIN.get(0)
                    + " (id) VALUES (3)"))).dataSource(db.dataSource()).build();

            MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);

            assertThat(e).isNotNull();
            assertThat(e.code()).isEqualTo("MIGRATION_FAILED");
            assertThat(e.revision()).isEqualTo(CHAIN.get(2));
            assertThat(e.className()).isEqualTo("com.example.migrations.M_" + CHAIN.get(2));
            assertThat(e.statement()).isEqualTo(FAILING);
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
            assertThat(e.getMessage())
                    .contains("Upgrade of revision " + CHAIN.get(2) + " (com.example.migrations.M_" + CHAIN.get(2) + ")")
                    .contains(FAILING)
                    .contains("rolled back")
                    .contains("is at " + CHAIN.get(1))
                    .contains("run the upgrade again")
                    .contains("\nCommitted before the failure: " + CHAIN.get(0) + " (Running upgrade  -> " + CHAIN.get(0)
                            + ", step 1); " + CHAIN.get(1) + " (Running upgrade " + CHAIN.get(0) + " -> " + CHAIN.get(1)
                            + ", step 2).");
            assertThat(e.getMessage().lines().findFirst().orElseThrow()).contains("is at " + CHAIN.get(1));
            assertThat(e.appliedSteps()).extracting(AppliedStep::revision).containsExactly(CHAIN.get(0), CHAIN.get(1));
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(0))).isTrue();
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(1))).isTrue();
            assertThat(Db.query(db, "SELECT id FROM t_" + CHAIN.get(0))).isEmpty();
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(3))).isFalse();
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(1));
        }
    }

    @Test
    void postgresRollsBackTheDdlOfTheFailingMigration() {
        try (TestDatabase db = TestDatabases.postgres()) {
            Migrator migrator = Migrator.builder(chainFailingAtThird(op -> op.execute("CREATE TABLE t_third (id INTEGER)")))
                    .dataSource(db.dataSource()).build();
            catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
            assertThat(Db.tableExists(db, "t_third")).isFalse();
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(1));
        }
    }

    @Test
    void allModeOnPostgresRollsBackTheWholeRunDdlIncluded() {
        try (TestDatabase db = TestDatabases.postgres()) {
            Migrator migrator = Migrator.builder(chainFailingAtThird(op -> { }))
                    .dataSource(db.dataSource()).transactionMode(TransactionMode.ALL).build();
            MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
            assertThat(e.revision()).isEqualTo(CHAIN.get(2));
            assertThat(e.getMessage()).contains("Every migration of this run was rolled back").contains("base (no rows)")
                    .contains("No migration of this run committed before the failure.");
            assertThat(e.appliedSteps()).isEmpty();
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(0))).isFalse();
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(1))).isFalse();
            assertThat(Db.versions(db)).isEmpty();
        }
    }

    @Test
    void allModeIsRefusedOnH2WhichCommitsDdlImplicitly() {
        try (TestDatabase db = TestDatabases.h2()) {
            Migrator all = Migrator.builder(chainFailingAtThird(op -> { }))
                    .dataSource(db.dataSource()).transactionMode(TransactionMode.ALL).build();
            MigrationException e = catchThrowableOfType(() -> all.upgrade("head"), MigrationException.class);
            assertThat(e.code()).isEqualTo("TRANSACTION_MODE_UNSUPPORTED");
            assertThat(e.getMessage()).contains("h2").contains("PER_MIGRATION");
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(0))).isFalse();
        }
    }

    @Test
    void onH2AFailingMigrationsDataChangesRollBackWithItsVersionChange() {
        try (TestDatabase db = TestDatabases.h2()) {
            Migrator migrator = Migrator.builder(dataChainFailingAtThird(db)).dataSource(db.dataSource()).build();

            MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);

            assertThat(e.code()).isEqualTo("MIGRATION_FAILED");
            assertThat(e.getMessage()).contains("commits DDL implicitly");
            assertThat(Db.query(db, "SELECT revision FROM migration_log"))
                    .containsExactlyInAnyOrder(CHAIN.get(0), CHAIN.get(1));
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(1));
        }
    }

    @Test
    void allModeRollsBackTheDataOfEveryMigrationOfTheRun() {
        try (TestDatabase db = TestDatabases.postgres()) {
            Migrator all = Migrator.builder(dataChainFailingAtThird(db))
                    .dataSource(db.dataSource()).transactionMode(TransactionMode.ALL).build();

            MigrationException e = catchThrowableOfType(() -> all.upgrade("head"), MigrationException.class);

            assertThat(e.code()).isEqualTo("MIGRATION_FAILED");
            assertThat(Db.query(db, "SELECT revision FROM migration_log")).isEmpty();
            assertThat(Db.versions(db)).isEmpty();
        }
    }

    @Test
    void allModeIsRefusedWithoutTransactionalDdl() {
        H2Dialect nonTransactional = new H2Dialect() {
            @Override
            public boolean transactionalDdl() {
                return false;
            }
        };
        MigrationException e = catchThrowableOfType(() -> Migrator.builder(Revisions.chain())
                .dataSource(TestDatabases.h2().dataSource()).dialect(nonTransactional)
                .transactionMode(TransactionMode.ALL).build(), MigrationException.class);
        assertThat(e.code()).isEqualTo("TRANSACTION_MODE_UNSUPPORTED");
        assertThat(e.getMessage()).contains("PER_MIGRATION");
    }

    @Test
    void withoutTransactionalDdlEachVersionChangeFollowsItsMigration() {
        try (TestDatabase db = TestDatabases.h2()) {
            H2Dialect nonTransactional = new H2Dialect() {
                @Override
                public boolean transactionalDdl() {
                    return false;
                }
            };
            Migrator migrator = Migrator.builder(chainFailingAtThird(op -> { })).dataSource(db.dataSource())
                    .dialect(nonTransactional).build();
            MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
            assertThat(e.getMessage()).contains("Nothing of it had run before the failing statement, so nothing stayed.")
                    .contains("is at " + CHAIN.get(1));
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anExceptionOutsideAStatementIsReportedWithoutStatement(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            MigrationRegistry registry = registry(revision("a0", List.of(), List.of(), List.of(), "boom",
                    migration(op -> {
                        throw new IllegalStateException("no config for region eu-9");
                    }, op -> { })));
            Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).build();
            MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
            assertThat(e.statement()).isNull();
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
            assertThat(e.getMessage()).contains("a0").contains("no config for region eu-9").contains("base (no rows)");
            assertThat(Db.versions(db)).isEmpty();
        }
    }

    /** Data-only migrations that log their revision to migration_log; the third fails after logging. */
    private static MigrationRegistry dataChainFailingAtThird(TestDatabase db) {
        db.execute("CREATE TABLE migration_log (revision VARCHAR(32))");
        List<RevisionDefinition> revisions = new ArrayList<>();
        for (int i = 0; i < CHAIN.size(); i++) {
            String id = CHAIN.get(i);
            Revisions.Body log = op -> op.execute("INSERT INTO migration_log (revision) VALUES ('" + id + "')");
            Migration migration = i == 2 ? migration(op -> {
                log.run(op);
                op.execute(FAILING);
            }, op -> { }) : migration(log, op -> { });
            revisions.add(revision(id, i == 0 ? List.of() : List.of(CHAIN.get(i - 1)), List.of(), List.of(),
                    "", migration));
        }
        return registry(revisions.toArray(RevisionDefinition[]::new));
    }
}
