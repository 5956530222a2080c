package dev.retort.runtime.mariadbsqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migrator on MariaDB (no transactional DDL: each version change written right after
 * its migration) and SQLite (transactional DDL, the database write lock): upgrade,
 * downgrade, a failure half way, and two migrators at once.
 */
class MariaDbAndSqliteMigratorTest {

    private static final List<String> CHAIN = List.of("a1b2c3d4e5f6", "b2c3d4e5f6a1", "c3d4e5f6a1b2");

    interface Body {
        void run(Operations op) throws Exception;
    }

    private static RevisionDefinition revision(String id, String down, Body upgrade, Body downgrade) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(Operations op) throws Exception {
                upgrade.run(op);
            }

            @Override
            public void downgrade(Operations op) throws Exception {
                downgrade.run(op);
            }
        };
        return new RevisionDefinition(new RevisionNode(id, down == null ? List.of() : List.of(down), List.of(),
                List.of(), "revision " + id), "com.example.migrations.M_" + id, () -> migration);
    }

    /** Three revisions: create account, add a column and an index, batch-alter a column with data. */
    private static MigrationRegistry chain() {
        return MigrationRegistry.of("com.example.migrations", List.of(
                revision(CHAIN.get(0), null,
                        op -> {
                            op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(),
                                    Column.of("name", Type.varchar(50)));
                            op.execute("INSERT INTO account (id, name) VALUES (1, 'ann'), (2, 'bob')");
                        },
                        op -> op.dropTable("account")),
                revision(CHAIN.get(1), CHAIN.get(0),
                        op -> {
                            op.addColumn("account", Column.of("email", Type.varchar(100)));
                            op.createIndex("ix_account_email", "account", "email");
                        },
                        op -> {
                            op.dropIndex("ix_account_email", "account");
                            op.dropColumn("account", "email");
                        }),
                revision(CHAIN.get(2), CHAIN.get(1),
                        op -> op.batchAlterTable("account", batch -> batch.alterColumn("name",
                                c -> c.type(Type.varchar(120)).nullable(false).existingNoServerDefault())),
                        op -> op.batchAlterTable("account", batch -> batch.alterColumn("name",
                                c -> c.type(Type.varchar(50)).nullable(true).existingNoServerDefault())))));
    }

    private static List<String> versions(TestDatabase db) throws SQLException {
        return strings(db, "SELECT version_num FROM retort_version ORDER BY version_num");
    }

    private static List<String> strings(TestDatabase db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void upgradesAndDowngradesStepByStep(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = Migrator.builder(chain()).dataSource(db.dataSource()).build();
            MigrationResult up = migrator.upgrade("head");
            assertThat(up.steps()).hasSize(3);
            assertThat(migrator.current()).containsExactly(CHAIN.get(2));
            assertThat(versions(db)).containsExactly(CHAIN.get(2));
            assertThat(strings(db, "SELECT name FROM account ORDER BY id")).containsExactly("ann", "bob");

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                // name is now NOT NULL (the batch ran), email and its index exist.
                assertThatThrownBy(() -> s.execute("INSERT INTO account (id) VALUES (3)"))
                        .isInstanceOf(SQLException.class);
            }

            assertThat(migrator.downgrade("-1").steps()).hasSize(1);
            assertThat(versions(db)).containsExactly(CHAIN.get(1));
            assertThat(migrator.downgrade("base").steps()).hasSize(2);
            assertThat(versions(db)).isEmpty();
            assertThat(strings(db, kind.equals("mariadb")
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
                    // MariaDB commits DDL implicitly, so the migrator keeps its (now empty) journal there.
                    .containsExactlyElementsOf(kind.equals("mariadb")
                            ? List.of("retort_version", "retort_version_journal") : List.of("retort_version"));
        }
    }

    /**
     * MariaDB commits each DDL statement: the failing revision's first table stays, its data
     * change after the last DDL statement is rolled back, and the version table names the
     * last revision that completed. SQLite rolls the whole revision back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void aFailureMidMigrationLeavesTheVersionTableAtTheLastSuccessfulRevision(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind)) {
            MigrationRegistry registry = MigrationRegistry.of("com.example.migrations", List.of(
                    revision(CHAIN.get(0), null, op -> op.createTable("first", Column.of("id", Type.INTEGER)),
                            op -> op.dropTable("first")),
                    revision(CHAIN.get(1), CHAIN.get(0), op -> {
                        op.createTable("second", Column.of("id", Type.INTEGER));
                        op.execute("INSERT INTO first (id) VALUES (1)");
                        op.execute("INSERT INTO no_such_table (id) VALUES (1)");
                    }, op -> op.dropTable("second"))));
            Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).build();
            MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
            assertThat(e.code()).isEqualTo("MIGRATION_FAILED");
            assertThat(e.getMessage()).contains(CHAIN.get(1)).contains("no_such_table")
                    .contains("is at " + CHAIN.get(0));
            assertThat(versions(db)).containsExactly(CHAIN.get(0));
            assertThat(strings(db, "SELECT id FROM first")).isEmpty();
            List<String> tables = strings(db, kind.equals("mariadb")
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    : "SELECT name FROM sqlite_master WHERE type = 'table'");
            if (kind.equals("mariadb")) {
                assertThat(e.getMessage()).contains("commits DDL implicitly, so 1 statement of it that ran before the "
                        + "failing statement stayed").contains("\nStayed: [CREATE TABLE `second` (")
                        .contains("\nRolled back: [INSERT INTO first (id) VALUES (1)]");
                assertThat(tables).contains("second");
            } else {
                assertThat(tables).doesNotContain("second");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void twoMigratorsUpgradingTogetherApplyEachRevisionOnce(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind)) {
            db.execute("CREATE TABLE migration_log (revision VARCHAR(32))");
            List<RevisionDefinition> revisions = new ArrayList<>();
            for (int i = 0; i < CHAIN.size(); i++) {
                String id = CHAIN.get(i);
                revisions.add(revision(id, i == 0 ? null : CHAIN.get(i - 1), op -> {
                    op.execute("INSERT INTO migration_log (revision) VALUES ('" + id + "')");
                    Thread.sleep(150);
                    op.createTable("t_" + id, Column.of("id", Type.INTEGER));
                }, op -> { }));
            }
            MigrationRegistry registry = MigrationRegistry.of("com.example.migrations", revisions);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<MigrationResult>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).build();
                    results.add(pool.submit(() -> {
                        start.await();
                        return migrator.upgrade("head");
                    }));
                }
                start.countDown();
                MigrationResult first = results.get(0).get(120, TimeUnit.SECONDS);
                MigrationResult second = results.get(1).get(120, TimeUnit.SECONDS);
                assertThat(first.steps().size() + second.steps().size()).isEqualTo(CHAIN.size());
                assertThat(first.headsAfter()).containsExactly(CHAIN.get(2));
                assertThat(second.headsAfter()).containsExactly(CHAIN.get(2));
                assertThat(strings(db, "SELECT revision FROM migration_log ORDER BY revision"))
                        .containsExactlyElementsOf(CHAIN);
                assertThat(versions(db)).containsExactly(CHAIN.get(2));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void aRunThatCannotTakeTheLockInTimeFailsWithoutTouchingTheDatabase(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection holder = db.dataSource().getConnection()) {
            Migrator migrator = Migrator.builder(chain()).dataSource(db.dataSource())
                    .lockTimeout(Duration.ofMillis(300)).build();
            try (MigrationLock held = MigrationLock.acquire(Dialects.detect(holder), db.dataSource(), holder, null,
                    Migrator.DEFAULT_VERSION_TABLE, Duration.ofSeconds(5), System.getLogger("test"))) {
                MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
                assertThat(e.code()).isEqualTo("LOCK_TIMEOUT");
                assertThat(e.getMessage()).contains("PT0.3S")
                        .contains(kind.equals("mariadb") ? "IS_USED_LOCK" : "database's write lock");
            }
            assertThat(migrator.current()).isEmpty();
            assertThat(migrator.upgrade("head").steps()).hasSize(3);
        }
    }

    /** A version table in another database of the same server says nothing about this one. */
    @ParameterizedTest
    @ValueSource(strings = {"mariadb"})
    void currentIsBaseWhileAnotherDatabaseOfTheServerHasAVersionTable(String kind) throws Exception {
        try (TestDatabase other = TestDatabases.open(kind); TestDatabase db = TestDatabases.open(kind)) {
            Migrator.builder(chain()).dataSource(other.dataSource()).build().upgrade(CHAIN.get(0));
            Migrator migrator = Migrator.builder(chain()).dataSource(db.dataSource()).build();
            assertThat(migrator.current()).isEmpty();
            assertThat(migrator.upgrade("head").steps()).hasSize(3);
            assertThat(versions(other)).containsExactly(CHAIN.get(0));
        }
    }
}
