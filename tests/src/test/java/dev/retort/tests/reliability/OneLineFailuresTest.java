package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import dev.retort.tests.cli.CliProject;
import dev.retort.tests.cli.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, items 7 and 1: a failed migration prints one {@code FAILED:} line by default, even
 * when the database's message spans lines (PostgreSQL's {@code Position:} and {@code Detail:},
 * H2's echo of the statement) or the statement itself does; {@code --verbose} prints the
 * whole text and the stack trace. A migration that throws a {@code java.lang.Error} is
 * reported the same way and exits with status 1, never with a raw stack trace.
 */
class OneLineFailuresTest {

    private static final String ID = "0000bbbb0001";

    @TempDir
    Path dir;

    @Test
    void postgresqlPositionLine() {
        try (TestDatabase database = TestDatabases.postgres()) {
            CliProject project = project(database.url(), "op.execute(\"SELECT nosuchcolumn FROM pg_class\");");
            String line = oneFailedLine(project.retort("upgrade", "head"));
            assertThat(line).contains(ID).contains("column \"nosuchcolumn\" does not exist").contains("Position: 8");

            CliRun verbose = project.retort("upgrade", "head", "--verbose");
            assertThat(verbose.status()).isEqualTo(1);
            assertThat(verbose.err()).contains("does not exist\n  Position: 8").contains("\tat ");
        }
    }

    @Test
    void postgresqlDetailLineOnAMultiLineStatement() {
        try (TestDatabase database = TestDatabases.postgres()) {
            CliProject project = project(database.url(), """
                    op.execute("CREATE TABLE thing (id INT PRIMARY KEY)");
                            op.execute("INSERT INTO thing\\n  VALUES (1),\\n         (1)");""");
            String line = oneFailedLine(project.retort("upgrade", "head"));
            assertThat(line).contains(ID).contains("duplicate key value violates unique constraint")
                    .contains("Detail: Key (id)=(1) already exists").contains("INSERT INTO thing VALUES (1), (1)");

            // The runtime quotes the statement reflowed on one line; the database's text keeps its lines.
            CliRun verbose = project.retort("upgrade", "head", "--verbose");
            assertThat(verbose.err()).contains("INSERT INTO thing VALUES (1), (1)")
                    .contains("\n  Detail: Key (id)=(1) already exists").contains("\tat ");
        }
    }

    @Test
    void h2EchoedSqlOfAMultiLineStatement() {
        CliProject project = project("jdbc:h2:file:" + dir.resolve("db/app"),
                "op.execute(\"CREATE TABL thing (\\n  id INT\\n)\");");
        String line = oneFailedLine(project.retort("upgrade", "head"));
        assertThat(line).contains(ID).contains("CREATE TABL thing ( id INT )").contains("[42001-");
        assertThat(line).as("H2's echo of the statement the line already quotes").doesNotContain("SQL statement:");

        CliRun verbose = project.retort("upgrade", "head", "--verbose");
        assertThat(verbose.err()).contains("CREATE TABL thing (\n  id INT\n)").contains("SQL statement:")
                .contains("\tat ");
    }

    @Test
    void anAssertionErrorInAMigrationIsOneFailedLine() {
        CliProject project = project("jdbc:h2:file:" + dir.resolve("db/app"), """
                op.execute("CREATE TABLE thing (id INT)");
                        op.execute("INSERT INTO thing VALUES (1)");
                        throw new AssertionError("invariant broken in the migration");""");
        String line = oneFailedLine(project.retort("upgrade", "head"));
        assertThat(line).contains("AssertionError").contains("invariant broken in the migration");

        // On a fresh database: what the first run left behind is the runtime's business (item 1), not this test's.
        CliRun verbose = project.retort("upgrade", "head", "--verbose", "--url", "jdbc:h2:file:" + dir.resolve("db/other"));
        assertThat(verbose.status()).as("%s", verbose).isEqualTo(1);
        assertThat(verbose.err()).contains("FAILED: ").contains("AssertionError: invariant broken").contains("\tat ");
    }

    @Test
    void aStackOverflowErrorWithoutMessageIsOneFailedLine() {
        CliProject project = project("jdbc:h2:file:" + dir.resolve("db/app"), """
                op.execute("CREATE TABLE thing (id INT)");
                        throw new StackOverflowError();""");
        assertThat(oneFailedLine(project.retort("upgrade", "head"))).contains("StackOverflowError")
                .doesNotContain("null");
    }

    /** A project with one revision whose upgrade body is {@code body}, compiled, on {@code url}. */
    private CliProject project(String url, String body) {
        CliProject project = new CliProject(dir.resolve("app"));
        project.ok("init", "--package", CliProject.PACKAGE);
        project.setProperty("url", url);
        project.setProperty("user", "");
        Path revision = CliProject.generatedPath(project.ok("revision", "-m", "failing", "--rev-id", ID));
        CliProject.fillIn(revision, body, "");
        project.compile();
        return project;
    }

    /** Asserts status 1 and that the error stream ends with exactly one FAILED line, then returns it. */
    private static String oneFailedLine(CliRun run) {
        assertThat(run.status()).as("%s", run).isEqualTo(1);
        List<String> lines = run.errLines();
        assertThat(lines).as("%s", run).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("the last line of stderr\n%s", run).startsWith("FAILED: ");
        assertThat(lines.stream().filter(l -> l.startsWith("FAILED: "))).as("%s", run).hasSize(1);
        assertThat(run.err()).as("no stack trace without --verbose").doesNotContain("\tat ");
        return last;
    }
}
