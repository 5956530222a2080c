package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.runtime.schema.Metadata;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort revision --autogenerate} and {@code retort check} as a user runs them: a
 * model declared with {@code Metadata.builder()} in the project, revisions written from
 * it, compiled, applied, checked; a model change caught by {@code check} and written by
 * the next autogenerate; the downgrade restoring the previous schema; {@code check
 * --shadow} on a database that has nothing applied, which it never touches.
 */
class CheckCommandTest {

    static final String MODEL_V1 = """
                        .table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("name", Type.varchar(100)).notNull()))""";

    static final String MODEL_V2 = """
                        .table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("name", Type.varchar(100)).notNull())
                                .column(Column.of("email", Type.varchar(255)))
                                .index("ix_account_email", "email"))""";

    static final String MODEL_NEW_TABLE = MODEL_V1 + """

                        .table("audit_log", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("message", Type.varchar(500)).notNull()))""";

    @TempDir
    Path dir;

    @Test
    void autogenerateAndCheckOnH2() throws Exception {
        cycle(CheckProject.init(dir, "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE", "sa"));
    }

    @Test
    void autogenerateAndCheckOnPostgres() throws Exception {
        try (TestDatabase database = TestDatabases.postgres()) {
            cycle(CheckProject.init(dir, database.url(), ""));
        }
    }

    @Test
    void shadowCheckOnH2() throws Exception {
        shadow(CheckProject.init(dir, "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE", "sa"));
    }

    @Test
    void shadowCheckOnPostgres() throws Exception {
        try (TestDatabase database = TestDatabases.postgres()) {
            CheckProject project = CheckProject.init(dir, database.url(), "");
            List<String> before = shadowSchemas(project);
            shadow(project);
            assertThat(shadowSchemas(project)).as("the scratch schemas are dropped").isEqualTo(before);
        }
    }

    @Test
    void autogenerateAndCheckOnMariadb() throws Exception {
        try (TestDatabase database = TestDatabases.mariadb()) {
            cycle(CheckProject.init(dir, database.url(), ""));
        }
    }

    @Test
    void shadowCheckOnMariadb() throws Exception {
        try (TestDatabase database = TestDatabases.mariadb()) {
            CheckProject project = CheckProject.init(dir, database.url(), "");
            List<String> before = shadowDatabases(project);
            shadow(project);
            assertThat(shadowDatabases(project)).as("the scratch databases are dropped").isEqualTo(before);
        }
    }

    /**
     * SQLite without ALTER: every revision only creates or drops tables, so no batch
     * alteration is involved; a new table in the model is caught, written, applied, and
     * its downgrade restores the previous schema.
     */
    @Test
    void autogenerateAndCheckNewTablesOnSqlite() throws Exception {
        try (TestDatabase database = TestDatabases.sqlite()) {
            CheckProject project = CheckProject.init(dir, database.url(), "");
            project.model(MODEL_V1);
            project.compile();
            CheckProject.CliRunResult initial = project.ok("revision", "--autogenerate", "-m", "initial");
            assertThat(initial.err()).contains("INFO  [retort.autogenerate] Detected added table 'account'");
            project.compile();
            project.ok("upgrade", "head");
            assertThat(project.tables()).contains("account");
            assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
            Metadata v1 = project.schema();

            project.model(MODEL_NEW_TABLE);
            project.compile();
            String drift = project.failed("check");
            assertThat(drift).startsWith("FAILED: New upgrade operations detected (1 operation");
            assertThat(drift).contains("op.createTable(\"audit_log\"");

            CheckProject.CliRunResult second = project.ok("revision", "--autogenerate", "-m", "audit log");
            assertThat(second.err()).contains("INFO  [retort.autogenerate] Detected added table 'audit_log'");
            assertThat(Files.readString(CheckProject.generatedPath(second))).contains("op.dropTable(\"audit_log\");");
            project.compile();
            project.ok("upgrade", "head");
            assertThat(project.tables()).contains("account", "audit_log");
            assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");

            project.ok("downgrade", "-1");
            Metadata restored = project.schema();
            assertThat(Comparison.compare(v1, restored, CompareOptions.defaults()).changes()).isEmpty();
            assertThat(restored).isEqualTo(v1);
        }
    }

    static final String MODEL_ALTER_V1 = """
                        .table("team", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("title", Type.varchar(50)).notNull()))
                        .table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("name", Type.varchar(50)).notNull())
                                .column(Column.of("team_id", Type.BIGINT)))""";

