package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-process timings of fresh JVMs, each contender paired with its baseline in the same
 * run (baseline first, then the contender, moments apart on the same shared machine), so
 * the median of the per-run ratios says more than either absolute figure.
 *
 * <pre>
 * Bench at-head        postgresql|h2 N RUNS WORK   Retort at head vs connect + one query
 * Bench upgrade        postgresql|h2 N RUNS WORK   empty -> head, Retort vs plain JDBC
 * Bench flyway-at-head postgresql    N RUNS WORK   Retort vs Flyway, at head
 * Bench flyway-upgrade postgresql    N RUNS WORK   Retort vs Flyway, empty -> head
 * Bench offline-sql    postgresql|h2 N RUNS WORK   Retort's offline SQL of N revisions vs plain Java writing it
 * Bench compare        postgresql|h2 N RUNS WORK   autogenerate's compare of N tables vs reading them with DatabaseMetaData
 * Bench processor[-runtime] …          see {@link ProcessorBench}
 * </pre>
 *
 * <p>Besides the wall time of each process it reports the process's own CPU time (user and
 * system, all threads: JIT and GC included), which the other load of a shared machine
 * disturbs less, and its peak resident set. System properties: {@code bench.warmup} (paired
 * warm-up runs, default 1), {@code bench.memory=true} (each process also reports its heap
 * after a full GC at the end, with the result still held; costs a GC, so off for timings),
 * {@code bench.reuse=true} (keep WORK's revisions when it holds N of them compiled).
 *
 * <p>PostgreSQL: {@code RETORT_TEST_POSTGRES_URL}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; each database state is a schema of
 * its own, {@code retort_bench_<pid>_…}, dropped at the end. H2: file databases under WORK.
 */
public final class Bench {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    private static final boolean MEMORY = Boolean.getBoolean("bench.memory");

    private final boolean reuse;
    private final String kind;
    private final int revisions;
    private final Path work;
    private final Path classes;
    private final Path flywayScripts;
    private final String classpath;
    private final List<String> schemas = new ArrayList<>();
    private int databases;

    private Bench(String kind, int revisions, Path work, boolean reuse) {
        this.reuse = reuse;
        this.kind = kind;
        this.revisions = revisions;
        this.work = work;
        this.classes = work.resolve("classes");
        this.flywayScripts = work.resolve("flyway");
        this.classpath = System.getProperty("java.class.path") + File.pathSeparator + classes;
    }

    public static void main(String[] args) throws Exception {
        String benchCase = args[0];
        String kind = args[1];
        int revisions = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]).toAbsolutePath();
        if (benchCase.startsWith("processor")) {
            ProcessorBench.run(benchCase, revisions, runs, work);
            return;
        }
        if (!kind.equals("postgresql") && !kind.equals("h2")) {
            throw new IllegalArgumentException("bench.db must be postgresql or h2, not " + kind);
        }
        if (benchCase.startsWith("flyway") && !kind.equals("postgresql")) {
            throw new IllegalArgumentException("the Flyway cases run on PostgreSQL only (-Dbench.db=postgresql)");
        }
        // With bench.reuse, a work directory that holds these N revisions compiled is kept:
        // compiling 10,000 revisions with the processor takes minutes.
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.exists(work.resolve("compiled-" + revisions));
        deleteRecursively(reuse ? work.resolve("db") : work);
        Bench bench = new Bench(kind, revisions, work, reuse);
        try {
            bench.run(benchCase, runs);
        } finally {
            bench.dropSchemas();
        }
    }

    private void run(String benchCase, int runs) throws Exception {
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        if (reuse) {
            System.out.printf(Locale.ROOT, "%d revisions compiled before, in %s%n", revisions, classes);
        } else {
            Workload.compileRevisions(work, revisions, classes);
            Workload.writeFlywayScripts(flywayScripts, revisions);
            Files.createFile(work.resolve("compiled-" + revisions));
            System.out.printf(Locale.ROOT, "%d revisions written and compiled with the processor in %d ms%n",
                    revisions, (System.nanoTime() - t0) / 1_000_000);
        }
        String baselineName;
        String contenderName;
        String baselineMode;
        String contenderMode;
        String baselineUrl = null;
        String contenderUrl = null;
        boolean fresh;
        switch (benchCase) {
            case "at-head" -> {
                baselineName = "cold JVM: connect + one query";
                contenderName = "Retort upgradeToHead at head";
                baselineMode = "query";
                contenderMode = "retort";
                contenderUrl = newDatabase("head");
                baselineUrl = contenderUrl;
                probe("retort", contenderUrl);
                fresh = false;
            }
            case "upgrade" -> {
                baselineName = "plain JDBC, empty -> head";
                contenderName = "Retort upgradeToHead, empty -> head";
                baselineMode = "jdbc";
                contenderMode = "retort";
                fresh = true;
            }
            case "flyway-at-head" -> {
                baselineName = "Retort upgradeToHead at head";
                contenderName = "Flyway migrate at head";
                baselineMode = "retort";
                contenderMode = "flyway";
                baselineUrl = newDatabase("retort");
                contenderUrl = newDatabase("flyway");
                probe("retort", baselineUrl);
                probe("flyway", contenderUrl);
                fresh = false;
            }
            case "flyway-upgrade" -> {
                baselineName = "Retort upgradeToHead, empty -> head";
                contenderName = "Flyway migrate, empty -> head";
                baselineMode = "retort";
                contenderMode = "flyway";
                fresh = true;
            }
            case "offline-sql" -> {
                baselineName = "plain Java writes the same script";
                contenderName = "Retort offline SQL, base -> head";
                baselineMode = "script";
                contenderMode = "sql";
                baselineUrl = kind.equals("h2") ? "jdbc:h2:mem:unused" : postgresUrl();
                contenderUrl = baselineUrl;
                fresh = false;
            }
            case "compare" -> {
                baselineName = "DatabaseMetaData: tables + columns";
                contenderName = "autogenerate: read + compare";
                baselineMode = "metadata";
                contenderMode = "compare";
                contenderUrl = newDatabase("head");
                baselineUrl = contenderUrl;
                probe("retort", contenderUrl);
                fresh = false;
            }
            default -> throw new IllegalArgumentException("unknown case " + benchCase
                    + ": at-head, upgrade, flyway-at-head, flyway-upgrade, offline-sql or compare");
        }
        int expected = benchCase.equals("at-head") || benchCase.equals("flyway-at-head") ? 0 : revisions;
        List<Sample> baseline = new ArrayList<>();
        List<Sample> contender = new ArrayList<>();
        for (int run = -WARMUP; run < runs; run++) {
            String bUrl = fresh ? newDatabase("b") : baselineUrl;
            String cUrl = fresh ? newDatabase("c") : contenderUrl;
            Sample b = time(baselineMode, bUrl, expected);
            Sample c = time(contenderMode, cUrl, expected);
            if (fresh) {
                dropSchemas();
            }
            System.out.printf(Locale.ROOT, "%s %d: %s %.0f ms (CPU %d ms), %s %.0f ms (CPU %d ms), ratio %.2f (CPU %.2f)%n",
                    run < 0 ? "warm-up" : "run", Math.abs(run), baselineMode, b.ms, b.cpuMs, contenderMode, c.ms,
                    c.cpuMs, c.ms / b.ms, (double) c.cpuMs / b.cpuMs);
            if (run >= 0) {
                baseline.add(b);
                contender.add(c);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%s, %s, N=%d, %d paired runs of fresh JVMs (whole process); "
                        + "load average before %s, after %s:%n",
                benchCase, kind, revisions, runs, loadBefore, loadAverage());
        System.out.printf(Locale.ROOT, "  %-40s %10s %10s %14s%s%n", "", "wall ms", "CPU ms", "peak RSS MB",
                MEMORY ? "  heap after GC MB" : "");
        report(baselineName, baseline);
        report(contenderName, contender);
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 0; i < baseline.size(); i++) {
            ratios.add(contender.get(i).ms / baseline.get(i).ms);
            cpuRatios.add((double) contender.get(i).cpuMs / baseline.get(i).cpuMs);
        }
        System.out.printf(Locale.ROOT, "  %-40s %.2f (min %.2f, max %.2f)%n", "median of paired ratios, wall",
                median(ratios), min(ratios), max(ratios));
        System.out.printf(Locale.ROOT, "  %-40s %.2f (min %.2f, max %.2f)%n", "median of paired ratios, CPU",
                median(cpuRatios), min(cpuRatios), max(cpuRatios));
    }

    /** One child process: wall and CPU time, peak RSS, and (with bench.memory) the heap after a full GC. */
    private record Sample(double ms, long cpuMs, long rssKb, long heapKb) {
    }

    private static void report(String name, List<Sample> samples) {
        System.out.printf(Locale.ROOT, "  %-40s %10.0f %10.0f %14.0f%s%n", name,
                median(samples.stream().map(Sample::ms).toList()),
                median(samples.stream().map(s -> (double) s.cpuMs).toList()),
                median(samples.stream().map(s -> s.rssKb / 1024.0).toList()),
                MEMORY ? String.format(Locale.ROOT, "  %17.1f",
                        median(samples.stream().map(s -> s.heapKb / 1024.0).toList())) : "");
    }

    /** The whole child process, which must report {@code expected} migrations applied (or revisions, or tables). */
    private Sample time(String mode, String url, int expected) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String[] result = probe(mode, url);
        double ms = (System.nanoTime() - start) / 1e6;
        int applied = Integer.parseInt(result[0]);
        if (applied != expected) {
            throw new IllegalStateException(mode + " reported " + applied + ", expected " + expected);
        }
        String[] stats = result[1].split(" ");
        return new Sample(ms, Long.parseLong(stats[0]), Long.parseLong(stats[1]), Long.parseLong(stats[2]));
    }

    /** Runs a child; its RESULT and STATS lines. */
    private String[] probe(String mode, String url) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dbench.memory=" + MEMORY, "-cp", classpath,
                UpgradeProbe.class.getName(), mode, url, Integer.toString(revisions), flywayScripts.toString(),
                work.resolve("offline-" + mode + ".sql").toString())
                .redirectError(work.resolve("probe-stderr.log").toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("probe " + mode + " failed with status " + status + "; see "
                    + work.resolve("probe-stderr.log") + "\n" + out);
        }
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("probe " + mode + " printed no RESULT:\n" + out));
        String stats = out.lines().filter(l -> l.startsWith("STATS ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("probe " + mode + " printed no STATS:\n" + out));
        return new String[] {result.substring("RESULT ".length()).trim(), stats.substring("STATS ".length()).trim()};
    }

    /** The 1, 5 and 15-minute load averages, as the figures of a shared machine need them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** A new, empty database: a PostgreSQL schema or an H2 file. */
    private String newDatabase(String tag) throws Exception {
        int n = ++databases;
        if (kind.equals("h2")) {
            return "jdbc:h2:file:" + work.resolve("db/" + tag + n);
        }
        String schema = "retort_bench_" + ProcessHandle.current().pid() + "_" + tag + n;
        try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void dropSchemas() throws Exception {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                // One DROP SCHEMA ... CASCADE of thousands of tables takes a lock per table and
                // index in one transaction and runs out of PostgreSQL's lock table: drop the
                // tables a few hundred at a time first, each statement its own transaction.
                List<String> tables = new ArrayList<>();
                try (PreparedStatement list = c.prepareStatement(
                        "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename DESC")) {
                    list.setString(1, schema);
                    try (ResultSet rs = list.executeQuery()) {
                        while (rs.next()) {
                            tables.add(schema + "." + rs.getString(1));
                        }
                    }
                }
                for (int i = 0; i < tables.size(); i += 200) {
                    s.execute("DROP TABLE IF EXISTS " + String.join(", ", tables.subList(i, Math.min(i + 200,
                            tables.size()))) + " CASCADE");
                }
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }

    private static String postgresUrl() {
        String url = System.getenv("RETORT_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
