package dev.retort.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.cli.RevisionOptions;
import dev.retort.cli.RevisionScript;
import dev.retort.runtime.MigrationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure prints one {@code FAILED: …} line that says what to do, exits with 1, and shows no stack trace unless --verbose. */
class CliErrorsTest {

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
    void unknownRevisionSuggestsCloseMatches() {
        String a = CliProject.generatedId(project.ok("revision", "-m", "first", "--rev-id", "ae1027a6acf0"));
        String typo = "ae1027a6acf1";
        assertThat(project.failed("show", typo))
                .isEqualTo("FAILED: " + new dev.retort.graph.UnknownRevisionException(typo, List.of(a)).getMessage());
        assertThat(project.failed("show", typo)).contains("did you mean " + a);
    }

    @Test
    void ambiguousPrefixListsCandidates() {
        project.ok("revision", "-m", "first", "--rev-id", "abc123000001");
        project.ok("revision", "-m", "second", "--rev-id", "abc123000002");
        assertThat(project.failed("show", "abc1")).contains("abc1").contains("abc123000001, abc123000002")
                .contains("more characters");
    }

    @Test
    void severalHeadsSuggestHeadOrMerge() {
        String a = CliProject.generatedId(project.ok("revision", "-m", "first"));
        project.ok("revision", "-m", "second");
        project.ok("revision", "-m", "side", "--head", a, "--splice", "--branch-label", "side");
        assertThat(project.failed("revision", "-m", "third")).contains("several heads").contains("--head")
                .contains("retort merge");
    }

    @Test
    void branchingFromANonHeadNeedsSplice() {
        String a = CliProject.generatedId(project.ok("revision", "-m", "first"));
        project.ok("revision", "-m", "second");
        assertThat(project.failed("revision", "-m", "side", "--head", a))
                .contains("Revision " + a + " is not a head revision").contains("--splice");
        assertThat(project.failed("revision", "-m", "side", "--head", a, "--splice"))
                .contains("several heads").contains("--branch-label");
    }

    @Test
    void noCompiledRegistrySaysHowToBuildIt() {
        project.ok("revision", "-m", "first");
        assertThat(project.failed("upgrade", "head")).contains("No compiled registry for package " + CliProject.PACKAGE)
                .contains("./mvnw compile");
        assertThat(project.failed("current")).contains("./mvnw compile");
    }

    @Test
    void registryOlderThanSourcesAsksToRecompile() {
        project.ok("revision", "-m", "first");
        project.compile();
        String b = CliProject.generatedId(project.ok("revision", "-m", "second"));
        assertThat(project.failed("upgrade", "head")).contains("out of date").contains("not compiled yet: " + b)
                .contains("./mvnw compile");
    }

    @Test
    void unreachableDatabaseNamesTheUrl() {
        project.ok("revision", "-m", "first");
        project.compile();
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        assertThat(project.failed("upgrade", "head", "--url", url))
                .startsWith("FAILED: Cannot connect to " + url).contains("database is running");
    }

    @Test
    void missingDriverSaysWhereToPutIt() {
        project.ok("revision", "-m", "first");
        project.compile();
        assertThat(project.failed("current", "--url", "jdbc:nosuchdb://localhost/x"))
                .contains("No JDBC driver for jdbc:nosuchdb://localhost/x").contains("classpath");
    }

