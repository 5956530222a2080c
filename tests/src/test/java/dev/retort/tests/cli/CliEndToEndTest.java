package dev.retort.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.SchemaSnapshot;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's session, as the Alembic tutorial goes, through the real {@code retort}
 * command line in process: init, three revisions (one on a labelled branch), a merge and
 * one revision after it, compile with the processor, then upgrade, history, current,
 * heads, downgrade -1, upgrade +1, downgrade base, stamp and finally upgrade head --sql,
 * checking the output and the database after each step. The offline script is compared
 * as text and then run on a fresh database, which must end up as the online upgrade left
 * the first one. (The revision after the merge is there because {@code -1}
 * from a merge point is ambiguous, as in Alembic: the test checks that error too.)
 */
class CliEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void tutorialOnH2FileDatabase() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE";
        tutorial(url, "sa", "PUBLIC");
    }

    @Test
    void tutorialOnPostgres() throws Exception {
        try (TestDatabase database = TestDatabases.postgres()) {
            tutorial(database.url(), "", database.schema());
        }
    }

    private void tutorial(String url, String user, String schema) throws Exception {
        CliProject project = new CliProject(dir.resolve("app"));
        CliRun init = new CliProject(dir).ok("init", "--package", CliProject.PACKAGE, "app");
        assertThat(init.out()).contains("Creating " + project.dir.resolve("retort.properties") + " ... done");
        project.setProperty("url", url);
        project.setProperty("user", user);

        // Three revisions and a merge, from the sources alone.
        CliRun first = project.ok("revision", "-m", "create account table");
        String a = CliProject.generatedId(first);
        assertThat(a).matches("[0-9a-f]{12}");
        CliProject.fillIn(CliProject.generatedPath(first),
                "op.execute(\"CREATE TABLE account (id INT PRIMARY KEY, name VARCHAR(50))\");\n"
                        + "        op.execute(\"INSERT INTO account VALUES (1, '\" + System.getProperty(\"retort.x.owner\") + \"')\");",
                "op.execute(\"DROP TABLE account\");");

        CliRun second = project.ok("revision", "-m", "add email");
        String b = CliProject.generatedId(second);
        CliProject.fillIn(CliProject.generatedPath(second),
                "op.execute(\"ALTER TABLE account ADD COLUMN email VARCHAR(100)\");",
                "op.execute(\"ALTER TABLE account DROP COLUMN email\");");

        CliRun third = project.ok("revision", "-m", "create audit log", "--head", a, "--splice",
                "--branch-label", "audit");
        String c = CliProject.generatedId(third);
        CliProject.fillIn(CliProject.generatedPath(third),
                "op.execute(\"CREATE TABLE audit_log (id INT PRIMARY KEY)\");",
                "op.execute(\"DROP TABLE audit_log\");");

        assertThat(project.ok("heads").outLines()).containsExactlyInAnyOrder(b + " (head)", c + " (audit) (head)");
        assertThat(project.failed("revision", "-m", "one more"))
                .contains("several heads").contains(b).contains(c).contains("retort merge");

        CliRun merge = project.ok("merge", "-m", "merge audit", "heads");
        String m = CliProject.generatedId(merge);
        assertThat(project.ok("heads").outLines()).containsExactly(m + " (head)");

        CliRun fourth = project.ok("revision", "-m", "index account names");
        String d = CliProject.generatedId(fourth);
        CliProject.fillIn(CliProject.generatedPath(fourth),
                "op.execute(\"CREATE INDEX ix_account_name ON account (name)\");",
                "op.execute(\"DROP INDEX ix_account_name\");");

        List<String> history = project.ok("history").outLines();
        assertThat(history).hasSize(5);
        assertThat(history.get(0)).isEqualTo(m + " -> " + d + " (head), index account names");
        assertThat(history.get(1)).isEqualTo(String.join(", ", sorted(b, c)) + " -> " + m + " (mergepoint), merge audit");
        assertThat(history.subList(2, 4)).containsExactlyInAnyOrder(
                a + " -> " + b + ", add email",
                a + " -> " + c + " (audit), create audit log");
        assertThat(history.get(4)).isEqualTo("<base> -> " + a + " (branchpoint), create account table");
        assertThat(project.ok("history", "-r", b + ":" + m).outLines()).containsExactly(
                String.join(", ", sorted(b, c)) + " -> " + m + " (mergepoint), merge audit",
                a + " -> " + b + ", add email");
        assertThat(project.ok("branches").outLines()).first().isEqualTo(a + " (branchpoint)");

        // Before compiling, the database commands say how to get a registry.
        assertThat(project.failed("upgrade", "head")).contains("No compiled registry for package " + CliProject.PACKAGE)
                .contains("./mvnw compile");

        project.compile();

        CliRun upgrade = project.ok("upgrade", m, "-x", "owner=alice");
        List<String> steps = upgrade.outLines();
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0)).matches("Upgraded <base> -> " + a + ", create account table \\(\\d+ ms\\)");
        assertThat(steps.get(3)).matches("Upgraded " + String.join(", ", sorted(b, c)) + " -> " + m
                + ", merge audit \\(\\d+ ms\\)");
        assertThat(steps.subList(1, 3)).anyMatch(l -> l.startsWith("Upgraded " + a + " -> " + b + ", add email ("))
                .anyMatch(l -> l.startsWith("Upgraded " + a + " -> " + c + ", create audit log ("));
        assertThat(upgrade.err()).contains("INFO  [retort] Running upgrade  -> " + a + ", create account table");
        assertThat(versionRows(url, user, schema)).containsExactly(m);
        assertThat(tables(url, user, schema)).contains("account", "audit_log");
        assertThat(columns(url, user, schema, "account")).contains("email");
        assertThat(query(url, user, "SELECT name FROM account WHERE id = 1")).isEqualTo("alice");
        assertThat(System.getProperty("retort.x.owner")).as("-x values are restored after the command").isNull();

        assertThat(project.ok("current").outLines()).containsExactly(m + " (mergepoint)");
        assertThat(project.failed("downgrade", "-1")).contains("ambiguous").contains(b).contains(c);

        CliRun toHead = project.ok("upgrade", "head");
        assertThat(toHead.outLines()).hasSize(1).first().asString()
                .matches("Upgraded " + m + " -> " + d + ", index account names \\(\\d+ ms\\)");
        assertThat(project.ok("current").outLines()).containsExactly(d + " (head)");
        assertThat(project.ok("heads").outLines()).containsExactly(d + " (head)");
        assertThat(project.ok("history", "--indicate-current").outLines().get(0))
                .isEqualTo(m + " -> " + d + " (head) (current), index account names");
        assertThat(project.ok("upgrade", "head").outLines()).containsExactly("Nothing to upgrade: the database is at " + d + ".");
        SchemaSnapshot online;
        try (Connection connection = connect(url, user)) {
            online = SchemaSnapshot.read(connection, schema, "retort_version").withoutTable("retort_version_lock")
                    .withoutTable("retort_version_journal");
        }
        // The order the online upgrade ran the two branches in; the script must follow it.
        List<String> branchOrder = steps.subList(1, 3).stream()
                .map(l -> l.startsWith("Upgraded " + a + " -> " + b + ",") ? b : c).toList();

        CliRun down = project.ok("downgrade", "-1");
        assertThat(down.outLines()).hasSize(1).first().asString()
                .matches("Downgraded " + d + " -> " + m + ", index account names \\(\\d+ ms\\)");
        assertThat(versionRows(url, user, schema)).containsExactly(m);

        CliRun up = project.ok("upgrade", "+1");
        assertThat(up.outLines()).hasSize(1).first().asString().startsWith("Upgraded " + m + " -> " + d
                + ", index account names (");
        assertThat(versionRows(url, user, schema)).containsExactly(d);

        CliRun base = project.ok("downgrade", "base");
        assertThat(base.outLines()).hasSize(5);
        assertThat(base.outLines().get(1)).startsWith("Downgraded " + m + " -> " + String.join(", ", sorted(b, c)));
        assertThat(base.outLines().get(4)).startsWith("Downgraded " + a + " -> <base>, create account table (");
        assertThat(versionRows(url, user, schema)).isEmpty();
        assertThat(tables(url, user, schema)).doesNotContain("account", "audit_log");
        assertThat(project.ok("current").out()).isEmpty();

        CliRun stamp = project.ok("stamp", "head");
        assertThat(stamp.outLines()).containsExactly("Stamped <base> -> " + d);
        assertThat(versionRows(url, user, schema)).containsExactly(d);
        assertThat(tables(url, user, schema)).doesNotContain("account");

        // Offline: the script of the whole upgrade, from base, touching no database.
        CliRun sql = project.ok("upgrade", "head", "--sql", "-x", "owner=alice");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        assertThat(sql.out()).isEqualTo(expectedScript(postgres, a, b, c, m, d, branchOrder));
        assertThat(sql.err()).contains("INFO  [retort] Generating static SQL")
                .contains("INFO  [retort] Context impl " + (postgres ? "PostgresDialect" : "H2Dialect"));
        assertThat(versionRows(url, user, schema)).as("--sql touched the database").containsExactly(d);
        assertThat(tables(url, user, schema)).doesNotContain("account");

        // Run by the database on a fresh database, the script gives what the online upgrade gave.
        try (TestDatabase fresh = postgres ? TestDatabases.postgres() : TestDatabases.h2()) {
            runScript(fresh, sql.out());
            try (Connection connection = fresh.dataSource().getConnection()) {
                assertThat(SchemaSnapshot.read(connection, fresh.schema(), "retort_version")).isEqualTo(online);
            }
            assertThat(online.versions()).contains(List.of(d));
            try (Connection connection = fresh.dataSource().getConnection()) {
                assertThat(query(connection, "SELECT name FROM account WHERE id = 1")).isEqualTo("alice");
            }
        }
    }

    /**
     * The script of {@code upgrade head --sql}: the version table first, then per migration
     * its log line as a comment, its statements and its version-table change, each
     * statement ending with {@code ;}; on PostgreSQL each migration is one transaction.
     * {@code branchOrder} is the order the online upgrade ran {@code b} and {@code c} in.
     */
    private static String expectedScript(boolean postgres, String a, String b, String c, String m, String d,
                                         List<String> branchOrder) {
        String first = branchOrder.get(0);
        String second = branchOrder.get(1);
        List<String> migrations = new ArrayList<>();
        migrations.add("CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL, "
                + "CONSTRAINT retort_version_pkc PRIMARY KEY (version_num));\n\n"
                + "-- Running upgrade  -> " + a + ", create account table\n\n"
                + "CREATE TABLE account (id INT PRIMARY KEY, name VARCHAR(50));\n\n"
                + "INSERT INTO account VALUES (1, 'alice');\n\n"
                + "INSERT INTO retort_version (version_num) VALUES ('" + a + "');\n\n");
        for (String id : List.of(first, second)) {
            boolean email = id.equals(b);
            String line = "-- Running upgrade " + a + " -> " + id + (email ? ", add email" : ", create audit log") + "\n\n"
                    + (email ? "ALTER TABLE account ADD COLUMN email VARCHAR(100);\n\n"
                            : "CREATE TABLE audit_log (id INT PRIMARY KEY);\n\n");
            line += id.equals(first)
                    ? "UPDATE retort_version SET version_num='" + id + "' WHERE version_num='" + a + "';\n\n"
                    : "INSERT INTO retort_version (version_num) VALUES ('" + id + "');\n\n";
            migrations.add(line);
        }
        List<String> parents = sorted(b, c);
        migrations.add("-- Running upgrade " + String.join(", ", parents) + " -> " + m + ", merge audit\n\n"
                + "DELETE FROM retort_version WHERE version_num='" + parents.get(0) + "';\n\n"
                + "DELETE FROM retort_version WHERE version_num='" + parents.get(1) + "';\n\n"
                + "INSERT INTO retort_version (version_num) VALUES ('" + m + "');\n\n");
        migrations.add("-- Running upgrade " + m + " -> " + d + ", index account names\n\n"
                + "CREATE INDEX ix_account_name ON account (name);\n\n"
                + "UPDATE retort_version SET version_num='" + d + "' WHERE version_num='" + m + "';\n\n");
        return migrations.stream().map(text -> postgres ? "BEGIN;\n\n" + text + "COMMIT;\n\n" : text)
                .collect(Collectors.joining());
    }

    /**
     * Runs a script as the database's own tools would: H2's {@link RunScript}; on PostgreSQL
     * each statement (they end with {@code ;} at the end of a line, none holds one inside)
     * through JDBC in auto-commit mode, so the script's BEGIN and COMMIT take effect.
     */
    private static void runScript(TestDatabase database, String script) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            if (database.kind().equals("h2")) {
                RunScript.execute(c, new StringReader(script));
                return;
            }
            c.setAutoCommit(true);
            String withoutComments = script.lines().filter(l -> !l.startsWith("--"))
                    .collect(Collectors.joining("\n"));
            try (Statement s = c.createStatement()) {
                for (String statement : withoutComments.split(";\\s*(\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
    }

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private static Connection connect(String url, String user) throws SQLException {
        return user.isEmpty() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
    }

    private static List<String> versionRows(String url, String user, String schema) throws SQLException {
        if (!tables(url, user, schema).contains("retort_version")) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(url, user); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version_num FROM retort_version ORDER BY 1")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private static List<String> tables(String url, String user, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(url, user)) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet r = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    if (schema.equalsIgnoreCase(r.getString("TABLE_SCHEM"))) {
                        tables.add(r.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tables;
    }

    private static List<String> columns(String url, String user, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = connect(url, user); ResultSet r = c.getMetaData().getColumns(null, null, "%", "%")) {
            while (r.next()) {
                if (schema.equalsIgnoreCase(r.getString("TABLE_SCHEM")) && table.equalsIgnoreCase(r.getString("TABLE_NAME"))) {
                    columns.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    private static String query(String url, String user, String sql) throws SQLException {
        try (Connection c = connect(url, user)) {
            return query(c, sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getString(1);
        }
    }
}