    static final String MODEL_ALTER_V2 = """
                        .table("team", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("title", Type.varchar(50)).notNull()))
                        .table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("name", Type.varchar(100)).notNull())
                                .column(Column.of("team_id", Type.BIGINT))
                                .column(Column.of("status", Type.varchar(20)).notNull().serverDefault("active"))
                                .unique(dev.retort.runtime.schema.UniqueConstraint.of("name").named("uq_account_name"))
                                .foreignKey(dev.retort.runtime.schema.ForeignKey.of(java.util.List.of("team_id"), "team",
                                        java.util.List.of("id")).named("fk_account_team")))""";

    /**
     * SQLite with alterations it cannot do in place: a NOT NULL column with a default, a
     * widened type, a named unique constraint and a named foreign key on an existing table
     * are caught by {@code check}, written by autogenerate as one batch alteration of the
     * table, applied, and undone by the downgrade.
     */
    @Test
    void autogenerateAndCheckAlterationsOnSqlite() throws Exception {
        try (TestDatabase database = TestDatabases.sqlite()) {
            CheckProject project = CheckProject.init(dir, database.url(), "");
            project.model(MODEL_ALTER_V1);
            project.compile();
            CheckProject.CliRunResult initial = project.ok("revision", "--autogenerate", "-m", "initial");
            assertThat(initial.err()).contains("INFO  [retort.autogenerate] Detected added table 'account'")
                    .contains("INFO  [retort.autogenerate] Detected added table 'team'");
            project.compile();
            project.ok("upgrade", "head");
            assertThat(project.tables()).contains("account", "team");
            assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
            Metadata v1 = project.schema();
            try (Connection connection = project.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO team (id, title) VALUES (1, 'core')");
                statement.executeUpdate("INSERT INTO account (id, name, team_id) VALUES (10, 'ann', 1)");
            }

            project.model(MODEL_ALTER_V2);
            project.compile();
            String drift = project.failed("check");
            assertThat(drift).startsWith("FAILED: New upgrade operations detected (1 operation between the model and "
                    + "the database)");
            List<String> listed = drift.lines().skip(1).map(String::strip).toList();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0)).startsWith("op.batchAlterTable(\"account\", batch -> batch")
                    .contains(".alterColumn(\"name\", c -> c.type(Type.varchar(100)).existingType(Type.varchar(50))")
                    .contains(".addColumn(Column.of(\"status\", Type.varchar(20)).notNull()"
                            + ".serverDefault(Expr.literal(\"active\")))")
                    .contains(".createUniqueConstraint(\"uq_account_name\", \"name\")")
                    .contains(".createForeignKey(\"fk_account_team\", \"team\", List.of(\"team_id\"), List.of(\"id\"))")
                    .doesNotContain("team\", batch");

            CheckProject.CliRunResult second = project.ok("revision", "--autogenerate", "-m", "alter account");
            String secondSource = Files.readString(CheckProject.generatedPath(second));
            assertThat(secondSource).contains("op.batchAlterTable(\"account\", batch -> batch")
                    .contains(".dropConstraint(\"fk_account_team\", ConstraintType.FOREIGN_KEY)")
                    .contains(".dropConstraint(\"uq_account_name\", ConstraintType.UNIQUE)")
                    .contains(".dropColumn(\"status\")");
            assertThat(secondSource.split("batchAlterTable", -1)).as("one batch in upgrade, one in downgrade").hasSize(3);
            project.compile();
            project.ok("upgrade", "head");
            assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
            assertThat(project.schema().table("account").orElseThrow().foreignKeys())
                    .extracting(fk -> fk.name().orElse(null)).containsExactly("fk_account_team");
            assertThat(accountRows(project)).as("the batch copies the rows, the default fills the new column")
                    .containsExactly("10|ann|1|active");

