package dev.retort.runtime.migrator;

import static dev.retort.runtime.migrator.Revisions.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
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

/** Two application instances starting at once: each revision runs exactly once, both return normally. */
class ConcurrentMigratorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoMigratorsUpgradingTogetherApplyEachRevisionOnce(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind)) {
            db.execute("CREATE TABLE migration_log (revision VARCHAR(32))");
            List<RevisionDefinition> revisions = new ArrayList<>();
            for (int i = 0; i < CHAIN.size(); i++) {
                String id = CHAIN.get(i);
                revisions.add(Revisions.revision(id, i == 0 ? List.of() : List.of(CHAIN.get(i - 1)), List.of(),
                        List.of(), "", Revisions.migration(op -> {
                            op.execute("INSERT INTO migration_log (revision) VALUES ('" + id + "')");
                            Thread.sleep(100);
                            op.execute("CREATE TABLE t_" + id + " (id INTEGER)");
                        }, op -> { })));
            }
            MigrationRegistry registry = Revisions.registry(revisions.toArray(RevisionDefinition[]::new));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<MigrationResult>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    // separate instances, as two application processes would build them
                    Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).build();
                    results.add(pool.submit(() -> {
                        start.await();
                        return migrator.upgrade("head");
                    }));
                }
                start.countDown();
                MigrationResult first = results.get(0).get(60, TimeUnit.SECONDS);
                MigrationResult second = results.get(1).get(60, TimeUnit.SECONDS);

                assertThat(first.steps().size() + second.steps().size()).isEqualTo(CHAIN.size());
                assertThat(first.headsAfter()).containsExactly(CHAIN.get(4));
                assertThat(second.headsAfter()).containsExactly(CHAIN.get(4));
                assertThat(Db.query(db, "SELECT revision FROM migration_log ORDER BY revision"))
                        .containsExactlyElementsOf(CHAIN);
                assertThat(Db.versions(db)).containsExactly(CHAIN.get(4));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRunThatCannotTakeTheLockInTimeFailsWithoutTouchingTheDatabase(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection holder = db.dataSource().getConnection()) {
            Migrator migrator = Migrator.builder(Revisions.chain()).dataSource(db.dataSource())
                    .lockTimeout(Duration.ofMillis(300)).build();
            try (MigrationLock held = MigrationLock.acquire(Dialects.detect(holder), db.dataSource(), holder, null,
                    Migrator.DEFAULT_VERSION_TABLE, Duration.ofSeconds(5), System.getLogger("test"))) {
                MigrationException e = catchThrowableOfType(() -> migrator.upgrade("head"), MigrationException.class);
                assertThat(e.code()).isEqualTo("LOCK_TIMEOUT");
                assertThat(e.getMessage()).contains("PT0.3S").contains("lockTimeout");
            }
            assertThat(Db.tableExists(db, "t_" + CHAIN.get(0))).isFalse();
            assertThat(migrator.upgrade("head").steps()).hasSize(CHAIN.size());
        }
    }
}
