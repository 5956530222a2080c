package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import dev.retort.tests.cli.CliProject;
import dev.retort.tests.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 2: a password written in the JDBC URL, in {@code password=} or given with
 * {@code --password} never reaches stdout or stderr, whatever the command, the driver's URL
 * syntax and the outcome: a server that does not answer, a driver that is missing or
 * refuses the URL, a dialect the URL does not name, and a working connection (where {@code
 * current --verbose} prints the URL). Each run is repeated with {@code --verbose}, which
 * prints the whole message and the stack trace on failure.
 */
class SecretsNeverPrintedTest {

    /** Long enough to be hidden anywhere; its pieces are checked too (a driver may cut it). */
    private static final String SECRET = "S3cr3tPw9x";

    /** Every command that opens a connection, or reads the URL for its dialect. */
    private static final List<List<String>> DATABASE_COMMANDS = List.of(
            List.of("upgrade", "head"),
            List.of("current", "--verbose"),
            List.of("history", "--indicate-current"),
            List.of("check"),
            List.of("revision", "--autogenerate", "-m", "drift", "--rev-id", "0000feed0001"),
            List.of("stamp", "head"),
            List.of("downgrade", "base"),
            List.of("upgrade", "head", "--sql"));

    @TempDir
    Path dir;

    CliProject project;

    @BeforeEach
    void init() throws IOException {
        project = new CliProject(dir);
        project.ok("init", "--package", CliProject.PACKAGE);
        String a = CliProject.generatedId(project.ok("revision", "-m", "thing", "--rev-id", "0000aaaa0001"));
        try (Stream<Path> files = Files.list(project.packageFolder())) {
            Path revision = files.filter(p -> p.getFileName().toString().contains(a)).findFirst().orElseThrow();
            CliProject.fillIn(revision, "op.execute(\"CREATE TABLE thing (id INT)\");", "op.execute(\"DROP TABLE thing\");");
        }
        Files.writeString(project.packageFolder().resolve("Schema.java"), """
                package com.acme.db;

                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Metadata;
                import dev.retort.runtime.schema.Type;

                public final class Schema {
                    public static final Metadata METADATA = Metadata.builder()
                            .table("thing", t -> t.column(Column.of("id", Type.INTEGER)))
                            .build();

                    private Schema() {
                    }
                }
                """);
        Files.writeString(dir.resolve("retort.properties"), Files.readString(dir.resolve("retort.properties"))
                + "metadata=com.acme.db.Schema.METADATA\n");
        project.compile();
        project.setProperty("user", "");
    }

    // ---- a server or driver that fails ----

    @Test
    void postgresqlPasswordParameter() {
        failsEverywhere("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + SECRET, "Cannot connect to");
    }

    @Test
    void mariadbPasswordParameter() {
        failsEverywhere("jdbc:mariadb://127.0.0.1:1/test?user=root&password=" + SECRET, "Cannot connect to");
    }

    @Test
    void mariadbUserInfo() {
        // Connector/J 3.5 does not parse user:password@ and echoes it: "Incorrect port value : S3cr3t…@127.0.0.1".
        failsEverywhere("jdbc:mariadb://root:" + SECRET + "@127.0.0.1:3306/test", "Cannot connect to");
    }

    @Test
    void h2PasswordSetting() {
        failsEverywhere("jdbc:h2:file:" + dir.resolve("missing/app") + ";IFEXISTS=TRUE;USER=sa;PASSWORD=" + SECRET,
                "Cannot connect to");
    }

    @Test
    void sqliteKey() {
        failsEverywhere("jdbc:sqlite:" + dir.resolve("no/such/folder/app.db") + "?key=" + SECRET, "Cannot connect to");
    }

    @Test
    void missingDriver() {
        failsEverywhere("jdbc:nosuchdb://db.example:5/app?user=app&password=" + SECRET, "No JDBC driver for");
    }

    @Test
    void dialectFromTheUrlOfSqlAndCheck() {
        String url = "jdbc:oracle:thin:app/" + SECRET + "@db.example:1521/app";
        for (List<String> command : List.of(List.of("upgrade", "head", "--sql"), List.of("stamp", "head", "--sql"),
                List.of("check"), List.of("revision", "--autogenerate", "-m", "x"))) {
            for (boolean verbose : new boolean[] {false, true}) {
                CliRun run = run(command, verbose, "--url", url);
                assertThat(run.status()).as("%s\n%s", command, run).isEqualTo(1);
                assertNoSecret(command, run);
                assertThat(run.err()).as("%s", command).contains("Cannot tell the SQL dialect from the url")
                        .contains("app/***@db.example");
            }
        }
    }

    @Test
    void passwordOptionAndKeyOnAServerThatFails() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres";
        for (List<String> command : DATABASE_COMMANDS.subList(0, 7)) {
            CliRun run = run(command, true, "--url", url, "--password", SECRET);
            assertThat(run.status()).as("%s\n%s", command, run).isEqualTo(1);
            assertNoSecret(command, run);
        }
        project.setProperty("password", SECRET);
        for (List<String> command : DATABASE_COMMANDS.subList(0, 7)) {
            CliRun run = run(command, true, "--url", url);
            assertThat(run.status()).as("%s\n%s", command, run).isEqualTo(1);
            assertNoSecret(command, run);
        }
    }

