package dev.retort.tests.reliability;

import dev.retort.runtime.Migrator;
import dev.retort.autogenerate.Introspection;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.Metadata;
import dev.retort.testing.SimpleDataSource;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Separate JVMs running {@link MigrateMain}, and what the reliability tests check after them:
 * the version table, the audit counts, and the introspected schema against the schema a
 * clean in-process run produces at the same revision.
 */
final class Children {

    private Children() {
    }

    /** A database of one kind for one trial: a fresh schema, database or file. */
    record Db(String kind, String url, DataSource dataSource, AutoCloseable cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    /** {@code -Dreliability.kinds=h2file,mariadb} runs only those databases' cases, to try one quickly. */
    static void assumeSelected(String kind) {
        String selected = System.getProperty("reliability.kinds", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(selected.isBlank() || List.of(selected.split(",")).contains(kind),
                "not selected by -Dreliability.kinds=" + selected);
    }

    static Db open(String kind) throws IOException {
        if (kind.equals("h2file")) {
            Path dir = Files.createTempDirectory("retort-kill-h2");
            // H2's defaults on purpose (WRITE_DELAY 500): the migrator must make its commits durable itself.
            String url = "jdbc:h2:file:" + dir.resolve("db");
            return new Db(kind, url, new SimpleDataSource(url), () -> {
                try (Connection c = new SimpleDataSource(url).getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException ignored) {
                    // already closed
                }
                try (var files = Files.walk(dir)) {
                    files.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            });
        }
        if (kind.equals("h2server")) {
            // A server outlives its killed clients, as MariaDB does: their DDL has committed.
            Path dir = Files.createTempDirectory("retort-kill-h2server");
            org.h2.tools.Server server;
            try {
                server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                        dir.toString()).start();
            } catch (SQLException e) {
                throw new IOException("Cannot start an H2 TCP server: " + e.getMessage(), e);
            }
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/db";
            return new Db(kind, url, new SimpleDataSource(url), () -> {
                server.stop();
                try (var files = Files.walk(dir)) {
                    files.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            });
        }
        TestDatabase database = TestDatabases.open(kind);
        return new Db(kind, database.url(), database.dataSource(), database::close);
    }

    /** A started {@link MigrateMain} and the lines it printed. */
    static final class Child {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean printed(String prefix) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.startsWith(prefix));
            }
        }

        void await(String prefix, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (!printed(prefix)) {
                if (!process.isAlive() && !printed(prefix)) {
                    Thread.sleep(50);
                    if (printed(prefix)) {
                        return;
                    }
                    throw new AssertionError("Child exited " + process.exitValue() + " before " + prefix + ": " + lines);
                }
                if (System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("Child did not print " + prefix + " in " + timeoutMillis + " ms: " + lines);
                }
                Thread.sleep(2);
            }
        }

        /** Waits until the child has printed {@code count} lines starting with {@code prefix}; false if it exited first. */
        boolean awaitCount(String prefix, int count, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (true) {
                synchronized (lines) {
                    if (lines.stream().filter(l -> l.startsWith(prefix)).count() >= count) {
                        return true;
                    }
                }
                if (!process.isAlive()) {
                    return false;
                }
                if (System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("Child did not print " + count + " x " + prefix + ": " + lines);
                }
                Thread.sleep(1);
            }
        }

        /** The last {@code COMMITTED} revision printed, or null. */
        String lastCommitted() {
            synchronized (lines) {
                String last = null;
                for (String line : lines) {
                    if (line.startsWith("COMMITTED ")) {
                        last = line.substring("COMMITTED ".length());
                    }
                }
                return last;
            }
        }

        int finish(long timeoutSeconds) throws InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("Child did not finish in " + timeoutSeconds + " s: " + lines);
            }
            return process.exitValue();
        }
    }

    /** Starts {@link MigrateMain} in a small, quickly starting JVM; only 127.0.0.1 is ever contacted. */
    static Child start(String url, String mode, long pauseMillis, Path barrier) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m",
                "-Dretort.reliability.pause=" + pauseMillis, "-cp", classPath(), MigrateMain.class.getName(), url, mode));
        if (barrier != null) {
            command.add(barrier.toString());
        }
        return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The test class path, cut to what {@link MigrateMain} loads: Retort, the test classes and the four drivers. */
    static String classPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> entry.contains("runtime") || entry.contains("test-classes")
                        || entry.matches(".*(h2|postgresql|mariadb-java-client|sqlite-jdbc)-[0-9].*\\.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Migrator migrator(DataSource dataSource) {
        return Migrator.builder(KillRegistry.registry()).dataSource(dataSource).build();
    }

    /**
     * The schema at each revision ({@code ""} for base), read from a clean in-process run on a
     * fresh database of the same kind: what a database at that revision must look like.
     */
    static Map<String, Metadata> reference(String kind) throws Exception {
        Map<String, Metadata> schemas = new HashMap<>();
        try (Db db = open(kind.startsWith("h2") ? "h2" : kind)) {
            Migrator migrator = migrator(db.dataSource());
            schemas.put("", introspect(db.dataSource()));
            for (String id : KillRegistry.IDS) {
                migrator.upgrade(id);
                schemas.put(id, introspect(db.dataSource()));
            }
        }
        return schemas;
    }

    static Metadata introspect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            return Introspection.read(connection, dialect);
        }
    }

    /** How often each revision's audit row was written; empty when the audit table does not exist. */
    static Map<String, Integer> auditCounts(DataSource dataSource) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT revision, COUNT(*) FROM audit GROUP BY revision")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            return counts;
        }
        return counts;
    }

    /** The rows of the journal, 0 when it is empty or missing. */
    static int journalRows(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM retort_version_journal")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }
}
