package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * Bench processor[-runtime] …          see {@link ProcessorBench}
 * </pre>
 *
 * <p>PostgreSQL: {@code RETORT_TEST_POSTGRES_URL}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; each database state is a schema of
 * its own, {@code retort_bench_<pid>_…}, dropped at the end. H2: file databases under WORK.
 */
public final class Bench {

    private static final int WARMUP = 1;

    private final String kind;
    private final int revisions;
    private final Path work;
    private final Path classes;
    private final Path flywayScripts;
    private final String classpath;
    private final List<String> schemas = new ArrayList<>();
    private int databases;

    private Bench(String kind, int revisions, Path work) {
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
        deleteRecursively(work);
        Bench bench = new Bench(kind, revisions, work);
        try {
            bench.run(benchCase, runs);
        } finally {
            bench.dropSchemas();
        }
    }

    private void run(String benchCase, int runs) throws Exception {
        long t0 = System.nanoTime();
        Workload.compileRevisions(work, revisions, classes);
        Workload.writeFlywayScripts(flywayScripts, revisions);
        System.out.printf(Locale.ROOT, "%d revisions written and compiled with the processor in %d ms%n",
                revisions, (System.nanoTime() - t0) / 1_000_000);
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
                probe("retort", contenderUrl, revisions);
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
                probe("retort", baselineUrl, revisions);
                probe("flyway", contenderUrl, revisions);
                fresh = false;
            }
            case "flyway-upgrade" -> {
                baselineName = "Retort upgradeToHead, empty -> head";
                contenderName = "Flyway migrate, empty -> head";
                baselineMode = "retort";
                contenderMode = "flyway";
                fresh = true;
            }
            default -> throw new IllegalArgumentException("unknown case " + benchCase
                    + ": at-head, upgrade, flyway-at-head or flyway-upgrade");
        }
        int expected = fresh ? revisions : 0;
        List<Double> baseline = new ArrayList<>();
        List<Double> contender = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int run = -WARMUP; run < runs; run++) {
            String bUrl = fresh ? newDatabase("b") : baselineUrl;
            String cUrl = fresh ? newDatabase("c") : contenderUrl;
            double b = time(baselineMode, bUrl, expected);
            double c = time(contenderMode, cUrl, expected);
            if (fresh) {
                dropSchemas();
            }
            System.out.printf(Locale.ROOT, "%s %d: %s %.0f ms, %s %.0f ms, ratio %.2f%n",
                    run < 0 ? "warm-up" : "run", Math.abs(run), baselineMode, b, contenderMode, c, c / b);
            if (run >= 0) {
                baseline.add(b);
                contender.add(c);
                ratios.add(c / b);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%s, %s, N=%d, %d paired runs of fresh JVMs (whole process):%n",
                benchCase, kind, revisions, runs);
        System.out.printf(Locale.ROOT, "  %-40s median %8.0f ms%n", baselineName, median(baseline));
        System.out.printf(Locale.ROOT, "  %-40s median %8.0f ms%n", contenderName, median(contender));
        System.out.printf(Locale.ROOT, "  %-40s %.2f (min %.2f, max %.2f)%n", "median of paired ratios",
                median(ratios), ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** Milliseconds of the whole child process, which must report {@code expected} migrations applied. */
    private double time(String mode, String url, int expected) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int applied = probe(mode, url, expected);
        double ms = (System.nanoTime() - start) / 1e6;
        if (applied != expected) {
            throw new IllegalStateException(mode + " applied " + applied + " migrations, expected " + expected);
        }
        return ms;
    }

    private int probe(String mode, String url, int count) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", classpath, UpgradeProbe.class.getName(), mode, url,
                Integer.toString(revisions), flywayScripts.toString())
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
        return Integer.parseInt(result.substring("RESULT ".length()).trim());
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
