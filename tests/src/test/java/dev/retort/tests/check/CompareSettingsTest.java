package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code check} and {@code revision --autogenerate} compare, set as Alembic's
 * {@code env.py} options: {@code compare_type}, {@code compare_server_default},
 * {@code include_tables} and {@code exclude_tables} in retort.properties, and the matching
 * flags, which override the file.
 */
class CompareSettingsTest {

    static final String APPLIED = """
                        .table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("name", Type.varchar(50)).notNull())
                                .column(Column.of("status", Type.varchar(20)).notNull().serverDefault("new")))""";

    /**
     * Four differences with {@link #APPLIED}: a wider type, another server default, a new
     * table, a named check.
     */
    static final String CHANGED = """
                        .table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey())
                                .column(Column.of("name", Type.varchar(100)).notNull())
                                .column(Column.of("status", Type.varchar(20)).notNull().serverDefault("active"))
                                .check(dev.retort.runtime.schema.CheckConstraint.of("id > 0").named("ck_account_id")))
                        .table("tmp_import", t -> t
                                .column(Column.of("id", Type.BIGINT).primaryKey()))""";

    @TempDir
    Path dir;

    CheckProject project;

    @BeforeEach
    void applyTheFirstModel() throws Exception {
        project = CheckProject.init(dir, "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE", "sa");
        project.model(APPLIED);
        project.compile();
        project.ok("revision", "--autogenerate", "-m", "initial");
        project.compile();
        project.ok("upgrade", "head");
        project.model(CHANGED);
        project.compile();
    }

    @Test
    void typesAreComparedAndServerDefaultsAreNotByDefault() {
        assertThat(listed(project.failed("check"))).containsExactlyInAnyOrder(
                "op.createTable(\"tmp_import\", Column.of(\"id\", Type.BIGINT).primaryKey());",
                "op.alterColumn(\"account\", \"name\", c -> c.type(Type.varchar(100)).existingType(Type.varchar(50))"
                        + ".existingNullable(false).existingNoServerDefault());");
    }

    @Test
    void flagsOverrideTheDefaults() {
        assertThat(listed(project.failed("check", "--no-compare-type")))
                .singleElement().asString().startsWith("op.createTable(\"tmp_import\"");
        assertThat(listed(project.failed("check", "--compare-server-default", "--no-compare-type",
                "--exclude-tables", "tmp_*")))
                .singleElement().asString().startsWith("op.alterColumn(\"account\", \"status\"")
                .contains("serverDefault(Expr.literal(\"active\"))");
        assertThat(listed(project.failed("check", "--include-tables", "tmp_import,other")))
                .singleElement().asString().startsWith("op.createTable(\"tmp_import\"");
        assertThat(project.ok("check", "--include-tables", "acc*", "--no-compare-type").out())
                .isEqualTo("No new upgrade operations detected.\n");
    }

    @Test
    void keysInTheFileSetTheComparisonAndFlagsOverrideThem() throws Exception {
        configure("compare_type=false\ncompare_server_default=true\nexclude_tables=tmp_*, audit\n");
        assertThat(listed(project.failed("check"))).singleElement().asString()
                .startsWith("op.alterColumn(\"account\", \"status\"").doesNotContain("varchar(100)");
        assertThat(project.ok("check", "--no-compare-server-default").out())
                .isEqualTo("No new upgrade operations detected.\n");
        assertThat(listed(project.failed("check", "--compare-type", "--exclude-tables", "none")))
                .hasSize(3);

        CheckProject.CliRunResult written = project.ok("revision", "--autogenerate", "-m", "status default");
        String source = Files.readString(CheckProject.generatedPath(written));
        assertThat(source).contains("op.alterColumn(\"account\", \"status\"").doesNotContain("tmp_import")
                .doesNotContain("varchar(100)");
        assertThat(written.err()).contains("Detected server default on column 'account.status'")
                .doesNotContain("tmp_import");
    }

    @Test
    void checkConstraintsAreComparedWhenTheFlagOrTheKeyAsks() throws Exception {
        String addCheck = "op.createCheckConstraint(\"ck_account_id\", \"account\", \"id > 0\");";
        assertThat(listed(project.failed("check", "--compare-check-constraints", "--no-compare-type",
                "--exclude-tables", "tmp_*"))).containsExactly(addCheck);
        configure("compare_check_constraints=true\ncompare_type=false\nexclude_tables=tmp_*\n");
        assertThat(listed(project.failed("check"))).containsExactly(addCheck);
        assertThat(project.ok("check", "--no-compare-check-constraints").out())
                .isEqualTo("No new upgrade operations detected.\n");
    }

    @Test
    void includeTablesInTheFile() throws Exception {
        configure("include_tables=tmp_*\n");
        assertThat(listed(project.failed("check"))).singleElement().asString().startsWith("op.createTable(\"tmp_import\"");
        assertThat(listed(project.failed("check", "--shadow"))).singleElement().asString()
                .startsWith("op.createTable(\"tmp_import\"");
    }

    @Test
    void badValuesAndMisplacedFlagsAreRefused() throws Exception {
        configure("compare_type=maybe\n");
        assertThat(project.failed("check")).isEqualTo("FAILED: Invalid value 'maybe' for key 'compare_type' in "
                + dir.resolve("retort.properties") + ". Write true or false.\n");
        configure("");
        assertThat(project.failed("revision", "-m", "manual", "--no-compare-type"))
                .contains("only apply with --autogenerate");
        assertThat(project.retort("check", "--compare-type=maybe").status()).as("a usage error").isEqualTo(2);
    }

    /** Replaces the comparison keys written by earlier calls with {@code keys}. */
    private void configure(String keys) throws Exception {
        Path properties = dir.resolve("retort.properties");
        String text = Files.readString(properties);
        int marker = text.indexOf("# comparison\n");
        String base = marker < 0 ? text : text.substring(0, marker);
        Files.writeString(properties, base + "# comparison\n" + keys);
    }

    /** The operations a failed check lists, one per line. */
    private static List<String> listed(String failed) {
        return failed.lines().skip(1).map(String::strip).filter(l -> l.startsWith("op.")).toList();
    }
}
