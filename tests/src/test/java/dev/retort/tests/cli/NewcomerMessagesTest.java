package dev.retort.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages a new user met on a first session with the command line, each as the user
 * reads it: what went wrong, in the user's own terms, and a command that works.
 */
class NewcomerMessagesTest {

    @TempDir
    Path dir;

    CliProject project;

    @BeforeEach
    void init() {
        project = new CliProject(dir);
        project.ok("init", "--package", CliProject.PACKAGE);
        project.setProperty("url", "jdbc:h2:file:" + dir.resolve("db/app"));
    }

    @Test
    void downgradeMinusOneFromAMergePointNamesTheCommandsThatWork() {
        String a = CliProject.generatedId(project.ok("revision", "-m", "base"));
        String b = CliProject.generatedId(project.ok("revision", "-m", "left", "--branch-label", "left"));
        String c = CliProject.generatedId(project.ok("revision", "-m", "right", "--head", a, "--splice",
                "--branch-label", "right"));
        String m = CliProject.generatedId(project.ok("merge", "-m", "merge", "heads"));
        project.compile();
        project.ok("upgrade", "head");

        String failed = project.failed("downgrade", "-1");
        List<String> parents = List.of(b, c).stream().sorted().toList();
        assertThat(failed).isEqualTo("FAILED: Target '-1' is ambiguous: revision " + m + " is a merge point with "
                + "down revisions " + parents.get(0) + ", " + parents.get(1) + ", so going down from it must name the "
                + "parent to go to. Run 'downgrade " + parents.get(0) + "' or 'downgrade " + parents.get(1)
                + "' (the other parent stays current).");
        // the command it names works
        assertThat(project.ok("downgrade", parents.get(0)).outLines()).hasSize(1).first().asString()
                .startsWith("Downgraded " + m + " -> " + String.join(", ", parents));
        assertThat(project.ok("current").outLines()).containsExactlyInAnyOrder(b + " (left)", c + " (right)");
    }

    @Test
    void downgradeToARevisionAboveTheDatabaseIsAnErrorNotANoOp() {
        String a = CliProject.generatedId(project.ok("revision", "-m", "first"));
        String b = CliProject.generatedId(project.ok("revision", "-m", "second"));
        project.compile();
        project.ok("upgrade", a);

        assertThat(project.failed("downgrade", b)).isEqualTo("FAILED: Revision " + b + " is not a valid downgrade "
                + "target from the current heads (" + a + "): it is not an ancestor of them; it is not applied. Use "
                + "'upgrade " + b + "' to move to it, or pick a revision that 'history --indicate-current' shows "
                + "below the current one.");
        assertThat(project.ok("current").outLines()).containsExactly(a);
    }

    @Test
    void anUnreachableDatabaseBlamesWhereTheUrlCameFromInOneSentenceEach() {
        project.ok("revision", "-m", "first");
        project.compile();
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=s3cret";

        String fromFlag = project.failed("upgrade", "head", "--url", url);
        assertThat(fromFlag).startsWith("FAILED: Cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=***: ")
                .endsWith(". Check that the database is running and that --url names it, with the right user and password.")
                .doesNotContain("..").doesNotContain("s3cret");

        project.setProperty("url", url);
        String fromFile = project.failed("upgrade", "head");
        assertThat(fromFile).endsWith(". Check that the database is running and that 'url' in "
                + dir.resolve("retort.properties") + " names it, with the right user and password.")
                .doesNotContain("..").doesNotContain("s3cret");
    }

    @Test
    void anOperationTheDatabaseCannotRunIsNamedAsTheRevisionWroteIt() {
        project.setProperty("url", "jdbc:sqlite:" + dir.resolve("app.db"));
        CliRun first = project.ok("revision", "-m", "customer");
        CliProject.fillIn(CliProject.generatedPath(first),
                "op.createTable(\"customer\", dev.retort.runtime.schema.Column.of(\"id\", "
                        + "dev.retort.runtime.schema.Type.INTEGER).primaryKey(), dev.retort.runtime.schema.Column.of("
                        + "\"email\", dev.retort.runtime.schema.Type.varchar(100)));",
                "op.dropTable(\"customer\");");
        CliRun second = project.ok("revision", "-m", "wider email");
        CliProject.fillIn(CliProject.generatedPath(second),
                "op.alterColumn(\"customer\", \"email\", c -> c.type(dev.retort.runtime.schema.Type.TEXT));",
                "op.alterColumn(\"customer\", \"email\", c -> c.type(dev.retort.runtime.schema.Type.varchar(100)));");
        project.compile();

        String failed = project.failed("upgrade", "head");
        assertThat(failed).contains("The sqlite dialect cannot run op.alterColumn(\"customer\", \"email\"): ")
                .contains("op.batchAlterTable(\"customer\"")
                .doesNotContain("AlterColumn[").doesNotContain("Optional");
    }

    @Test
    void aCommandsHelpListsItsOwnOptionsFirstThenOnlyTheGlobalOnesItReads() {
        List<String> upgrade = project.ok("upgrade", "--help").outLines();
        assertThat(upgrade.get(0)).isEqualTo("Usage: retort upgrade [OPTIONS] TARGET");
        int sql = indexOf(upgrade, "--sql");
        int globals = upgrade.indexOf("Global options:");
        assertThat(sql).isPositive().isLessThan(globals);
        assertThat(indexOf(upgrade, "--tag")).isLessThan(globals);
        assertThat(indexOf(upgrade, "--url")).isGreaterThan(globals);
        assertThat(indexOf(upgrade, "--password")).isGreaterThan(globals);
        assertThat(String.join("\n", upgrade)).doesNotContain("--shadow-url").doesNotContain("--metadata")
                .doesNotContain("--file-template");

        String heads = project.ok("heads", "--help").out();
        assertThat(heads).contains("--resolve-dependencies").contains("--package")
                .doesNotContain("--url").doesNotContain("--password").doesNotContain("--dialect");
        assertThat(heads.indexOf("--resolve-dependencies")).isLessThan(heads.indexOf("--package"));

        String check = project.ok("check", "--help").out();
        assertThat(check.indexOf("--shadow ")).isLessThan(check.indexOf("Global options"));
        assertThat(check).contains("--shadow-url").contains("--metadata");
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(project.ok("--version").outLines().get(0)).matches("retort \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void theDialectOptionNamesAllFourDialects() {
        String help = project.ok("upgrade", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--dialect=NAME The SQL dialect: h2, postgresql, mariadb (or mysql), sqlite");
    }

    private static int indexOf(List<String> lines, String option) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s+(-\\w, )?" + option + "\\b.*")) {
                return i;
            }
        }
        return -1;
    }
}
