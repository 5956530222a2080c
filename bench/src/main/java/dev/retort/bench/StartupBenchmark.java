package dev.retort.bench;

import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Start-up of an application at head with 1,000 revisions, against the baseline of one
 * plain JDBC read of the version table, each measured in fresh JVMs in the same run.
 *
 * <p>Steps: write 1,000 revision sources, compile them with the Retort processor, migrate
 * an H2 file database to head once, count the statements a start-up at head sends, then
 * time alternating child JVMs of both kinds and report medians and their ratio.
 */
public final class StartupBenchmark {

    private static final int REVISIONS = 1_000;
    private static final int WARMUP = 2;
    private static final int RUNS = 15;
    private static final String PACKAGE = "bench.migrations";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-work").toAbsolutePath();
        deleteRecursively(work);
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);

        long t0 = System.nanoTime();
        List<Path> files = writeRevisions(sources);
        compile(files, classes);
        System.out.printf(Locale.ROOT, "wrote and compiled %d revisions with the processor in %d ms%n",
                REVISIONS, (System.nanoTime() - t0) / 1_000_000);

        String url = "jdbc:h2:file:" + work.resolve("db/bench");
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                StartupBenchmark.class.getClassLoader())) {
            MigrationRegistry registry = (MigrationRegistry) loader.loadClass(PACKAGE + ".GeneratedMigrations")
                    .getField("REGISTRY").get(null);
            long m0 = System.nanoTime();
            MigrationResult first = Migrator.builder(registry).dataSource(dataSource).build().upgrade("head");
            System.out.printf(Locale.ROOT, "first upgrade applied %d revisions in %d ms%n",
                    first.steps().size(), (System.nanoTime() - m0) / 1_000_000);

            AtomicInteger statements = new AtomicInteger();
            Migrator.builder(registry).dataSource(counting(dataSource, statements)).build().upgrade("head");
            System.out.println("statements sent by upgrade(\"head\") at head: " + statements.get());
        }

        String classpath = System.getProperty("java.class.path") + File.pathSeparator + classes;
        List<Long> jdbc = new ArrayList<>();
        List<Long> retort = new ArrayList<>();
        List<Long> jdbcWall = new ArrayList<>();
        List<Long> retortWall = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long[] a = probe(classpath, "jdbc", url);
            long[] b = probe(classpath, "retort", url);
            if (i >= WARMUP) {
                jdbc.add(a[0]);
                jdbcWall.add(a[1]);
                retort.add(b[0]);
                retortWall.add(b[1]);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %12s %12s%n", "fresh JVM, median of " + RUNS, "in main", "whole JVM");
        System.out.printf(Locale.ROOT, "%-44s %9.1f ms %9.1f ms%n", "baseline: one JDBC read of the version table",
                median(jdbc) / 1e6, median(jdbcWall) / 1e6);
        System.out.printf(Locale.ROOT, "%-44s %9.1f ms %9.1f ms%n", "retort: build migrator + upgrade(\"head\")",
                median(retort) / 1e6, median(retortWall) / 1e6);
        System.out.printf(Locale.ROOT, "%-44s %11.2fx %11.2fx%n", "ratio retort / baseline",
                (double) median(retort) / median(jdbc), (double) median(retortWall) / median(jdbcWall));
    }

    private static List<Path> writeRevisions(Path sources) throws IOException {
        Path dir = sources.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < REVISIONS; i++) {
            String name = String.format(Locale.ROOT, "Rev%04d", i);
            String down = i == 0 ? "" : String.format(Locale.ROOT, ", downRevision = \"r%04d\"", i - 1);
            String source = "package " + PACKAGE + ";\n\n"
                    + "import dev.retort.annotations.Revision;\n"
                    + "import dev.retort.runtime.Migration;\n"
                    + "import dev.retort.runtime.Operations;\n\n"
                    + "/** Revision " + i + ". */\n"
                    + String.format(Locale.ROOT, "@Revision(id = \"r%04d\"%s)%n", i, down)
                    + "public final class " + name + " implements Migration {\n"
                    + "    @Override public void upgrade(Operations op) {\n"
                    + String.format(Locale.ROOT, "        op.execute(\"CREATE TABLE t%04d (id INT)\");%n", i)
                    + "    }\n"
                    + "    @Override public void downgrade(Operations op) {\n"
                    + String.format(Locale.ROOT, "        op.execute(\"DROP TABLE t%04d\");%n", i)
                    + "    }\n"
                    + "}\n";
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    private static void compile(List<Path> files, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of(
                "-classpath", System.getProperty("java.class.path"),
                "-processor", "dev.retort.processor.RevisionProcessor",
                "-d", classes.toString(), "--release", "17"));
        files.forEach(f -> arguments.add(f.toString()));
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
    }

    /** Returns {nanoseconds inside main, nanoseconds of the whole child process}. */
    private static long[] probe(String classpath, String mode, String url) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", classpath, StartupProbe.class.getName(),
                mode, url, PACKAGE + ".GeneratedMigrations")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int status = process.waitFor();
        long wall = System.nanoTime() - start;
        if (status != 0) {
            throw new IllegalStateException("probe " + mode + " failed with status " + status);
        }
        String[] lines = out.split("\\R");
        return new long[] {Long.parseLong(lines[lines.length - 1].trim()), wall};
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Counts statements executed through any connection of the data source; the real database runs each one. */
    private static DataSource counting(JdbcDataSource real, AtomicInteger count) {
        return (DataSource) Proxy.newProxyInstance(StartupBenchmark.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof Connection connection) {
                        return wrapConnection(connection, count);
                    }
                    return result;
                });
    }

    private static Connection wrapConnection(Connection real, AtomicInteger count) {
        return (Connection) Proxy.newProxyInstance(StartupBenchmark.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof Statement statement) {
                        return wrapStatement(statement, count);
                    }
                    return result;
                });
    }

    private static Statement wrapStatement(Statement real, AtomicInteger count) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> type = real.getClass(); type != null; type = type.getSuperclass()) {
            interfaces.addAll(List.of(type.getInterfaces()));
        }
        interfaces.add(Statement.class);
        return (Statement) Proxy.newProxyInstance(StartupBenchmark.class.getClassLoader(),
                interfaces.stream().filter(Class::isInterface).distinct().toArray(Class<?>[]::new),
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        count.incrementAndGet();
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
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
