package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.tests.cli.CliProject;
import dev.retort.tests.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 7: a broken {@code retort.properties} fails with one line that names the
 * file and the key (or line) and says what to write, and {@code stamp} refuses an unknown
 * target before it warns that it replaces rows.
 */
class BadConfigFileTest {

    @TempDir
    Path dir;

    CliProject project;
    Path properties;

    @BeforeEach
    void init() {
        project = new CliProject(dir);
        project.ok("init", "--package", CliProject.PACKAGE);
        properties = dir.resolve("retort.properties");
    }

    @Test
    void malformedUnicodeEscapeNamesTheFileTheKeyAndTheLine() throws Exception {
        // A Windows path written with single backslashes: \\u of \\users starts an escape.
        Files.writeString(properties, "# comment\npackage=com.acme.db\nurl=jdbc:h2:file:C:\\users\\app\\db\n");
        String line = project.failed("history");
        assertThat(line).startsWith("FAILED: Malformed \\u escape in key 'url' (line 3) of " + properties)
                .contains("four hexadecimal digits").contains("C:/dir").doesNotContain("Unexpected");
    }

    @Test
    void aFileInLatin1NamesTheFileTheLineAndUtf8() throws Exception {
        byte[] text = "package=com.acme.db\n# Donn\u00e9es de l'application\nuser=sa\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(properties, text);
        String line = project.failed("history");
        assertThat(line).startsWith("FAILED: " + properties + " is not UTF-8: line 2 holds the byte 0xE9")
                .contains("Save it as UTF-8").doesNotContain("Input length");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstKey() throws Exception {
        Files.write(properties, ("\uFEFFpackage=com.acme.db\n").getBytes(StandardCharsets.UTF_8));
        project.ok("revision", "-m", "first");
    }

    @Test
    void unterminatedEnvironmentReferenceNamesTheKeyAndTheFile() throws Exception {
        Files.writeString(properties, "package=com.acme.db\nurl=${env:NOPE\n");
        String line = project.failed("current");
        assertThat(line).isEqualTo("FAILED: Unclosed or malformed reference ${env:NOPE… in key 'url' in " + properties
                + ". Write ${env:NAME} or ${env:NAME:-default}: NAME of letters, digits and _, and a } that closes it.");
        Files.writeString(properties, "package=com.acme.db\npassword=${env:NOPE:-s3cr3tDefault\n");
        assertThat(project.failed("current")).contains("key 'password'").doesNotContain("s3cr3tDefault");
    }

    @Test
    void stampRefusesAnUnknownTargetBeforeWarningAboutRows() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/app");
        project.setProperty("url", url);
        project.ok("revision", "-m", "first", "--rev-id", "0000cccc0001");
        project.compile();
        project.ok("upgrade", "head");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE retort_version SET version_num = 'ffffffff0000'");
        }
        CliRun run = project.retort("stamp", "nosuchrev");
        assertThat(project.failed("stamp", "nosuchrev")).contains("nosuchrev");
        assertThat(run.err()).as("%s", run).doesNotContain("replaces").doesNotContain("WARN");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT version_num FROM retort_version")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).as("the version table is untouched").isEqualTo("ffffffff0000");
        }
        // A known target still takes the database over, with the warning.
        CliRun stamped = project.ok("stamp", "head");
        assertThat(stamped.err()).contains("replaces").contains("ffffffff0000");
        assertThat(stamped.out()).contains("-> 0000cccc0001");
    }
}
