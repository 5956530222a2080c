package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.testing.CountingDataSource;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An application already at head pays for exactly one version-table read: no lock, no DDL. */
class StartupCostTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void atHeadWithAThousandRevisionsOneStatementOnOneConnection(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            List<RevisionDefinition> revisions = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String id = String.format("r%04d", i);
                revisions.add(i == 0 ? Revisions.revision(id, List.of(), List.of(), List.of(), "", Revisions.migration(
                        op -> op.execute("CREATE TABLE counted (id INTEGER)"), op -> { }))
                        : Revisions.revision(id, List.of(String.format("r%04d", i - 1)), List.of(), List.of(), "",
                        Revisions.migration(op -> { }, op -> { })));
            }
            MigrationRegistry registry = Revisions.registry(revisions.toArray(RevisionDefinition[]::new));
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            Migrator migrator = Migrator.builder(registry).dataSource(counting).build();
            assertThat(migrator.upgrade("head").steps()).hasSize(1000);
            // one version-table change per step, at least
            assertThat(counting.executed().size()).isGreaterThan(1000);

            counting.reset();
            Migrator restarted = Migrator.builder(registry).dataSource(counting).build();
            assertThat(restarted.upgrade("head").steps()).isEmpty();

            assertThat(counting.executed()).containsExactly("SELECT version_num FROM retort_version");
            assertThat(counting.connections()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMissingVersionTableIsBaseAndIsCreatedUnderTheLock(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            Migrator migrator = Migrator.builder(Revisions.chain()).dataSource(counting).build();

            migrator.upgrade("+1");

            List<String> executed = counting.executed();
            assertThat(executed.get(0)).isEqualTo("SELECT version_num FROM retort_version");
            int lock = kind.equals("h2") ? indexOfFirst(executed, "FOR UPDATE") : indexOfFirst(executed, "pg_try_advisory_lock");
            int create = indexOfFirst(executed, "CREATE TABLE IF NOT EXISTS retort_version (");
            assertThat(lock).isPositive();
            assertThat(create).isGreaterThan(lock);
            assertThat(executed.get(create + 1)).isEqualTo("SELECT version_num FROM retort_version");
            if (kind.equals("postgresql")) {
                assertThat(indexOfFirst(executed, "SELECT pg_advisory_unlock(")).isGreaterThan(create);
                // PostgreSQL 14+: the dead-client check is on before the lock is taken, restored after it is freed.
                assertThat(indexOfFirst(executed, "SELECT set_config(")).isBetween(0, lock - 1);
                assertThat(executed.get(executed.size() - 1)).isEqualTo("SELECT set_config(?, ?, false)");
            }
        }
    }

    private static int indexOfFirst(List<String> statements, String fragment) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
