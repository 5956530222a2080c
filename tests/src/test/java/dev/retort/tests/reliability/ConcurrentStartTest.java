package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sixteen JVMs that start migrating the same database at once (a file barrier releases
 * them together): every one must succeed, and each revision must run exactly once, counted
 * by the audit rows the revisions write.
 */
class ConcurrentStartTest {

    private static final int PROCESSES = 16;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    @Timeout(240)
    void sixteenProcessesApplyEachRevisionOnce(String kind) throws Exception {
        Children.assumeSelected(kind);
        long started = System.nanoTime();
        var reference = Children.reference(kind);
        Path dir = Files.createTempDirectory("retort-barrier");
        Path barrier = dir.resolve("go");
        try (Children.Db db = Children.open(kind)) {
            List<Children.Child> children = new ArrayList<>();
            try {
                for (int i = 0; i < PROCESSES; i++) {
                    children.add(Children.start(db.url(), "head", 0, barrier));
                }
                for (Children.Child child : children) {
                    child.await("READY", 120_000);
                }
                Files.createFile(barrier);
                for (Children.Child child : children) {
                    assertThat(child.finish(180)).as("%s: %s", kind, child.lines).isZero();
                }
            } finally {
                for (Children.Child child : children) {
                    if (child.process.isAlive()) {
                        child.process.destroyForcibly();
                    }
                }
            }
            assertThat(Children.migrator(db.dataSource()).current()).containsExactly("a8");
            assertThat(Children.auditCounts(db.dataSource())).as("%s: each revision ran once", kind)
                    .isEqualTo(KillAndResumeTest.expectedAudit("a8"));
            assertThat(Children.introspect(db.dataSource())).isEqualTo(reference.get("a8"));
        } finally {
            Files.deleteIfExists(barrier);
            Files.deleteIfExists(dir);
        }
        System.out.printf("[reliability] %s: %d processes started together, each revision applied once, %d s%n",
                kind, PROCESSES, (System.nanoTime() - started) / 1_000_000_000);
    }
}
