package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The migration lock on real databases: exclusive, bounded by the timeout, released on close and on session end. */
class MigrationLockTest {

    private static final System.Logger LOGGER = System.getLogger(MigrationLockTest.class.getName());

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void secondHolderTimesOutWithAClearErrorThenGetsTheLockOnceReleased(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind);
             Connection first = db.dataSource().getConnection();
             Connection second = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(first);
            MigrationLock held = MigrationLock.acquire(dialect, db.dataSource(), first, null, "retort_version",
                    Duration.ofSeconds(5), LOGGER);
            long started = System.nanoTime();
            assertThatThrownBy(() -> MigrationLock.acquire(dialect, db.dataSource(), second, null,
                    "retort_version", Duration.ofMillis(300), LOGGER))
                    .isInstanceOfSatisfying(MigrationException.class,
                            e -> assertThat(e.code()).isEqualTo("LOCK_TIMEOUT"))
                    .hasMessageContaining("another Migrator is migrating this database")
                    .hasMessageContaining("lockTimeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            CompletableFuture<MigrationLock> waiting = CompletableFuture.supplyAsync(() -> acquire(dialect, db, second));
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            held.close();
            try (MigrationLock taken = waiting.get(10, TimeUnit.SECONDS)) {
                assertThat(taken.describe()).isNotBlank();
            }
        }
    }

    @Test
    void postgresReleasesTheAdvisoryLockWhenTheSessionEnds() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); Connection other = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(other);
            Connection crashed = db.dataSource().getConnection();
            MigrationLock.acquire(dialect, db.dataSource(), crashed, null, "retort_version", Duration.ofSeconds(5),
                    LOGGER);
            // A dying process never calls close(); its session ends, which frees a session advisory lock.
            crashed.close();
            try (MigrationLock lock = MigrationLock.acquire(dialect, db.dataSource(), other, null,
                    "retort_version", Duration.ofSeconds(2), LOGGER)) {
                assertThat(lock.describe()).startsWith("advisory lock");
            }
        }
    }

    private static MigrationLock acquire(Dialect dialect, TestDatabase db, Connection connection) {
        try {
            return MigrationLock.acquire(dialect, db.dataSource(), connection, null, "retort_version",
                    Duration.ofSeconds(10), LOGGER);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
