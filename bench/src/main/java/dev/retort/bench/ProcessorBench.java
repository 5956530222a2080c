package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the annotation processor costs, and whether its registry holds up at size. Fresh
 * processes, each contender paired with its baseline in the same run, medians of the
 * per-run ratios, as in {@link Bench}.
 *
 * <pre>
 * Bench processor         - N RUNS WORK   javac of N revisions: -proc:none vs the processor
 *                                          on -processorpath (found as a user's build finds it)
 * Bench processor-runtime - N RUNS WORK   N revisions compiled with the processor; upgradeToHead
 *                                          from empty, then at head, on an H2 file database,
 *                                          beside plain JDBC running the same SQL: time and memory
 * </pre>
 *
 * <p>The revisions are {@link Workload}'s. CPU time is the children's user + system time from
 * Linux's {@code /proc/self/stat}, at 100 ticks a second; elsewhere it is left out.
 */
final class ProcessorBench {

    private static final int WARMUP = 1;
    private static final String REGISTRY = "GeneratedMigrations";

    private final int revisions;
    private final Path work;
    private final Path sources;
    private final Path argfile;
    private final String compileClasspath;
    private final String processorPath;

    private ProcessorBench(int revisions, Path work) {
        this.revisions = revisions;
        this.work = work;
        this.sources = work.resolve("src");
        this.argfile = work.resolve("sources.txt");
        // What a user's build has: the annotations and the runtime to compile against, and the
        // processor with its own dependencies on the processor path.
        this.compileClasspath = locations("dev.retort.annotations.Revision", "dev.retort.runtime.Migration");
        this.processorPath = locations("dev.retort.processor.RevisionProcessor", "com.palantir.javapoet.JavaFile",
                "dev.retort.annotations.Revision", "dev.retort.runtime.Migration");
    }

    static void run(String benchCase, int revisions, int runs, Path work) throws Exception {
        deleteRecursively(work);
        ProcessorBench bench = new ProcessorBench(revisions, work);
        bench.writeSources();
        switch (benchCase) {
            case "processor" -> bench.javac(runs);
            case "processor-runtime" -> bench.runtime(runs);
            default -> throw new IllegalArgumentException("unknown case " + benchCase
                    + ": processor or processor-runtime");
        }
    }

    // ---- processor: javac with and without it

    private void javac(int runs) throws Exception {
        double loadBefore = loadAverage();
        List<Double> plain = new ArrayList<>();
        List<Double> processed = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int run = -WARMUP; run < runs; run++) {
            Timing b = javac(false, work.resolve("out-plain"));
            Timing c = javac(true, work.resolve("out-processor"));
            System.out.printf(Locale.ROOT, "%s %d: without %.0f ms (cpu %s), with %.0f ms (cpu %s), ratio %.2f, cpu ratio %s%n",
                    run < 0 ? "warm-up" : "run", Math.abs(run), b.ms, cpu(b.cpuMs), c.ms, cpu(c.cpuMs), c.ms / b.ms,
                    b.cpuMs > 0 && c.cpuMs > 0 ? String.format(Locale.ROOT, "%.2f", c.cpuMs / b.cpuMs) : "n/a");
            if (run >= 0) {
                plain.add(b.ms);
                processed.add(c.ms);
                ratios.add(c.ms / b.ms);
                if (b.cpuMs > 0 && c.cpuMs > 0) {
                    cpuRatios.add(c.cpuMs / b.cpuMs);
                }
            }
        }
        Path registry = work.resolve("generated").resolve(Workload.PACKAGE.replace('.', '/')).resolve(REGISTRY + ".java");
        String text = Files.readString(registry, StandardCharsets.UTF_8);
        long lines = text.lines().count();
        long classBytes = 0;
        try (Stream<Path> files = Files.list(work.resolve("out-processor").resolve(Workload.PACKAGE.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(REGISTRY)).toList()) {
                classBytes += Files.size(file);
            }
        }
        List<Double> alone = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alone.add(registryAlone(registry).ms);
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "processor, N=%d, %d paired runs of fresh javac processes (load average %.1f before, %.1f after):%n",
                revisions, runs, loadBefore, loadAverage());
        System.out.printf(Locale.ROOT, "  %-44s median %8.0f ms%n", "javac -proc:none", median(plain));
        System.out.printf(Locale.ROOT, "  %-44s median %8.0f ms%n", "javac with the Retort processor", median(processed));
        System.out.printf(Locale.ROOT, "  %-44s %.2f (min %.2f, max %.2f)%n", "median of paired ratios (wall)",
                median(ratios), min(ratios), max(ratios));
        if (!cpuRatios.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %-44s %.2f (min %.2f, max %.2f)%n", "median of paired ratios (cpu)",
                    median(cpuRatios), min(cpuRatios), max(cpuRatios));
        }
        System.out.printf(Locale.ROOT, "  %-44s %d bytes, %d lines (%.1f lines per revision); class files %d bytes%n",
                REGISTRY + ".java", text.getBytes(StandardCharsets.UTF_8).length, lines, (double) lines / revisions,
                classBytes);
        System.out.printf(Locale.ROOT, "  %-44s median of 3: %.0f ms%n", "javac of " + REGISTRY + ".java alone", median(alone));
    }

    /** A fresh compile of every revision, with the processor (found on the processor path) or without any. */
    private Timing javac(boolean processor, Path out) throws IOException, InterruptedException {
        deleteRecursively(out);
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(javacCommand()));
        command.addAll(List.of("--release", "17", "-classpath", compileClasspath, "-d", out.toString()));
        if (processor) {
            Path generated = work.resolve("generated");
            deleteRecursively(generated);
            Files.createDirectories(generated);
            command.addAll(List.of("-processorpath", processorPath, "-s", generated.toString()));
        } else {
            command.add("-proc:none");
        }
        command.add("@" + argfile);
        Timing timing = time(command, "javac");
        if (processor && !Files.exists(out.resolve(Workload.PACKAGE.replace('.', '/')).resolve(REGISTRY + ".class"))) {
            throw new IllegalStateException("the processor wrote no " + REGISTRY + " into " + out);
        }
        return timing;
    }

    /** javac of the generated registry on its own, against the revisions compiled without the processor. */
    private Timing registryAlone(Path registry) throws IOException, InterruptedException {
        Path out = work.resolve("out-registry");
        deleteRecursively(out);
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(javacCommand()));
        command.addAll(List.of("--release", "17", "-proc:none", "-d", out.toString(), "-classpath",
                compileClasspath + File.pathSeparator + work.resolve("out-plain"), registry.toString()));
        return time(command, "javac-registry");
    }

    // ---- processor-runtime: the registry of N revisions at run time

    private void runtime(int runs) throws Exception {
        double loadBefore = loadAverage();
        Path classes = work.resolve("classes");
        Timing compile = javac(true, classes);
        System.out.printf(Locale.ROOT, "%d revisions compiled with the processor in %.0f ms%n", revisions, compile.ms);
        String classpath = System.getProperty("java.class.path") + File.pathSeparator + classes;
        List<Double> retort = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> atHead = new ArrayList<>();
        List<String> memory = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String b = "jdbc:h2:file:" + work.resolve("db/jdbc" + run);
            String c = "jdbc:h2:file:" + work.resolve("db/retort" + run);
            Probe plain = probe(classpath, "jdbc", b, revisions);
            Probe upgrade = probe(classpath, "retort", c, revisions);
            Probe head = probe(classpath, "retort", c, 0);
            System.out.printf(Locale.ROOT, "run %d: plain JDBC %.0f ms [%s]; Retort empty -> head %.0f ms [%s], ratio %.2f;"
                            + " at head %.0f ms [%s]%n",
                    run, plain.ms, plain.memory, upgrade.ms, upgrade.memory, upgrade.ms / plain.ms, head.ms, head.memory);
            jdbc.add(plain.ms);
            retort.add(upgrade.ms);
            ratios.add(upgrade.ms / plain.ms);
            atHead.add(head.ms);
            memory.add(upgrade.memory);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "processor-runtime, h2, N=%d, %d runs of fresh JVMs (load average %.1f before, %.1f after):%n",
                revisions, runs, loadBefore, loadAverage());
        System.out.printf(Locale.ROOT, "  %-44s median %8.0f ms%n", "plain JDBC, empty -> head", median(jdbc));
        System.out.printf(Locale.ROOT, "  %-44s median %8.0f ms%n", "Retort upgradeToHead, empty -> head", median(retort));
        System.out.printf(Locale.ROOT, "  %-44s %.2f (min %.2f, max %.2f)%n", "median of paired ratios",
                median(ratios), min(ratios), max(ratios));
        System.out.printf(Locale.ROOT, "  %-44s median %8.0f ms%n", "Retort upgradeToHead at head", median(atHead));
        System.out.printf(Locale.ROOT, "  %-44s %s%n", "Retort empty -> head, memory of each run", memory);
    }

    private record Probe(double ms, String memory) {
    }

    /** A fresh JVM that runs {@link RegistryProbe}; it must report {@code expected} migrations applied. */
    private Probe probe(String classpath, String mode, String url, int expected) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = work.resolve("probe-stderr.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", classpath, RegistryProbe.class.getName(), mode, url,
                Integer.toString(revisions), work.toString())
                .redirectError(log.toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (status != 0) {
            throw new IllegalStateException("probe " + mode + " failed with status " + status + "; see " + log + "\n" + out);
        }
        String result = last(out, "RESULT ");
        if (Integer.parseInt(result) != expected) {
            throw new IllegalStateException(mode + " applied " + result + " migrations, expected " + expected);
        }
        return new Probe(ms, last(out, "MEMORY "));
    }

    private static String last(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b)
                .map(l -> l.substring(prefix.length()).trim())
                .orElseThrow(() -> new IllegalStateException("the probe printed no " + prefix.trim() + ":\n" + out));
    }

    // ---- shared

    private record Timing(double ms, double cpuMs) {
    }

    /** Runs a child process to its end; wall time, and its CPU time where {@code /proc} tells it. */
    private Timing time(List<String> command, String name) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        double cpuBefore = childrenCpuMs();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int status = process.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        double cpuAfter = childrenCpuMs();
        if (status != 0) {
            throw new IllegalStateException(name + " failed with status " + status + "; see " + log);
        }
        return new Timing(ms, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
    }

    /** User + system time of this process's waited-for children ({@code cutime + cstime}), or -1. */
    private static double childrenCpuMs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String cpu(double ms) {
        return ms < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static String[] javacCommand() {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        if (Files.isExecutable(javac)) {
            return new String[] {javac.toString()};
        }
        return new String[] {Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-m", "jdk.compiler/com.sun.tools.javac.Main"};
    }

    /** The class path entries that hold the named classes, in order, without repeats. */
    private static String locations(String... classNames) {
        List<String> entries = new ArrayList<>();
        for (String name : classNames) {
            try {
                String entry = Path.of(Class.forName(name, false, ProcessorBench.class.getClassLoader())
                        .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
                throw new IllegalStateException("cannot locate " + name + " on the bench's class path", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Workload's revisions as source files, and javac's argument file that lists them. */
    private void writeSources() throws IOException {
        Path dir = sources.resolve(Workload.PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < revisions; i++) {
            String name = String.format(Locale.ROOT, "Rev%05d", i);
            String down = i == 0 ? "" : ", downRevision = \"" + Workload.id(i - 1) + "\"";
            StringBuilder upgrade = new StringBuilder();
            for (String statement : Workload.statements(i)) {
                upgrade.append("        op.execute(\"").append(statement).append("\");\n");
            }
            String source = "package " + Workload.PACKAGE + ";\n\n"
                    + "import dev.retort.annotations.Revision;\n"
                    + "import dev.retort.runtime.Migration;\n"
                    + "import dev.retort.runtime.Operations;\n\n"
                    + "/** Revision " + i + ". */\n"
                    + "@Revision(id = \"" + Workload.id(i) + "\"" + down + ")\n"
                    + "public final class " + name + " implements Migration {\n"
                    + "    @Override public void upgrade(Operations op) {\n" + upgrade
                    + "    }\n"
                    + "    @Override public void downgrade(Operations op) {\n"
                    + String.format(Locale.ROOT, "        op.execute(\"DROP TABLE t%05d\");%n", i)
                    + "    }\n"
                    + "}\n";
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            list.append('"').append(file.toString().replace("\\", "\\\\")).append("\"\n");
        }
        Files.writeString(argfile, list, StandardCharsets.UTF_8);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
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
