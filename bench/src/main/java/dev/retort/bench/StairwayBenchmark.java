package dev.retort.bench;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import dev.retort.test.FreshDatabase;
import dev.retort.test.H2TestDatabase;
import dev.retort.test.MigrationChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The test kit's stairway ({@code upDownConsistency}: each revision up, down and up again) and
 * {@code downgradeLeavesNoTrace} (the same walk, the schema read around each downgrade) on 100
 * revisions, against a plain upgrade from base to head, on fresh in-memory H2 databases in the
 * same JVM. The three run one after the other in each run, so a ratio compares measurements taken
 * moments apart on the same (shared, noisy) machine; the report gives the median of those
 * per-run ratios.
 *
 * <p>The revisions alternate: create a table with an index, then add a column to it.
 */
public final class StairwayBenchmark {

    private static final int REVISIONS = 100;
    private static final int WARMUP = 2;
    private static final int RUNS = 9;

    private StairwayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MigrationRegistry registry = registry(REVISIONS);
        MigrationChecks checks = MigrationChecks.builder(registry).build();
        H2TestDatabase h2 = new H2TestDatabase();
        double[] upgrade = new double[RUNS];
        double[] stairway = new double[RUNS];
        double[] noTrace = new double[RUNS];
        double[] stairwayRatio = new double[RUNS];
        double[] noTraceRatio = new double[RUNS];
        for (int run = -WARMUP; run < RUNS; run++) {
            double u = time(h2, db -> checks.upgradeFromBase(db.dataSource()));
            double s = time(h2, db -> checks.upDownConsistency(db.dataSource()));
            double n = time(h2, db -> checks.downgradeLeavesNoTrace(db.dataSource()));
            if (run >= 0) {
                upgrade[run] = u;
                stairway[run] = s;
                noTrace[run] = n;
                stairwayRatio[run] = s / u;
                noTraceRatio[run] = n / u;
            }
            System.out.printf(Locale.ROOT, "%s %d: upgrade %.0f ms, stairway %.0f ms (%.2fx), no-trace %.0f ms (%.2fx)%n",
                    run < 0 ? "warm-up" : "run", Math.abs(run), u, s, s / u, n, n / u);
        }
        System.out.printf(Locale.ROOT, "%d revisions on H2, medians of %d runs: base->head upgrade %.0f ms; "
                        + "stairway %.0f ms, %.2fx the upgrade; downgradeLeavesNoTrace %.0f ms, %.2fx the upgrade%n",
                REVISIONS, RUNS, median(upgrade), median(stairway), median(stairwayRatio), median(noTrace),
                median(noTraceRatio));
    }

    private interface Body {
        void run(FreshDatabase database) throws Exception;
    }

    private static double time(H2TestDatabase h2, Body body) throws Exception {
        try (FreshDatabase database = h2.create()) {
            long start = System.nanoTime();
            body.run(database);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A straight chain: odd revisions create {@code t<i>} with an index, even ones add a column to it. */
    static MigrationRegistry registry(int count) {
        List<RevisionDefinition> revisions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format(Locale.ROOT, "r%03d", i);
            RevisionNode node = new RevisionNode(id, i == 1 ? List.of() : List.of(String.format(Locale.ROOT, "r%03d", i - 1)),
                    List.of(), List.of(), "revision " + i);
            int n = i;
            revisions.add(new RevisionDefinition(node, "bench.Revision" + i, () -> migration(n)));
        }
        return MigrationRegistry.of("bench.stairway", revisions);
    }

    private static Migration migration(int i) {
        String table = "t" + (i % 2 == 1 ? i : i - 1);
        if (i % 2 == 1) {
            return new Migration() {
                @Override
                public void upgrade(Operations op) {
                    op.createTable(table, Column.of("id", Type.BIGINT).primaryKey(),
                            Column.of("name", Type.varchar(50)).notNull());
                    op.createIndex("ix_" + table + "_name", table, "name");
                }

                @Override
                public void downgrade(Operations op) {
                    op.dropTable(table);
                }
            };
        }
        return new Migration() {
            @Override
            public void upgrade(Operations op) {
                op.addColumn(table, Column.of("note", Type.varchar(200)));
            }

            @Override
            public void downgrade(Operations op) {
                op.dropColumn(table, "note");
            }
        };
    }
}
