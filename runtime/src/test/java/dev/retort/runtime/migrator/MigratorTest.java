package dev.retort.runtime.migrator;

import static dev.retort.runtime.migrator.Revisions.CHAIN;
import static dev.retort.runtime.migrator.Revisions.labelled;
import static dev.retort.runtime.migrator.Revisions.registry;
import static dev.retort.runtime.migrator.Revisions.revision;
import static dev.retort.runtime.migrator.Revisions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.Direction;
import dev.retort.graph.MultipleHeadsException;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionInfo;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upgrade, downgrade, stamp, branches and merges on real H2 and PostgreSQL databases. */
class MigratorTest {

    private static Migrator migrator(TestDatabase db, MigrationRegistry registry) {
        return Migrator.builder(registry).dataSource(db.dataSource()).build();
    }

    private static List<String> ids(MigrationResult result) {
        return result.steps().stream().map(AppliedStep::revision).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgradeHeadFromAnEmptyDatabaseThenNothingMore(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, Revisions.chain());
            assertThat(migrator.current()).isEmpty();

            MigrationResult result = migrator.upgrade("head");

            assertThat(ids(result)).isEqualTo(CHAIN);
            assertThat(result.headsBefore()).isEmpty();
            assertThat(result.headsAfter()).containsExactly(CHAIN.get(4));
            assertThat(result.steps().get(0).from()).isEmpty();
            assertThat(result.steps().get(1).from()).containsExactly(CHAIN.get(0));
            assertThat(result.steps()).allSatisfy(step -> assertThat(step.direction()).isEqualTo(Direction.UPGRADE));
            assertThat(result.steps().get(2).message()).isEqualTo("create t_" + CHAIN.get(2));
            for (String id : CHAIN) {
                assertThat(Db.tableExists(db, "t_" + id)).as("table of %s", id).isTrue();
            }
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(4));
            assertThat(migrator.current()).containsExactly(CHAIN.get(4));

            MigrationResult again = migrator.upgrade("head");
            assertThat(again.steps()).isEmpty();
            assertThat(again.headsBefore()).containsExactly(CHAIN.get(4));
            assertThat(again.headsAfter()).containsExactly(CHAIN.get(4));
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void downgradeByOneToAnIdAndToBase(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, Revisions.chain());
            migrator.upgrade("head");

