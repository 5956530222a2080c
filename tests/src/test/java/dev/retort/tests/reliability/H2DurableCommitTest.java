package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Migrator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * H2 keeps commits in memory for {@code WRITE_DELAY} ms (500 by default): a process killed
 * right after a migration reported its commit used to lose it. Twenty JVMs migrating an H2
 * file database with its default settings, one revision per call, are killed within 20 ms of
 * a reported commit; the version table must still hold that revision.
 */
class H2DurableCommitTest {

    private static final int KILLS = 20;

    @Test
    @Timeout(240)
    void aCommitReportedBeforeTheKillIsNeverLost() throws Exception {
        Children.assumeSelected("h2file");
        long started = System.nanoTime();
        Random random = new Random(20);
        int kills = 0;
        for (int attempt = 0; kills < KILLS && attempt < 2 * KILLS; attempt++) {
            try (Children.Db db = Children.open("h2file")) {
                Children.Child child = Children.start(db.url(), "steps", 0, null);
                int commits = 1 + random.nextInt(KillRegistry.IDS.size() - 1);
                if (!child.awaitCount("COMMITTED", commits, 60_000)) {
                    continue;
                }
                Thread.sleep(random.nextInt(21));
                child.process.destroyForcibly().waitFor();
                kills++;
                String committed = child.lastCommitted();
                Migrator migrator = Children.migrator(db.dataSource());
                List<String> rows = migrator.current();
                assertThat(rows).as("kill %d: revision %s had reported its commit", kills, committed).isNotEmpty();
                assertThat(KillRegistry.IDS.indexOf(rows.get(0))).as("kill %d: revision %s had reported its "
                        + "commit, the version table is at %s", kills, committed, rows)
                        .isGreaterThanOrEqualTo(KillRegistry.IDS.indexOf(committed));
                assertThat(migrator.upgrade("head").headsAfter()).containsExactly("a8");
                assertThat(Children.auditCounts(db.dataSource())).isEqualTo(KillAndResumeTest.expectedAudit("a8"));
            }
        }
        assertThat(kills).isEqualTo(KILLS);
        System.out.printf("[reliability] h2file: %d kills within 20 ms of a reported commit, none lost, %d s%n", kills,
                (System.nanoTime() - started) / 1_000_000_000);
    }
}
