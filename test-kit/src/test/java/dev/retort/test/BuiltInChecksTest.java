package dev.retort.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.JUnitRun.Outcome;
import dev.retort.test.fixtures.Models;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each built-in check, run as a user's test class runs it, passes on healthy revisions and
 * catches the defect it exists for, with a message that names the revision and the object.
 * The fixture classes below are not run by Surefire (nested, not named *Test); this test runs
 * them through the JUnit Platform.
 */
class BuiltInChecksTest {

    private static final String POSTGRES = "PostgreSQL";

    @RetortMigrationTest(registry = dev.retort.test.fixtures.good.GeneratedMigrations.class, model = Models.class,
            modelField = "GOOD", databases = {H2TestDatabase.class, PostgresTestDatabase.class},
            offlineMatchesOnline = true, snapshots = "src/test/resources/retort/schemas/good")
    static class Healthy implements RetortChecks {
    }

    @RetortMigrationTest(registry = dev.retort.test.fixtures.twoheads.GeneratedMigrations.class)
    static class TwoHeads implements RetortChecks {
    }

    @RetortMigrationTest(registry = dev.retort.test.fixtures.forgetsindex.GeneratedMigrations.class,
            databases = {H2TestDatabase.class, PostgresTestDatabase.class})
    static class ForgetsIndex implements RetortChecks {
    }

    @RetortMigrationTest(registry = dev.retort.test.fixtures.good.GeneratedMigrations.class, model = Models.class,
            modelField = "DRIFTED", databases = {H2TestDatabase.class, PostgresTestDatabase.class})
    static class ModelDrift implements RetortChecks {
    }

    @RetortMigrationTest(registry = dev.retort.test.fixtures.good.GeneratedMigrations.class, model = Models.class,
            modelField = "CHECKED_AND_AUDITED")
    static class DefaultComparison implements RetortChecks {
    }

    @RetortMigrationTest(registry = dev.retort.test.fixtures.good.GeneratedMigrations.class, model = Models.class,
            modelField = "CHECKED_AND_AUDITED", includeSchemas = "aud*", compareCheckConstraints = true)
    static class SchemasAndChecksCompared implements RetortChecks {
    }

    @RetortMigrationTest(registry = dev.retort.test.fixtures.edited.after.GeneratedMigrations.class,
            snapshots = "src/test/resources/retort/schemas/edited")
    static class EditedRevision implements RetortChecks {
    }

    @RetortMigrationTest(registry = dev.retort.test.fixtures.forgetsindex.GeneratedMigrations.class,
            skip = Check.DOWNGRADE_LEAVES_NO_TRACE)
    static class SkippedByAttribute implements RetortChecks {
        @Override
        @Disabled("the stairway of this fixture fails on purpose")
        @TestFactory
        public Stream<DynamicTest> upDownConsistency(RetortTestContext context) {
            return RetortChecks.super.upDownConsistency(context);
        }
    }

    @Test
    void healthyRevisionsPassEveryCheckOnEachDatabase() {
        Map<String, Outcome> outcomes = JUnitRun.run(Healthy.class);

        assertThat(outcomes).containsKeys("singleHead", "upgradeFromBase/H2", "modelMatchesDatabase/H2",
                "upDownConsistency/H2", "downgradeLeavesNoTrace/H2", "offlineMatchesOnline/H2", "snapshotsMatch/H2");
        outcomes.forEach((test, outcome) -> {
            if (test.equals("snapshotsMatch/" + POSTGRES)) {
                assertThat(outcome.message()).contains("compared on H2 only");
            } else if (!skippedServer(test.substring(test.indexOf('/') + 1), outcome)) {
                assertThat(outcome.status()).as(test + ": " + outcome.message()).isEqualTo("SUCCESSFUL");
            }
        });
    }

