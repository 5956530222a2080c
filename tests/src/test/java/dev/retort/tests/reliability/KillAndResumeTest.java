package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Migrator;
import dev.retort.runtime.schema.Metadata;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} at random points of a migration run in a separate JVM, twenty times per
 * database; after each kill the next run must reach head by itself, with each revision's
 * audit row written once and the introspected schema equal to a clean run's. Half the runs
 * migrate one revision per call and print what committed, so a kill that loses a committed
 * revision (H2's write delay) fails the test. On PostgreSQL and SQLite the database right
 * after the kill must already match its version table (transactional DDL); on MariaDB and H2
 * the journal lets the next run finish the interrupted revision.
 */
class KillAndResumeTest {

    private static final int KILLS = 20;
    private static final long PAUSE_MILLIS = 15;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite", "h2file", "h2server"})
    @Timeout(240)
    void aKilledRunIsFinishedByTheNextOne(String kind) throws Exception {
        Children.assumeSelected(kind);
        long started = System.nanoTime();
        Map<String, Metadata> reference = Children.reference(kind);
        boolean transactional = kind.equals("postgresql") || kind.equals("sqlite");
        long[] windows = {calibrate(kind, "head"), calibrate(kind, "steps")};
        Random random = new Random(kind.hashCode());
        int kills = 0;
        int midRun = 0;
        int resumed = 0;
        int durableChecks = 0;
        for (int attempt = 0; kills < KILLS && attempt < 2 * KILLS; attempt++) {
            try (Children.Db db = Children.open(kind)) {
                Children.Child child = Children.start(db.url(), attempt % 2 == 0 ? "head" : "steps", PAUSE_MILLIS,
                        null);
                child.await("START", 60_000);
                Thread.sleep(random.nextInt((int) windows[attempt % 2] + 1));
                if (!child.process.isAlive()) {
                    assertThat(child.finish(10)).as("run that ended before its kill: %s", child.lines).isZero();
                    continue;
                }
                child.process.destroyForcibly().waitFor();
                kills++;

                Migrator migrator = Children.migrator(db.dataSource());
                List<String> rows = migrator.current();
                String at = rows.isEmpty() ? "" : rows.get(0);
                String committed = child.lastCommitted();
                if (committed != null) {
                    durableChecks++;
                    assertThat(KillRegistry.IDS.indexOf(at)).as("%s: revision %s had committed before the kill, "
                            + "the version table is at %s", kind, committed, rows)
                            .isGreaterThanOrEqualTo(KillRegistry.IDS.indexOf(committed));
                }
                if (transactional) {
                    assertThat(Children.introspect(db.dataSource())).as("%s right after the kill at %s", kind, rows)
                            .isEqualTo(reference.get(at));
                    assertThat(Children.auditCounts(db.dataSource())).isEqualTo(expectedAudit(at));
                    if (!at.equals("a8")) {
                        midRun++;
                    }
                } else {
                    if (!at.equals("a8")) {
                        midRun++;
                    }
                    if (Children.journalRows(db.dataSource()) > 0) {
                        resumed++;
                    }
                }

                List<String> after = migrator.upgrade("head").headsAfter();
                assertThat(after).as("%s: the run after the kill", kind).containsExactly("a8");
                assertThat(migrator.current()).containsExactly("a8");
                assertThat(Children.introspect(db.dataSource())).as("%s schema after resuming", kind)
                        .isEqualTo(reference.get("a8"));
                assertThat(Children.auditCounts(db.dataSource())).as("%s: each revision ran once", kind)
                        .isEqualTo(expectedAudit("a8"));
                assertThat(Children.journalRows(db.dataSource())).isZero();
            }
        }
        assertThat(kills).as("kills that landed before the run ended").isEqualTo(KILLS);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("[reliability] %s: %d kills, %d left the database below head, %d inside a revision "
                + "(resumed from the journal), %d after a revision had reported its commit, every next run at head, "
                + "kill windows %d/%d ms, %d s%n", kind, kills, midRun, resumed, durableChecks, windows[0], windows[1],
                seconds);
    }

    /**
     * How long a child takes from {@code START} to its exit on this machine now: one run to head,
     * not killed. Kills are spread uniformly over that time.
     */
    private static long calibrate(String kind, String mode) throws Exception {
        try (Children.Db db = Children.open(kind)) {
            Children.Child child = Children.start(db.url(), mode, PAUSE_MILLIS, null);
            child.await("START", 60_000);
            long start = System.nanoTime();
            assertThat(child.finish(120)).as("calibration run: %s", child.lines).isZero();
            return Math.max(50, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** One audit row for each revision up to {@code at}. */
    static Map<String, Integer> expectedAudit(String at) {
        Map<String, Integer> expected = new TreeMap<>();
        for (String id : KillRegistry.IDS.subList(0, KillRegistry.IDS.indexOf(at) + 1)) {
            expected.put(id, 1);
        }
        return expected;
    }
}