            MigrationResult minusOne = migrator.downgrade("-1");
            assertThat(ids(minusOne)).containsExactly(CHAIN.get(4));
            assertThat(minusOne.steps().get(0).direction()).isEqualTo(Direction.DOWNGRADE);
            assertThat(minusOne.steps().get(0).to()).containsExactly(CHAIN.get(3));
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(4))).isFalse();
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(3));

            MigrationResult toId = migrator.downgrade(CHAIN.get(1));
            assertThat(ids(toId)).containsExactly(CHAIN.get(3), CHAIN.get(2));
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(1));
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(2))).isFalse();
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(1))).isTrue();

            MigrationResult toBase = migrator.downgrade("base");
            assertThat(ids(toBase)).containsExactly(CHAIN.get(1), CHAIN.get(0));
            assertThat(toBase.headsAfter()).isEmpty();
            assertThat(Db.versions(db)).isEmpty();
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(0))).isFalse();
            assertThat(migrator.downgrade("base").steps()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void relativeAndPartialTargets(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, Revisions.chain());
            assertThat(ids(migrator.upgrade("+1"))).containsExactly(CHAIN.get(0));
            assertThat(ids(migrator.upgrade("+2"))).containsExactly(CHAIN.get(1), CHAIN.get(2));
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(2));
            assertThat(ids(migrator.downgrade("b2c"))).containsExactly(CHAIN.get(2));
            assertThat(ids(migrator.upgrade("d4e5"))).containsExactly(CHAIN.get(2), CHAIN.get(3));
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(3));
            assertThat(ids(migrator.upgrade(CHAIN.get(0) + "+4"))).containsExactly(CHAIN.get(4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void stampWritesRowsWithoutRunningMigrations(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, Revisions.chain());

            MigrationResult stamped = migrator.stamp(CHAIN.get(2));
            assertThat(stamped.steps()).isEmpty();
            assertThat(stamped.headsBefore()).isEmpty();
            assertThat(stamped.headsAfter()).containsExactly(CHAIN.get(2));
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(2));
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(0))).isFalse();

            assertThat(ids(migrator.upgrade("head"))).containsExactly(CHAIN.get(3), CHAIN.get(4));

            migrator.stamp("base");
            assertThat(Db.versions(db)).isEmpty();
            migrator.stamp(CHAIN.get(4));
            migrator.stamp();
            assertThat(Db.versions(db)).isEmpty();
        }
    }

    /** a -> {left: b1 -> b2, right: c1}: two labelled branches, two heads. */
    private static MigrationRegistry branches() {
        return registry(table("a0"), labelled("b1", "left", "a0"), table("b2", "b1"), labelled("c1", "right", "a0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void labelledBranchesAndSeveralHeads(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, branches());
            assertThat(migrator.heads()).containsExactly("b2", "c1");
            assertThat(migrator.bases()).containsExactly("a0");
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MultipleHeadsException.class);
            assertThat(Db.tableExists(db, "t_a0")).isFalse();

            assertThat(ids(migrator.upgrade("left@head"))).containsExactly("a0", "b1", "b2");
            assertThat(Db.versions(db)).containsExactly("b2");

            assertThat(ids(migrator.upgrade("right@head"))).containsExactly("c1");
            assertThat(Db.versions(db)).containsExactly("b2", "c1");

            assertThat(ids(migrator.downgrade("left@-1"))).containsExactly("b2");
            assertThat(Db.versions(db)).containsExactly("b1", "c1");

            assertThat(migrator.upgrade("heads").headsAfter()).containsExactly("b2", "c1");
            assertThat(Db.versions(db)).containsExactly("b2", "c1");

            assertThat(ids(migrator.downgrade("base"))).containsExactlyInAnyOrder("b2", "b1", "c1", "a0");
            assertThat(Db.versions(db)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgradeHeadsFromEmptyWritesOneRowPerHead(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, branches());
            MigrationResult result = migrator.upgrade("heads");
            assertThat(ids(result)).containsExactlyInAnyOrder("a0", "b1", "b2", "c1");
            assertThat(ids(result).get(0)).isEqualTo("a0");
            assertThat(Db.versions(db)).containsExactly("b2", "c1");
            assertThat(migrator.current()).containsExactly("b2", "c1");
        }
    }

    /** a0 -> {b1 (left), c1 (right)} -> m1, a merge. */
    private static MigrationRegistry merged() {
        return registry(table("a0"), labelled("b1", "left", "a0"), labelled("c1", "right", "a0"),
                revision("m1", List.of("b1", "c1"), List.of(), List.of(), "merge", Revisions.createTable("t_m1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void mergeCollapsesTheRowsAndUnmergeRestoresThem(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, merged());
            assertThat(ids(migrator.upgrade("b1"))).containsExactly("a0", "b1");
            assertThat(ids(migrator.upgrade("c1"))).containsExactly("c1");
            assertThat(Db.versions(db)).containsExactly("b1", "c1");

            MigrationResult merge = migrator.upgrade("head");
            assertThat(ids(merge)).containsExactly("m1");
            assertThat(merge.steps().get(0).from()).containsExactly("b1", "c1");
            assertThat(Db.versions(db)).containsExactly("m1");

            // '-1' from a merge is ambiguous (which parent?): name the parent to keep
            MigrationResult unmerge = migrator.downgrade("b1");
            assertThat(ids(unmerge)).containsExactly("m1");
            assertThat(Db.versions(db)).containsExactly("b1", "c1");
            assertThat(Db.tableExists(db, "t_m1")).isFalse();

            migrator.downgrade("base");
            List<String> all = ids(migrator.upgrade("head"));
            assertThat(all).containsExactlyInAnyOrder("a0", "b1", "c1", "m1");
            assertThat(all.get(0)).isEqualTo("a0");
            assertThat(all.get(3)).isEqualTo("m1");
            assertThat(Db.versions(db)).containsExactly("m1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void dependsOnAppliesTheDependencyFirst(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            // x1 is a second, labelled base; b1 needs it without being its child.
            MigrationRegistry registry = registry(table("a0"), labelled("x1", "extra"),
                    revision("b1", List.of("a0"), List.of(), List.of("x1"), "needs x1", Revisions.createTable("t_b1")));
            Migrator migrator = migrator(db, registry);
            List<String> applied = ids(migrator.upgrade("b1"));
            assertThat(applied).containsExactlyInAnyOrder("a0", "x1", "b1");
            assertThat(applied.indexOf("x1")).isLessThan(applied.indexOf("b1"));
            assertThat(Db.tableExists(db, "t_x1")).isTrue();
            assertThat(migrator.current()).contains("b1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void alembicVersionTableInAnotherSchema(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            String schema = kind.equals("h2") ? "META" : db.schema() + "_meta";
            db.execute("CREATE SCHEMA " + schema);
            try {
                Migrator migrator = Migrator.builder(Revisions.chain()).dataSource(db.dataSource())
                        .versionTable("alembic_version").versionTableSchema(schema).build();
                migrator.upgrade("+2");
                assertThat(Db.tableExists(db, schema, "alembic_version")).isTrue();
                assertThat(Db.tableExists(db, "retort_version")).isFalse();
                assertThat(Db.tableExists(db, "alembic_version")).isFalse();
                assertThat(Db.versions(db, schema + ".alembic_version")).containsExactly(CHAIN.get(1));
                assertThat(migrator.current()).containsExactly(CHAIN.get(1));
                migrator.downgrade("base");
                assertThat(Db.versions(db, schema + ".alembic_version")).isEmpty();
            } finally {
                if (kind.equals("postgresql")) {
                    db.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRowThisBuildDoesNotKnowIsAClearErrorAndStampReplacesIt(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, Revisions.chain());
            migrator.upgrade("+1");
            db.execute("UPDATE retort_version SET version_num = 'f00dcafe0001'");

            assertThatThrownBy(() -> migrator.upgrade("head"))
                    .isInstanceOfSatisfying(MigrationException.class,
                            e -> assertThat(e.code()).isEqualTo("UNKNOWN_DATABASE_REVISION"))
                    .hasMessageContaining("database is at revision f00dcafe0001 which this build does not contain")
                    .hasMessageContaining("Deploy the build that has it")
                    .hasMessageContaining("stamp");
            assertThatThrownBy(() -> migrator.downgrade("base")).isInstanceOf(MigrationException.class);
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(1))).isFalse();

            MigrationResult stamped = migrator.stamp(CHAIN.get(0));
            assertThat(stamped.headsBefore()).containsExactly("f00dcafe0001");
            assertThat(Db.versions(db)).containsExactly(CHAIN.get(0));
            assertThat(ids(migrator.upgrade("head"))).hasSize(4);
        }
    }

    @Test
    void historyIsNewestFirstWithTheGraphFlags() {
        MigrationRegistry registry = registry(table("a0"), labelled("b1", "left", "a0"),
                labelled("c1", "right", "a0"),
                revision("m1", List.of("b1", "c1"), List.of(), List.of(), "merge", Revisions.createTable("t_m1")));
        // history needs no database: a data source that is never used
        Migrator migrator = Migrator.builder(registry).dataSource(TestDatabases.h2().dataSource()).build();

        List<RevisionInfo> history = migrator.history();

        assertThat(history).extracting(RevisionInfo::id).containsExactly("m1", "c1", "b1", "a0");
        RevisionInfo merge = history.get(0);
        assertThat(merge.head()).isTrue();
        assertThat(merge.mergePoint()).isTrue();
        assertThat(merge.base()).isFalse();
        assertThat(merge.downRevisions()).containsExactly("b1", "c1");
        assertThat(merge.className()).isEqualTo("com.example.migrations.M_m1");
        assertThat(merge.message()).isEqualTo("merge");
        RevisionInfo base = history.get(3);
        assertThat(base.base()).isTrue();
        assertThat(base.branchPoint()).isTrue();
        assertThat(base.head()).isFalse();
        assertThat(history.get(1).branchLabels()).containsExactly("right");
        assertThat(history.get(1).branchPoint()).isFalse();
        assertThat(history.get(1).mergePoint()).isFalse();
    }

    @Test
    void anInvalidGraphFailsAtBuildNamingTheProblem() {
        MigrationRegistry broken = registry(table("a0"), table("b1", "nope"));
        assertThatThrownBy(() -> Migrator.builder(broken).dataSource(TestDatabases.h2().dataSource()).build())
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo("INVALID_GRAPH"))
                .hasMessageContaining("com.example.migrations")
                .hasMessageContaining("nope");
    }

    @Test
    void dataSourceIsRequired() {
        assertThatThrownBy(() -> Migrator.builder(Revisions.chain()).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataSource");
    }
}
