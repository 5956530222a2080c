package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Migrator;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On databases whose DDL commits implicitly (MariaDB, H2), a failing migration's message
 * says exactly which of its statements stayed, and each test checks the database agrees:
 * a DDL statement commits itself and everything before it (MariaDB commits before running
 * it, so even a failing one does; H2 commits after it, failed or not), later data changes
 * roll back. Never "its data changes were rolled back" when they were not.
 */
class ImplicitDdlCommitReportTest {

    private static final List<String> IDS = List.of("ab01", "bc02");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void dataBeforeADdlStatementStaysDataAfterItRollsBack(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            MigrationException e = failSecond(db,
                    "INSERT INTO t_one (id) VALUES (1)",
                    "CREATE TABLE s_two (id INTEGER)",
                    "INSERT INTO t_one (id) VALUES (2)",
                    "INSERT INTO no_such_table (id) VALUES (3)");

            assertThat(Chain.query(db, "SELECT id FROM t_one")).containsExactly("1");
            assertThat(Chain.tableExists(db, "s_two")).isTrue();
            assertThat(e.getMessage().lines().findFirst().orElseThrow())
                    .contains("on statement [INSERT INTO no_such_table (id) VALUES (3)]")
                    .contains("This database commits DDL implicitly, so 2 statements of it that ran before the "
                            + "failing statement stayed (listed below)")
                    .doesNotContain("data changes were rolled back");
            assertThat(e.getMessage())
                    .contains("\nStayed: [INSERT INTO t_one (id) VALUES (1)]; [CREATE TABLE s_two (id INTEGER)]\n")
                    .contains("\nRolled back: [INSERT INTO t_one (id) VALUES (2)]\n");
            assertThat(Chain.versions(db)).containsExactly("ab01");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aFailingDdlStatementStillCommitsTheDataBeforeIt(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            MigrationException e = failSecond(db,
                    "INSERT INTO t_one (id) VALUES (1)",
                    "CREATE TABLE t_one (id INTEGER)");

            assertThat(Chain.query(db, "SELECT id FROM t_one")).containsExactly("1");
            assertThat(e.getMessage())
                    .contains("so 1 statement of it that ran before the failing statement stayed")
                    .contains("\nStayed: [INSERT INTO t_one (id) VALUES (1)]\n")
                    .doesNotContain("Rolled back:");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void dataAloneRollsBackAndTheMessageSaysSo(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            MigrationException e = failSecond(db,
                    "INSERT INTO t_one (id) VALUES (1)",
                    "INSERT INTO no_such_table (id) VALUES (3)");

            assertThat(Chain.query(db, "SELECT id FROM t_one")).isEmpty();
            assertThat(e.getMessage()).contains("This database commits DDL implicitly, but no such statement had "
                    + "run, so its 1 statement that ran before the failing statement was rolled back.")
                    .doesNotContain("Stayed:");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aFirstStatementThatFailsLeavesNothing(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            MigrationException e = failSecond(db, "INSERT INTO no_such_table (id) VALUES (3)");

            assertThat(e.getMessage()).contains("Nothing of it had run before the failing statement, so nothing "
                    + "stayed.");
            assertThat(Chain.versions(db)).containsExactly("ab01");
        }
    }

    /** Runs ab01 (creates t_one), then bc02 running {@code statements}, whose last one fails. */
    private static MigrationException failSecond(TestDatabase db, String... statements) {
        Migrator migrator = Migrator.builder(Chain.linear(IDS, List.of(Chain.createTable("t_one"), op -> {
            for (String sql : statements) {
                op.execute(sql);
            }
        }))).dataSource(db.dataSource()).build();
        MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("MIGRATION_FAILED");
        assertThat(e.revision()).isEqualTo("bc02");
        assertThat(e.statement()).isEqualTo(statements[statements.length - 1]);
        assertThat(e.appliedSteps()).extracting(step -> step.revision()).containsExactly("ab01");
        assertThat(Chain.versions(db)).containsExactly("ab01");
        return e;
    }
}
