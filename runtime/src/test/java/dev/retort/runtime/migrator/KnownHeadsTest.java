package dev.retort.runtime.migrator;

import static dev.retort.runtime.migrator.Revisions.labelled;
import static dev.retort.runtime.migrator.Revisions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.RevisionException;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.migrator.MigratorLoggingTest.RecordingLogger;
import dev.retort.testing.CountingDataSource;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A registry that holds its heads as constants, as the generated one does: at head the
 * migrator reads the version table and returns without asking for a single revision, and
 * every other path works as with any registry.
 */
class KnownHeadsTest {

    /** Counts the calls of {@link #revisions()}, and the revisions created through the factories it hands out. */
    static final class CountingRegistry implements MigrationRegistry {
        final AtomicInteger revisionsCalls = new AtomicInteger();
        final AtomicInteger created = new AtomicInteger();
        private final MigrationRegistry real;
        private final Set<String> heads;

        CountingRegistry(Set<String> heads, RevisionDefinition... revisions) {
            this.real = Revisions.registry(revisions);
            this.heads = heads;
        }

        @Override
        public String packageName() {
            return real.packageName();
        }

        @Override
        public List<RevisionDefinition> revisions() {
            revisionsCalls.incrementAndGet();
            return real.revisions().stream()
                    .map(d -> new RevisionDefinition(d.node(), d.className(), () -> {
                        created.incrementAndGet();
                        return d.factory().get();
                    }))
                    .toList();
        }

        @Override
        public Optional<Set<String>> knownHeads() {
            return Optional.of(heads);
        }
    }

    private static CountingRegistry branches() {
        return new CountingRegistry(Set.of("b2", "c1"), table("a0"), labelled("b1", "left", "a0"),
                table("b2", "b1"), labelled("c1", "right", "a0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void atHeadOneReadAndNoRevisionAskedFor(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            CountingRegistry first = branches();
            MigrationResult upgraded = Migrator.builder(first).dataSource(db.dataSource()).build().upgrade("heads");
            assertThat(upgraded.steps()).hasSize(4);
            assertThat(first.created).hasValue(4);

            CountingRegistry registry = branches();
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            RecordingLogger logger = new RecordingLogger();
            Migrator migrator = Migrator.builder(registry).dataSource(counting).logger(logger).build();
            assertThat(registry.revisionsCalls).as("revisions() calls at build").hasValue(0);

            MigrationResult result = migrator.upgrade("heads");

            assertThat(result.steps()).isEmpty();
            assertThat(result.headsBefore()).containsExactly("b2", "c1");
            assertThat(result.headsAfter()).containsExactly("b2", "c1");
            assertThat(logger.lines).containsExactly("At head (b2, c1); nothing to apply");
            assertThat(counting.executed()).containsExactly("SELECT version_num FROM retort_version");
            assertThat(registry.revisionsCalls).as("revisions() calls at head").hasValue(0);
            assertThat(registry.created).hasValue(0);

            // "head" with two heads is still the graph's error, which needs the graph.
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(RevisionException.class)
                    .hasMessageContaining("head");
            assertThat(registry.revisionsCalls).hasValue(1);
        }
    }

    @Test
    void oneHeadAtHeadForHeadAndHeadsAlike() {
        try (TestDatabase db = TestDatabases.h2()) {
            CountingRegistry setUp = new CountingRegistry(Set.of("b1"), table("a0"), table("b1", "a0"));
            Migrator.builder(setUp).dataSource(db.dataSource()).build().upgrade("head");

            CountingRegistry registry = new CountingRegistry(Set.of("b1"), table("a0"), table("b1", "a0"));
            Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).build();
            assertThat(migrator.upgrade("head").steps()).isEmpty();
            assertThat(migrator.upgrade("heads").steps()).isEmpty();
            assertThat(registry.revisionsCalls).hasValue(0);

            // Any other target plans through the graph, built once for the migrator's life.
            assertThat(migrator.upgrade("b1").steps()).isEmpty();
            assertThat(migrator.downgrade("-1").steps()).extracting(s -> s.revision()).containsExactly("b1");
            assertThat(migrator.upgrade("head").steps()).extracting(s -> s.revision()).containsExactly("b1");
            assertThat(migrator.history()).hasSize(2);
            assertThat(registry.revisionsCalls).hasValue(1);
            assertThat(registry.created).hasValue(2);
        }
    }

