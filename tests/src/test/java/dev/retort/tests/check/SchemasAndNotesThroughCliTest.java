package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.cli.CheckResult;
import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code include_schemas} and the comparison's notes as a user of {@code retort check} and
 * {@code revision --autogenerate} meets them: a table of the model in a second schema is
 * compared only when the file or {@code --include-schemas} takes that schema in; a sequence
 * whose increment differs is reported as a note that never fails the check.
 */
class SchemasAndNotesThroughCliTest {

    static final String ACCOUNT = """
                        .table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("name", Type.varchar(100)).notNull()))""";

    @TempDir
    Path dir;

    @Test
    void aTableInASecondSchemaIsCheckedOnlyWithIncludeSchemasOnPostgres() throws Exception {
        try (TestDatabase database = TestDatabases.postgres(); TestDatabase second = TestDatabases.postgres()) {
            String other = second.schema();
            CheckProject project = CheckProject.init(dir, database.url(), "");
            project.model(ACCOUNT);
            project.compile();
            project.ok("revision", "--autogenerate", "-m", "initial");
            project.compile();
            project.ok("upgrade", "head");

            project.model(ACCOUNT + """

                            .table(dev.retort.runtime.schema.Table.builder("ledger").schema("%s")
                                    .column(Column.of("id", Type.BIGINT).primaryKey())
                                    .build())""".formatted(other));
            project.compile();
            assertThat(project.ok("check").out()).as("the current schema only, by default")
                    .isEqualTo("No new upgrade operations detected.\n");
            String createLedger = "op.inSchema(\"" + other + "\").createTable(\"ledger\",";
            assertThat(project.failed("check", "--include-schemas", other))
                    .startsWith("FAILED: New upgrade operations detected (1 operation").contains(createLedger);
            assertThat(project.ok("check", "--include-schemas", "no_such_schema_*").out())
                    .isEqualTo("No new upgrade operations detected.\n");

            configure("include_schemas=" + other.substring(0, other.length() - 3) + "*\n");
            assertThat(project.failed("check")).contains(createLedger);
            assertThat(project.ok("check", "--include-schemas", "").out()).as("the flag overrides the file")
                    .isEqualTo("No new upgrade operations detected.\n");

            CheckProject.CliRunResult written = project.ok("revision", "--autogenerate", "-m", "ledger");
            assertThat(Files.readString(CheckProject.generatedPath(written))).contains(createLedger);
            project.compile();
            project.ok("upgrade", "head");
            try (Connection connection = second.dataSource().getConnection();
                 ResultSet ledger = connection.getMetaData().getTables(null, other, "ledger", null)) {
                assertThat(ledger.next()).as("ledger created in " + other).isTrue();
            }
            assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
        }
    }

    @Test
    void aChangedSequenceIncrementIsANoteThatNeverFailsTheCheck() throws Exception {
        CheckProject project = CheckProject.init(dir, "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa");
        project.model(ACCOUNT + "\n.sequence(dev.retort.runtime.schema.Sequence.of(\"invoice_seq\").incrementBy(50))");
        project.compile();
        project.ok("revision", "--autogenerate", "-m", "initial");
        project.compile();
        project.ok("upgrade", "head");
        project.model(ACCOUNT + "\n.sequence(dev.retort.runtime.schema.Sequence.of(\"invoice_seq\").incrementBy(10))");
        project.compile();

        String note = "NOTE: Sequence invoice_seq: increment 50 in the database, 10 in the model;";
        String alter = "op.execute(\"ALTER SEQUENCE invoice_seq INCREMENT BY 10\")";
        for (String[] command : List.of(new String[] {"check"}, new String[] {"check", "--shadow"})) {
            CheckProject.CliRunResult run = project.ok(command);
            assertThat(run.out()).as(String.join(" ", command)).isEqualTo("No new upgrade operations detected.\n");
            assertThat(run.err()).as(String.join(" ", command)).contains(note).contains(alter);
        }
        CheckProject.CliRunResult written = project.ok("revision", "--autogenerate", "-m", "nothing to do");
        assertThat(written.err()).contains(note);
        assertThat(Files.readString(CheckProject.generatedPath(written))).doesNotContain("invoice_seq");

        project.compile();
        project.ok("upgrade", "head");

        // Through the API with no log, the notes are in the result.
        CheckResult result = Commands.check(Config.load(dir.resolve("retort.properties")), false);
        assertThat(result.isClean()).isTrue();
        assertThat(result.notes()).singleElement().asString().contains("increment 50 in the database, 10 in the model");
    }

    @Test
    void aModelMariaDbCannotHoldFailsWithOneLineNamingTheColumn() throws Exception {
        try (TestDatabase database = TestDatabases.mariadb()) {
            CheckProject project = CheckProject.init(dir, database.url(), "");
            project.model("""
                            .table("item", t -> t
                                    .column(Column.of("id", Type.BIGINT).notNull().autoIncrement())
                                    .column(Column.of("name", Type.varchar(100))))""");
            project.compile();
            String failure = project.failed("check");
            assertThat(failure).startsWith("FAILED: The model cannot be compared: Column item.id is auto-increment")
                    .contains("make it the first column of the primary key or of an index")
                    .doesNotContain("Unexpected").doesNotContain("\n\tat ");
        }
    }

    /** Replaces the comparison keys written by earlier calls with {@code keys}. */
    private void configure(String keys) throws Exception {
        Path properties = dir.resolve("retort.properties");
        String text = Files.readString(properties);
        int marker = text.indexOf("# comparison\n");
        String base = marker < 0 ? text : text.substring(0, marker);
        Files.writeString(properties, base + "# comparison\n" + keys);
    }
}
