package dev.retort.tests.newcomer;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.accounts.migrations.GeneratedMigrations;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator's log lines as an application sees them, each in a fresh JVM so that the
 * logging set-up is the application's own: plain java.util.logging (one line per record,
 * not the JDK's two), java.util.logging configured by the application (its format, not
 * ours), and SLF4J with Logback through both bridges a Spring Boot application may use.
 * The application upgrades an empty database to head, then again when it is at head.
 */
class RuntimeLoggingTest {

    private static final String HEAD = "8e3b5f1a2c90";
    private static final String LOGGER = "dev.retort.runtime.Migrator";

    @TempDir
    Path dir;

    @Test
    void plainJavaUtilLoggingPrintsEachLineOnOneLineAndOneLineAtHead() throws Exception {
        ChildJvm.Run run = application(List.of(), List.of());

        assertThat(run.out()).contains("result: applied 8 then 0, at [" + HEAD + "]");
        List<String> lines = run.errLines();
        String stamp = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";
        assertThat(lines).as(run.toString()).hasSize(8 + 2 + 1)
                .allMatch(line -> line.matches(stamp + "INFO  \\[" + LOGGER + "\\] \\S.*"));
        assertThat(lines).filteredOn(line -> line.contains("Running upgrade")).hasSize(8)
                .anyMatch(line -> line.endsWith("Running upgrade  -> 1f3a9c2e7b10, Create the account table"));
        assertThat(lines.get(lines.size() - 1)).endsWith("] At head (" + HEAD + "); nothing to apply");
        assertThat(run.err()).doesNotContain("lambda$").doesNotContain("INFO: ");
    }

    @Test
    void aLoggingConfigFileIsTheApplicationsAndItsLevelsApply() throws Exception {
        Path config = dir.resolve("quiet.properties");
        Files.writeString(config, "handlers=java.util.logging.ConsoleHandler\n" + LOGGER + ".level=WARNING\n");
        // A logging.properties file is the application configuring JUL: its levels and format win.
        ChildJvm.Run run = application(List.of("-Djava.util.logging.config.file=" + config), List.of());

        assertThat(run.out()).contains("result: applied 8 then 0");
        assertThat(run.err()).as(run.toString()).doesNotContain("Running upgrade");
    }

    @Test
    void anApplicationsOwnJulFormatIsUsedUntouched() throws Exception {
        ChildJvm.Run run = application(
                List.of("-Djava.util.logging.SimpleFormatter.format=APP|%4$s|%3$s|%5$s%n"), List.of());

        assertThat(run.errLines()).as(run.toString()).hasSize(11)
                .contains("APP|INFO|" + LOGGER + "|Running upgrade  -> 1f3a9c2e7b10, Create the account table")
                .endsWith("APP|INFO|" + LOGGER + "|At head (" + HEAD + "); nothing to apply");
    }

    @Test
    void slf4jSystemLoggerBridgeSendsEachLineToLogback() throws Exception {
        ChildJvm.Run run = application(List.of(),
                loggingJars("slf4j-api-", "slf4j-jdk-platform-logging-", "logback-classic-", "logback-core-"));

        assertLogbackLines(run);
    }

    @Test
    void julToSlf4jBridgeAsInSpringBootSendsEachLineToLogback() throws Exception {
        ChildJvm.Run run = application(List.of(),
                loggingJars("slf4j-api-", "jul-to-slf4j-", "logback-classic-", "logback-core-"), "jul-to-slf4j");

        assertLogbackLines(run);
    }

    private static void assertLogbackLines(ChildJvm.Run run) {
        // Logback's default console pattern: "01:33:18.204 [main] INFO dev.retort.runtime.Migrator -- message",
        // at DEBUG by default; every line of the output but the application's own is one such line.
        String prefix = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[main\\] (INFO|DEBUG)\\s+" + LOGGER.replace(".", "\\.") + " -- ";
        List<String> lines = run.outLines().stream().filter(line -> !line.startsWith("result: ")).toList();
        assertThat(lines).as(run.toString()).allMatch(line -> line.matches(prefix + "\\S.*"));
        List<String> info = lines.stream().filter(line -> line.contains(" INFO ")).toList();
        assertThat(info).hasSize(11)
                .anyMatch(line -> line.endsWith(" -- Running upgrade  -> 1f3a9c2e7b10, Create the account table"));
        assertThat(info.get(info.size() - 1)).endsWith(" -- At head (" + HEAD + "); nothing to apply");
        assertThat(run.out()).contains("result: applied 8 then 0");
        assertThat(run.err()).as("the runtime writes nothing itself when a logging framework is there")
                .doesNotContain(LOGGER);
    }

    private ChildJvm.Run application(List<String> jvmOptions, List<Path> extraJars, String... args)
            throws IOException, InterruptedException {
        List<Path> classpath = new ArrayList<>(List.of(ChildJvm.location(LoggingApplication.class),
                ChildJvm.location(GeneratedMigrations.class), ChildJvm.location(Migrator.class),
                ChildJvm.location(Revision.class), ChildJvm.location(JdbcDataSource.class)));
        classpath.addAll(extraJars);
        List<String> command = new ArrayList<>(List.of(ChildJvm.java().toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", ChildJvm.classpath(classpath), LoggingApplication.class.getName()));
        command.addAll(List.of(args));
        ChildJvm.Run run = ChildJvm.run(dir, Map.of(), 120, command);
        assertThat(run.status()).as(run.toString()).isZero();
        return run;
    }

    /** The logging jars the build copies to target/logging-jars (they stay off this JVM's class path). */
    private static List<Path> loggingJars(String... prefixes) throws IOException {
        Path folder = Path.of(System.getProperty("basedir", "."), "target", "logging-jars");
        List<Path> jars = new ArrayList<>();
        for (String prefix : prefixes) {
            try (Stream<Path> files = Files.list(folder)) {
                jars.add(files.filter(f -> f.getFileName().toString().startsWith(prefix)
                                && f.getFileName().toString().substring(prefix.length()).matches("\\d.*"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(prefix + "*.jar missing from " + folder
                                + ": run the tests through Maven, which copies it there")));
            }
        }
        return jars;
    }
}
