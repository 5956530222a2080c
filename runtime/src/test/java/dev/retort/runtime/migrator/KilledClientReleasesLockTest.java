package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The README promises that the database releases the migration lock when the process
 * holding it dies. On PostgreSQL a killed client's session used to live, with its advisory
 * lock, until its statement ended (17.7 s of a 20 s {@code pg_sleep}); with {@code
 * client_connection_check_interval} set on the migration session the server notices
 * within {@link MigrationLock#CLIENT_CHECK_INTERVAL}. A second JVM takes the lock and
 * sleeps in a statement, is killed with {@code destroyForcibly}, and this JVM's migrator
 * must get the lock within that interval plus a margin for the lock poll and a loaded
 * machine.
 */
class KilledClientReleasesLockTest {

    private static final int SLEEP_SECONDS = 20;
    private static final Duration MARGIN = Duration.ofSeconds(4);

    @Test
    void aKilledMigratorsAdvisoryLockIsReleasedWhileItsStatementStillRuns() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            assumeTrue(serverVersion(db) >= 140000, "client_connection_check_interval needs PostgreSQL 14");
            Process holder = new ProcessBuilder(List.of(
                    new File(System.getProperty("java.home"), "bin/java").getPath(),
                    "-cp", System.getProperty("java.class.path"),
                    LockHolderMain.class.getName(), db.url(), String.valueOf(SLEEP_SECONDS)))
                    .redirectErrorStream(true).start();
            try {
                awaitLine(holder, LockHolderMain.LOCKED, Duration.ofSeconds(60));
                Thread.sleep(500); // the pg_sleep statement is running now

                // The lock is held: a migrator that may not wait gives up.
                Migrator impatient = migrator(db, Duration.ofSeconds(1), new AtomicLong());
                assertThat(catchThrowableOfType(() -> impatient.upgrade("head"), MigrationException.class).code())
                        .isEqualTo("LOCK_TIMEOUT");

                AtomicLong startedAt = new AtomicLong();
                Migrator second = migrator(db, Duration.ofSeconds(SLEEP_SECONDS + 10), startedAt);
                long killedAt = System.nanoTime();
                holder.destroyForcibly();
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
                second.upgrade("head");

                Duration waited = Duration.ofNanos(startedAt.get() - killedAt);
                System.out.println("[retort-tests] PostgreSQL released a killed migrator's lock after "
                        + waited.toMillis() + " ms (client check every " + MigrationLock.CLIENT_CHECK_INTERVAL.toMillis()
                        + " ms, statement sleeping " + SLEEP_SECONDS + " s)");
                assertThat(waited).isLessThan(MigrationLock.CLIENT_CHECK_INTERVAL.plus(MARGIN));
                assertThat(Db.versions(db)).containsExactly("ab01");
            } finally {
                holder.destroyForcibly();
                holder.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A migrator of the same version table whose one revision notes when it starts. */
    private static Migrator migrator(TestDatabase db, Duration lockTimeout, AtomicLong startedAt) {
        return Migrator.builder(Revisions.registry(Revisions.revision("ab01", List.of(), List.of(), List.of(), "quick",
                Revisions.migration(op -> startedAt.set(System.nanoTime()), op -> { }))))
                .dataSource(db.dataSource()).lockTimeout(lockTimeout).build();
    }

    private static int serverVersion(TestDatabase db) {
        return Integer.parseInt(Db.query(db, "SELECT current_setting('server_version_num')").get(0));
    }

    private static void awaitLine(Process process, String expected, Duration timeout) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(expected)) {
                        return null;
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            return seen.toString();
        });
        String failure = found.get(timeout.toSeconds(), TimeUnit.SECONDS);
        assertThat(failure).as("the lock holder's output before it ended").isNull();
    }
}