            project.ok("downgrade", "-1");
            Metadata restored = project.schema();
            assertThat(Comparison.compare(v1, restored, CompareOptions.defaults()).changes()).isEmpty();
            assertThat(restored).isEqualTo(v1);
            assertThat(accountRows(project)).containsExactly("10|ann|1");
        }
    }

    private static List<String> accountRows(CheckProject project) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection connection = project.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM account ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            int count = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    values.add(rows.getString(i));
                }
                out.add(String.join("|", values));
            }
        }
        return out;
    }

    @Test
    void shadowCheckOnSqlite() throws Exception {
        try (TestDatabase database = TestDatabases.sqlite()) {
            shadow(CheckProject.init(dir, database.url(), ""));
        }
    }

    private void cycle(CheckProject project) throws Exception {
        project.model(MODEL_V1);
        project.compile();

        CheckProject.CliRunResult initial = project.ok("revision", "--autogenerate", "-m", "initial");
        assertThat(initial.err()).contains("INFO  [retort.autogenerate] Detected added table 'account'");
        Path first = CheckProject.generatedPath(initial);
        String firstSource = Files.readString(first);
        assertThat(firstSource).contains("op.createTable(\"account\"").contains("op.dropTable(\"account\");")
                .contains("message = \"initial\"").contains("Create Date:");
        project.compile();
        project.ok("upgrade", "head");
        assertThat(project.tables()).contains("account");

        CheckProject.CliRunResult clean = project.ok("check");
        assertThat(clean.out()).isEqualTo("No new upgrade operations detected.\n");
        Metadata v1 = project.schema();

        project.model(MODEL_V2);
        project.compile();
        String drift = project.failed("check");
        assertThat(drift).startsWith("FAILED: New upgrade operations detected (2 operations");
        List<String> listed = drift.lines().skip(1).map(String::strip).toList();
        assertThat(listed).hasSize(2);
        assertThat(listed).anySatisfy(l -> assertThat(l).startsWith("op.addColumn(\"account\", Column.of(\"email\""));
        assertThat(listed).anySatisfy(l -> assertThat(l).isEqualTo(
                "op.createIndex(\"ix_account_email\", \"account\", \"email\");"));

        CheckProject.CliRunResult second = project.ok("revision", "--autogenerate", "-m", "add email");
        assertThat(second.err()).contains("INFO  [retort.autogenerate] Detected added column 'account.email'")
                .contains("INFO  [retort.autogenerate] Detected added index 'ix_account_email' on 'account(email)'");
        String secondSource = Files.readString(CheckProject.generatedPath(second));
        assertThat(secondSource).contains("op.dropIndex(\"ix_account_email\"").contains("op.dropColumn(\"account\", \"email\")");
        project.compile();
        project.ok("upgrade", "head");
        assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");

        project.ok("downgrade", "-1");
        Metadata restored = project.schema();
        assertThat(Comparison.compare(v1, restored, CompareOptions.defaults()).changes()).isEmpty();
        assertThat(restored).isEqualTo(v1);

        String refused = project.failed("check");
        assertThat(refused).contains("Target database is not up to date").contains("retort upgrade head");
        assertThat(project.failed("revision", "--autogenerate", "-m", "too early"))
                .contains("Target database is not up to date");

        // Nothing detected: the revision is written anyway, with empty bodies, as Alembic does.
        project.ok("upgrade", "head");
        CheckProject.CliRunResult empty = project.ok("revision", "--autogenerate", "-m", "nothing");
        assertThat(empty.err()).contains("No changes in schema detected");
        project.compile();
        project.ok("upgrade", "head");
        assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
    }

    private void shadow(CheckProject project) throws Exception {
        project.model(MODEL_V1);
        project.compile();
        project.ok("revision", "--autogenerate", "-m", "initial");
        project.compile();
        assertThat(project.tables()).as("autogenerate only reads the database").isEmpty();

        CheckProject.CliRunResult clean = project.ok("check", "--shadow");
        assertThat(clean.out()).isEqualTo("No new upgrade operations detected.\n");
        assertThat(project.tables()).as("check --shadow never touches the configured database").isEmpty();

        project.model(MODEL_V2);
        project.compile();
        String drift = project.failed("check", "--shadow");
        assertThat(drift).startsWith("FAILED: New upgrade operations detected (2 operations between the model and "
                + "the revisions)");
        assertThat(drift).contains("op.addColumn(\"account\"").contains("op.createIndex(\"ix_account_email\"");
        assertThat(project.tables()).isEmpty();

        assertThat(project.failed("check")).as("the configured database has nothing applied")
                .contains("Target database is not up to date");
    }

    private static List<String> shadowDatabases(CheckProject project) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection connection = project.connect();
             PreparedStatement statement = connection.prepareStatement("SHOW DATABASES LIKE 'retort_shadow%'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    private static List<String> shadowSchemas(CheckProject project) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection connection = project.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'retort_shadow_%'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }
}
