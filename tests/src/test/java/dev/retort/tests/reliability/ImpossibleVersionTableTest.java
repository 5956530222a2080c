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
 * A version table that no state of the graph can produce, such as {@code ab01} and {@code
 * cd03} on the chain {@code ab01 <- bc02 <- cd03}, is an error listing the rows and saying
 * to stamp, never "nothing to upgrade"; stamping the revision the schema is at repairs it.
 */
class ImpossibleVersionTableTest {

    private static final List<String> IDS = List.of("ab01", "bc02", "cd03", "de04");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAncestorAndItsDescendantInTheTableAreRefusedAndStampRepairsIt(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = Migrator.builder(Chain.linear(IDS, List.of(Chain.createTable("t_one"),
                    Chain.createTable("t_two"), Chain.createTable("t_three"), Chain.createTable("t_four"))))
                    .dataSource(db.dataSource()).build();
            migrator.upgrade("cd03");
            db.execute("INSERT INTO retort_version (version_num) VALUES ('ab01')");

            for (String target : List.of("head", "cd03", "-1")) {
                MigrationException e = catchThrowableOfType(() -> {
                    if (target.equals("-1")) {
                        migrator.downgrade(target);
                    } else {
                        migrator.upgrade(target);
                    }
                }, MigrationException.class);
                assertThat(e).as(target).isNotNull();
                assertThat(e.code()).isEqualTo("INCONSISTENT_VERSION_TABLE");
                assertThat(e.getMessage()).doesNotContain("\n")
                        .startsWith("Version table retort_version holds ab01, cd03, a state no upgrade, downgrade or "
                                + "stamp leaves: ab01 is an ancestor of another row. Nothing was run.")
                        .contains("stamp it, e.g. Migrator.stamp(\"cd03\") (retort stamp cd03)");
            }
            assertThat(Chain.tableExists(db, "t_four")).isFalse();
            assertThat(Chain.versions(db)).containsExactly("ab01", "cd03");

            assertThat(migrator.stamp("cd03").headsAfter()).containsExactly("cd03");
            assertThat(migrator.upgrade("head").steps()).extracting(step -> step.revision()).containsExactly("de04");
            assertThat(Chain.versions(db)).containsExactly("de04");
        }
    }
}
