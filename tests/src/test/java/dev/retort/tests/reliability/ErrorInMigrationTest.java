package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Migrator;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code java.lang.Error} thrown by a migration (an {@code AssertionError}, a real {@code
 * StackOverflowError}) rolls the migration back like an exception: the step loop's {@code
 * finally} must not commit its partial work when it turns auto-commit back on. The version
 * table stays at the last good revision and the error is a {@code MIGRATION_FAILED} naming
 * the revision and class. Where DDL commits implicitly (H2, MariaDB) the table created
 * before the error stays, as documented, and the message lists it; the row inserted after
 * that DDL is rolled back everywhere.
 */
class ErrorInMigrationTest {

    private static final List<String> IDS = List.of("ab01", "bc02", "cd03");

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "h2, assertion", "sqlite, assertion", "postgresql, assertion", "mariadb, assertion",
        "h2, stackoverflow", "postgresql, stackoverflow", "mariadb, stackoverflow"})
    void anErrorRollsTheMigrationBackAndIsReportedAsAFailedMigration(String kind, String error) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = Migrator.builder(Chain.linear(IDS, List.of(
                    Chain.createTable("t_one"),
                    op -> {
                        op.execute("CREATE TABLE s_two (id INTEGER)");
                        op.execute("INSERT INTO t_one (id) VALUES (2)");
                        if (error.equals("assertion")) {
                            throw new AssertionError("invariant broken in bc02");
                        }
                        recurse(0);
                    },
                    Chain.createTable("t_three")))).dataSource(db.dataSource()).build();

            MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);

            assertThat(e).as("an Error must surface as a MigrationException").isNotNull();
            assertThat(e.code()).isEqualTo("MIGRATION_FAILED");
            assertThat(e.revision()).isEqualTo("bc02");
            assertThat(e.className()).isEqualTo(Chain.className("bc02"));
            assertThat(e.getCause()).isInstanceOf(error.equals("assertion") ? AssertionError.class
                    : StackOverflowError.class);
            assertThat(e.getMessage().lines().findFirst().orElseThrow())
                    .startsWith("Upgrade of revision bc02 (" + Chain.className("bc02") + ") failed: "
                            + (error.equals("assertion") ? "AssertionError: invariant broken in bc02."
                            : "StackOverflowError"))
                    .contains("The version table retort_version is at ab01.")
                    .contains("run the upgrade again");
            assertThat(e.appliedSteps()).extracting(step -> step.revision()).containsExactly("ab01");
            assertThat(e.getMessage()).contains("Committed before the failure: ab01 (Running upgrade  -> ab01, step 1)");

            assertThat(Chain.versions(db)).containsExactly("ab01");
            assertThat(Chain.query(db, "SELECT id FROM t_one")).as("the insert after the DDL").isEmpty();
            assertThat(Chain.tableExists(db, "t_three")).isFalse();
            boolean implicitDdlCommit = kind.equals("h2") || kind.equals("mariadb");
            assertThat(Chain.tableExists(db, "s_two")).isEqualTo(implicitDdlCommit);
            if (implicitDdlCommit) {
                assertThat(e.getMessage())
                        .contains("commits DDL implicitly, so 1 statement of it that ran before the failure stayed")
                        .contains("\nStayed: [CREATE TABLE s_two (id INTEGER)]")
                        .contains("\nRolled back: [INSERT INTO t_one (id) VALUES (2)]");
            } else {
                assertThat(e.getMessage()).contains("Its changes were rolled back.").doesNotContain("Stayed:");
            }

            // The next run, with the failing revision fixed, finishes by itself on the
            // transactional databases; on H2 and MariaDB s_two is in the way, as the message said.
            if (!implicitDdlCommit) {
                Migrator fixed = Migrator.builder(Chain.linear(IDS, List.of(Chain.createTable("t_one"),
                        Chain.createTable("s_two"), Chain.createTable("t_three")))).dataSource(db.dataSource()).build();
                assertThat(fixed.upgrade("head").steps()).extracting(step -> step.revision())
                        .containsExactly("bc02", "cd03");
            }
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