    @Test
    void singleHeadNamesBothHeadsAndTheMergeCommand() {
        Outcome outcome = JUnitRun.run(TwoHeads.class).get("singleHead");

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.message())
                .contains("2 heads: e5000000005e (AddAccountEmail, \"Give accounts an email\"), "
                        + "f6000000006f (AddAccountPhone, \"Give accounts a phone number\")")
                .contains("retort merge -m \"merge heads\" e5000000005e f6000000006f");
    }

    @Test
    void aDowngradeThatForgetsAnIndexFailsTheStairwayAndLeavesATrace() {
        Map<String, Outcome> outcomes = JUnitRun.run(ForgetsIndex.class);

        for (String database : new String[] {"H2", POSTGRES}) {
            Outcome trace = outcomes.get("downgradeLeavesNoTrace/" + database);
            if (skippedServer(database, trace)) {
                continue;
            }
            assertThat(trace.status()).as(database).isEqualTo("FAILED");
            assertThat(trace.message()).as(database)
                    .contains("upgrading to revision d4000000004d (IndexAccountName, \"Index accounts by name\") "
                            + "and downgrading to a1000000001a does not give back the schema before it")
                    .contains("index account.ix_account_name: absent before it, "
                            + "{\"columns\": [\"name\"], \"unique\": false} after its downgrade");

            Outcome stairway = outcomes.get("upDownConsistency/" + database);
            assertThat(stairway.status()).as(database).isEqualTo("FAILED");
            assertThat(stairway.message()).as(database)
                    .contains("revision d4000000004d (IndexAccountName")
                    .contains("step 3 of 3: upgrade a1000000001a -> d4000000004d again")
                    .containsIgnoringCase("ix_account_name");
            assertThat(outcomes.get("upgradeFromBase/" + database).status()).isEqualTo("SUCCESSFUL");
        }
    }

    @Test
    void aModelFieldWithNoMigrationIsListedAsTheOperationThatAddsIt() {
        Map<String, Outcome> outcomes = JUnitRun.run(ModelDrift.class);

        for (String database : new String[] {"H2", POSTGRES}) {
            Outcome outcome = outcomes.get("modelMatchesDatabase/" + database);
            if (skippedServer(database, outcome)) {
                continue;
            }
            assertThat(outcome.status()).as(database).isEqualTo("FAILED");
            assertThat(outcome.message()).as(database)
                    .contains("the database at c3000000003c (AddAccountStatus")
                    .contains("differs from the model dev.retort.test.fixtures.Models.DRIFTED")
                    .contains("op.addColumn(\"account\", Column.of(\"nickname\", Type.varchar(40)));");
        }
    }

    @Test
    void includedSchemasAndChecksAreComparedOnlyWhenTheAnnotationAsks() {
        assertThat(JUnitRun.run(DefaultComparison.class).get("modelMatchesDatabase/H2").status())
                .as("a check and another schema's table are not compared by default").isEqualTo("SUCCESSFUL");

        Outcome outcome = JUnitRun.run(SchemasAndChecksCompared.class).get("modelMatchesDatabase/H2");
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.message())
                .contains("differs from the model dev.retort.test.fixtures.Models.CHECKED_AND_AUDITED")
                .contains("op.inSchema(\"audit\").createTable(\"event\",")
                .contains("op.createCheckConstraint(\"ck_account_status\", \"account\", \"status <> ''\");");
    }

    @Test
    void anEditedAppliedRevisionNoLongerMatchesItsCommittedSnapshot() {
        Outcome outcome = JUnitRun.run(EditedRevision.class).get("snapshotsMatch/H2");

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.message())
                .contains("revision b2000000002b (AddAccountEmail, \"Give accounts an email\")")
                .contains("b2000000002b.json")
                .contains("column account.email: {\"type\": \"Type.varchar(100)\", \"nullable\": true} in the snapshot, "
                        + "{\"type\": \"Type.varchar(255)\", \"nullable\": true} now")
                .doesNotContain("a1000000001a (");
    }

    @Test
    void checksAreTurnedOffOneByOne() {
        Map<String, Outcome> outcomes = JUnitRun.run(SkippedByAttribute.class);

        assertThat(outcomes.get("downgradeLeavesNoTrace/H2"))
                .isEqualTo(new Outcome("ABORTED", "Assumption failed: DOWNGRADE_LEAVES_NO_TRACE is skipped by "
                        + "@RetortMigrationTest(skip = …)"));
        assertThat(outcomes.get("upDownConsistency"))
                .isEqualTo(new Outcome("SKIPPED", "the stairway of this fixture fails on purpose"));
        assertThat(outcomes.get("upgradeFromBase/H2").status()).isEqualTo("SUCCESSFUL");
        assertThat(outcomes.get("modelMatchesDatabase/H2").status()).isEqualTo("ABORTED");
        assertThat(outcomes.get("modelMatchesDatabase/H2").message()).contains("no model to compare with");
        assertThat(outcomes.get("offlineMatchesOnline/H2").message()).contains("opt-in");
    }

    /** PostgreSQL's checks are skipped, not failed, when the server is down outside CI. */
    private static boolean skippedServer(String database, Outcome outcome) {
        if (database.equals(POSTGRES) && outcome.status().equals("ABORTED")
                && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(outcome.message()).contains("PostgreSQL is not reachable");
            return true;
        }
        return false;
    }
}