    /**
     * At head the migrator reads the version table before it detects a dialect when the query
     * is the same on every dialect (the default names, no schema); a configured schema or an
     * unusual name takes the dialect's query, and every way answers alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void atHeadTheReadIsTheDialectsQueryWhateverTheTable(String kind) {
        record Table(boolean inSchema, String name) {
        }
        for (Table table : List.of(new Table(false, "alembic_version"), new Table(false, "Odd Name"),
                new Table(true, "retort_version"))) {
            // A database each: the revisions create tables.
            try (TestDatabase db = TestDatabases.open(kind)) {
                String schema = table.inSchema() ? db.schema() : null;
                Migrator.builder(branches()).dataSource(db.dataSource()).versionTable(table.name())
                        .versionTableSchema(schema).build().upgrade("heads");
                CountingRegistry registry = branches();
                CountingDataSource counting = new CountingDataSource(db.dataSource());
                RecordingLogger logger = new RecordingLogger();
                MigrationResult result = Migrator.builder(registry).dataSource(counting).logger(logger)
                        .versionTable(table.name()).versionTableSchema(schema).build().upgrade("heads");

                assertThat(result.steps()).as(table.name()).isEmpty();
                assertThat(logger.lines).containsExactly("At head (b2, c1); nothing to apply");
                assertThat(counting.executed())
                        .containsExactly(Dialects.forName(kind).orElseThrow().selectVersions(schema, table.name()));
                assertThat(registry.revisionsCalls).hasValue(0);
            }
        }
    }

    @Test
    void belowHeadTheUpgradeRunsWhatIsMissing() {
        try (TestDatabase db = TestDatabases.h2()) {
            CountingRegistry registry = branches();
            Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).build();
            migrator.upgrade("b1");
            assertThat(migrator.current()).containsExactly("b1");

            // b1 is not a head: the fast path must not stop here.
            assertThat(migrator.upgrade("heads").steps()).extracting(s -> s.revision())
                    .containsExactlyInAnyOrder("b2", "c1");
            assertThat(migrator.current()).containsExactly("b2", "c1");
        }
    }

    @Test
    void aRowThisBuildLacksIsStillRefused() {
        try (TestDatabase db = TestDatabases.h2()) {
            CountingRegistry registry = branches();
            Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).build();
            migrator.upgrade("heads");
            migrator.stamp("b2", "c1");
            CountingRegistry older = new CountingRegistry(Set.of("b1", "c1"), table("a0"),
                    labelled("b1", "left", "a0"), labelled("c1", "right", "a0"));

            assertThatThrownBy(() -> Migrator.builder(older).dataSource(db.dataSource()).build().upgrade("heads"))
                    .isInstanceOfSatisfying(MigrationException.class,
                            e -> assertThat(e.code()).isEqualTo("UNKNOWN_DATABASE_REVISION"))
                    .hasMessageContaining("b2");
        }
    }

    @Test
    void anInvalidGraphOfARegistryThatKnowsItsHeadsFailsAtTheFirstCommandThatNeedsIt() {
        CountingRegistry broken = new CountingRegistry(Set.of("b1"), table("a0"), table("b1", "nope"));
        try (TestDatabase db = TestDatabases.h2()) {
            Migrator migrator = Migrator.builder(broken).dataSource(db.dataSource()).build();
            assertThatThrownBy(migrator::heads)
                    .isInstanceOfSatisfying(MigrationException.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_GRAPH"))
                    .hasMessageContaining("com.example.migrations")
                    .hasMessageContaining("nope");
        }
    }
}