    @Test
    void argumentErrorsDoNotEchoThePassword() {
        // picocli quotes what it cannot match: here the mistyped option with its URL, and the password.
        CliRun run = project.retort("upgrade", "head", "--urll=jdbc:h2:mem:x;PASSWORD=" + SECRET);
        assertThat(run.status()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("--urll=jdbc:h2:mem:x;PASSWORD=***");
        assertNoSecret(List.of("upgrade", "--urll"), run);
        run = project.retort("upgrade", "head", "--password", SECRET, "--pasword", SECRET);
        assertThat(run.status()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("--pasword");
        assertNoSecret(List.of("upgrade", "--pasword"), run);
    }

    // ---- a working connection ----

    @Test
    void workingPostgresql() {
        try (TestDatabase database = TestDatabases.postgres()) {
            // The server trusts local connections: the password is accepted and not checked.
            worksEverywhere(database.url() + "&password=" + SECRET);
        }
    }

    @Test
    void workingMariadb() throws SQLException {
        try (TestDatabase database = TestDatabases.mariadb()) {
            String user = "retort_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(TestDatabases.mariadbUrl()); Statement s = c.createStatement()) {
                s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + SECRET + "'");
                s.execute("GRANT ALL ON " + database.schema() + ".* TO '" + user + "'@'%'");
            }
            try {
                worksEverywhere(database.url().replace("user=root", "user=" + user) + "&password=" + SECRET);
            } finally {
                try (Connection c = DriverManager.getConnection(TestDatabases.mariadbUrl());
                     Statement s = c.createStatement()) {
                    s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
                }
            }
        }
    }

    @Test
    void workingH2() {
        worksEverywhere("jdbc:h2:file:" + dir.resolve("db/app") + ";USER=sa;PASSWORD=" + SECRET);
    }

    @Test
    void workingSqlite() {
        worksEverywhere("jdbc:sqlite:" + dir.resolve("app.db") + "?key=" + SECRET);
    }

    @Test
    void workingH2WithThePasswordOption() {
        String url = "jdbc:h2:file:" + dir.resolve("db/opt");
        project.setProperty("user", "sa");
        for (List<String> command : DATABASE_COMMANDS) {
            CliRun run = run(command, true, "--url", url, "--password", SECRET);
            assertThat(run.status()).as("%s\n%s", command, run).isIn(0, 1);
            assertNoSecret(command, run);
            deleteAutogenerated();
        }
        CliRun wrong = project.retort("current", "--verbose", "--url", url, "--password", SECRET + "-wrong");
        assertThat(wrong.status()).as("%s", wrong).isEqualTo(1);
        assertThat(wrong.err()).contains("Cannot connect to");
        assertNoSecret(List.of("current"), wrong);
    }

    private void failsEverywhere(String url, String expected) {
        project.setProperty("url", url);
        for (List<String> command : DATABASE_COMMANDS) {
            // --verbose prints all the default line does and more; once without it suffices.
            boolean[] modes = command.get(0).equals("upgrade") ? new boolean[] {false, true} : new boolean[] {true};
            for (boolean verbose : modes) {
                CliRun run = run(command, verbose);
                assertNoSecret(command, run);
                if (command.contains("--sql")) {
                    continue; // writes the script without connecting when the URL names a dialect
                }
                assertThat(run.status()).as("%s\n%s", command, run).isEqualTo(1);
                // The message still quotes the URL, its secret masked, so the user sees which one failed.
                assertThat(run.err()).as("%s", command).contains("FAILED: ").contains("***");
                if (command.get(0).equals("upgrade")) {
                    assertThat(run.err()).contains("FAILED: " + expected);
                }
            }
        }
    }

    private void worksEverywhere(String url) {
        project.setProperty("url", url);
        for (List<String> command : DATABASE_COMMANDS) {
            CliRun run = run(command, true);
            // check exits 1 when the model differs from a database at base; everything else succeeds.
            assertThat(run.status()).as("%s\n%s", command, run).isIn(0, command.get(0).equals("check") ? 1 : 0);
            assertNoSecret(command, run);
            if (command.get(0).equals("current")) {
                assertThat(run.out()).startsWith("Current revision(s) for " + url.replace(SECRET, "***") + ":");
            }
            deleteAutogenerated();
        }
    }

    private CliRun run(List<String> command, boolean verbose, String... more) {
        List<String> args = new ArrayList<>(command);
        if (verbose && !args.contains("--verbose")) {
            args.add("--verbose");
        }
        args.addAll(List.of(more));
        return project.retort(args.toArray(String[]::new));
    }

    private static void assertNoSecret(List<String> command, CliRun run) {
        for (String piece : List.of(SECRET, SECRET.substring(0, 6), SECRET.substring(4))) {
            assertThat(run.out()).as("stdout of %s\n%s", command, run).doesNotContain(piece);
            assertThat(run.err()).as("stderr of %s\n%s", command, run).doesNotContain(piece);
        }
    }

    /** A successful {@code revision --autogenerate} writes a revision; remove it so the registry stays current. */
    private void deleteAutogenerated() {
        try (Stream<Path> files = Files.list(project.packageFolder())) {
            for (Path file : files.filter(p -> p.getFileName().toString().contains("0000feed0001")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