    @Test
    void noConfigurationSaysToRunInit() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliProject elsewhere = new CliProject(empty);
        assertThat(elsewhere.failed("history")).contains("No retort.properties in " + empty).contains("retort init");
        assertThat(elsewhere.failed("-c", "missing.properties", "history")).contains("retort init")
                .contains("missing.properties");
    }

    @Test
    void initRefusesToOverwrite() {
        assertThat(project.failed("init", "--package", CliProject.PACKAGE)).contains("already exists")
                .contains("already set up");
    }

    @Test
    void offlineDowngradeNeedsAStartAsAlembic() {
        project.ok("revision", "-m", "first");
        project.compile();
        assertThat(project.failed("downgrade", "base", "--sql")).contains("--sql").contains("<start>:<target>")
                .contains("'head:base'");
        assertThat(project.failed("downgrade", "-1", "--sql")).contains("'head:-1'");
    }

    @Test
    void rangesAreForOfflineSqlOnly() {
        String a = CliProject.generatedId(project.ok("revision", "-m", "first"));
        project.compile();
        assertThat(project.failed("upgrade", a + ":head")).contains("offline SQL only").contains("--sql");
        assertThat(project.failed("downgrade", "head:base")).contains("offline SQL only").contains("--sql");
        assertThat(project.failed("stamp", "base:head")).contains("offline SQL only");
    }

    @Test
    void offlineSqlNeedsADialectItCanName() {
        project.ok("revision", "-m", "first");
        project.compile();
        assertThat(project.failed("upgrade", "head", "--sql", "--url", "jdbc:oracle:thin:@//db:1521/app"))
                .contains("Cannot tell the SQL dialect from the url 'jdbc:oracle:thin:@//db:1521/app'")
                .contains("'dialect='").contains("--dialect").contains("h2, postgresql");
        // Every URL prefix Retort knows names a dialect: the script is written without connecting.
        assertThat(project.ok("upgrade", "head", "--sql", "--url", "jdbc:mariadb://127.0.0.1:1/app").out())
                .contains("CREATE TABLE IF NOT EXISTS retort_version").contains("first");
        assertThat(project.ok("upgrade", "head", "--sql", "--url", "jdbc:sqlite:app.db").out())
                .contains("retort_version").contains("BEGIN;");
        assertThat(project.failed("upgrade", "head", "--sql", "--dialect", "oracle"))
                .contains("Unknown dialect 'oracle'").contains("h2, postgresql");
        project.setProperty("url", "");
        assertThat(project.failed("upgrade", "head", "--sql")).contains("neither is set").contains("--dialect");
    }

    @Test
    void offlineSqlWithoutACompiledRegistrySaysHowToBuildIt() {
        project.ok("revision", "-m", "first");
        assertThat(project.failed("upgrade", "head", "--sql")).contains("No compiled registry").contains("./mvnw compile");
    }

    @Test
    void offlineSqlTouchesNoDatabase() throws Exception {
        String a = CliProject.generatedId(project.ok("revision", "-m", "first"));
        CliProject.fillIn(project.packageFolder().resolve(project.packageFolder().toFile().list()[0]),
                "op.execute(\"CREATE TABLE thing (id INT)\");", "op.execute(\"DROP TABLE thing\");");
        project.compile();
        // A server that does not exist: --sql must not even try it.
        String nowhere = "jdbc:postgresql://127.0.0.1:1/nowhere";
        CliRun up = project.ok("upgrade", "head", "--sql", "--url", nowhere);
        assertThat(up.out()).startsWith("BEGIN;\n\nCREATE TABLE IF NOT EXISTS retort_version")
                .contains("-- Running upgrade  -> " + a + ", first\n\nCREATE TABLE thing (id INT);\n\n"
                        + "INSERT INTO retort_version (version_num) VALUES ('" + a + "');\n\nCOMMIT;\n");
        CliRun down = project.ok("downgrade", "head:base", "--sql", "--url", nowhere);
        assertThat(down.out()).isEqualTo("BEGIN;\n\n-- Running downgrade " + a + " -> , first\n\n"
                + "DROP TABLE thing;\n\nDELETE FROM retort_version WHERE version_num='" + a + "';\n\nCOMMIT;\n\n");
        // The explicit dialect wins over the url's: H2 has no transactional DDL, so no BEGIN.
        CliRun stamp = project.ok("stamp", "head", "--sql", "--url", nowhere, "--dialect", "h2");
        assertThat(stamp.out()).contains("INSERT INTO retort_version (version_num) VALUES ('" + a + "');")
                .doesNotContain("BEGIN");
        assertThat(dir.resolve("db/app.mv.db")).as("the configured H2 file database was never opened").doesNotExist();
    }

    @Test
    void aMigrationThatNeedsTheDatabaseCannotBeWrittenOffline() {
        String a = CliProject.generatedId(project.ok("revision", "-m", "first"));
        CliProject.fillIn(project.packageFolder().resolve(project.packageFolder().toFile().list()[0]),
                "op.connection();", "");
        project.compile();
        CliRun run = project.retort("upgrade", "head", "--sql");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("FAILED: ").contains(a);
        assertThat(run.out()).as("no half script on stdout").isEmpty();
    }

    @Test
    void invalidFileTemplateIsRefused() {
        assertThat(project.failed("revision", "-m", "first", "--rev-id", "1234abcd0000", "--file-template", "${id}_${slug}"))
                .contains("not a valid Java class name").contains("file_template");
        assertThat(Files.exists(project.packageFolder())).isTrue();
        assertThat(project.packageFolder().toFile().list()).isEmpty();
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun run = project.retort("show", "nothere", "--verbose");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("FAILED: No such revision or branch 'nothere'").contains("\tat dev.retort.");
    }

    @Test
    void everyCommandHasHelp() {
        String help = project.ok("--help").out();
        List<String> listed = help.substring(help.indexOf("Commands:")).lines().skip(1)
                .filter(l -> l.startsWith("  ") && !l.isBlank() && !l.startsWith("   "))
                .map(l -> l.strip().split("\\s+")[0])
                .toList();
        assertThat(listed).contains("init", "list-templates", "revision", "merge", "upgrade",
                "downgrade", "stamp", "current", "heads", "branches", "history", "show", "edit");
        for (String name : listed) {
            if (name.equals("help")) {
                continue;
            }
            CliRun run = project.retort(name, "--help");
            assertThat(run.status()).as(name).isZero();
            assertThat(run.out()).as(name).startsWith("Usage: retort " + name);
        }
        assertThat(project.retort("--help").out()).startsWith("Usage: retort");
        assertThat(project.retort("upgrade").status()).as("missing TARGET is a usage error").isEqualTo(2);
    }

    @Test
    void listTemplatesShowsGenericAndDataMigration() throws Exception {
        List<String> lines = project.ok("list-templates").outLines();
        assertThat(lines).anyMatch(l -> l.startsWith("generic - ")).anyMatch(l -> l.startsWith("data-migration - "));

        CliProject other = new CliProject(Files.createDirectory(dir.resolve("other")));
        other.ok("init", "--package", CliProject.PACKAGE, "--template", "data-migration");
        other.setProperty("url", "jdbc:h2:mem:unused");
        Path file = CliProject.generatedPath(other.ok("revision", "-m", "backfill names"));
        assertThat(Files.readString(file)).contains("op.connection().prepareStatement").contains("retort.x.");
        assertThat(new CliProject(dir).failed("init", "--template", "fancy", "elsewhere"))
                .contains("No template 'fancy'").contains("generic, data-migration");
    }

    @Test
    void editRunsTheConfiguredEditorOnTheFile() throws Exception {
        Path file = CliProject.generatedPath(project.ok("revision", "-m", "first"));
        Path editor = dir.resolve("fake-editor.sh");
        Files.writeString(editor, "#!/bin/sh\necho \"// edited\" >> \"$1\"\n");
        editor.toFile().setExecutable(true);
        Files.writeString(dir.resolve("retort.properties"), "editor=" + editor + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        project.ok("edit", "head");
        assertThat(Files.readString(file)).endsWith("// edited\n");
    }

    @Test
    void theSameCommandsFromJava() throws Exception {
        Config config = Config.builder(dir.resolve("api"))
                .url("jdbc:h2:file:" + dir.resolve("api/db"))
                .user("sa")
                .packageName("com.acme.api")
                .build();
        RevisionScript first = Commands.revision(config, "create thing");
        RevisionScript second = Commands.revision(config, RevisionOptions.message("second thing").withRevisionId("0000beef0001"));
        assertThat(second.downRevisions()).containsExactly(first.id());
        assertThat(first.path()).startsWith(dir.resolve("api/src/main/java/com/acme/api"));
        assertThat(Commands.heads(config, false)).extracting(RevisionScript::id).containsExactly("0000beef0001");
        assertThat(Commands.history(config, null)).extracting(RevisionScript::id).containsExactly(second.id(), first.id());

        new CliProject(dir.resolve("api"), "com.acme.api").compile();
        MigrationResult result = Commands.upgrade(config, "head");
        assertThat(result.steps()).hasSize(2);
        assertThat(Commands.current(config)).containsExactly("0000beef0001");
        assertThat(Commands.downgrade(config, "base").headsAfter()).isEmpty();

        StringBuilder script = new StringBuilder();
        MigrationResult offline = Commands.upgradeSql(config, first.id() + ":head", script);
        assertThat(offline.headsBefore()).containsExactly(first.id());
        assertThat(offline.headsAfter()).containsExactly("0000beef0001");
        assertThat(script.toString()).startsWith("-- Running upgrade " + first.id() + " -> 0000beef0001, second thing")
                .contains("UPDATE retort_version SET version_num='0000beef0001'");
        assertThat(Commands.current(config)).as("upgradeSql touched the database").isEmpty();
    }
}
