package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort snapshot} writes one JSON file per revision on a scratch database beside the
 * configured one, and {@code --check} fails, naming the revision and the column, once an applied
 * revision is edited.
 */
class SnapshotCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneFilePerRevisionAndCatchesAnEditedRevision() throws Exception {
        CheckProject project = CheckProject.init(dir, "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa");
        project.model(CheckCommandTest.MODEL_V1);
        project.compile();
        Path revision = CheckProject.generatedPath(project.ok("revision", "--autogenerate", "-m", "create account"));
        Matcher idMatch = Pattern.compile("id = \"(\\w+)\"").matcher(Files.readString(revision));
        assertThat(idMatch.find()).as("the revision's id in %s", revision).isTrue();
        String id = idMatch.group(1);
        project.compile();

        String written = project.ok("snapshot", "--dir", "schemas").out();

        Path file = dir.resolve("schemas").resolve(id + ".json");
        assertThat(written).contains("Wrote 1 snapshot under").contains(id + ".json");
        assertThat(Files.readString(file)).contains("\"revision\": \"" + id + "\"")
                .contains("\"name\": {\"type\": \"Type.varchar(100)\", \"nullable\": false}");
        assertThat(project.ok("snapshot", "--dir", "schemas", "--check").out())
                .contains("Every committed snapshot under").contains("matches its revision");
        assertThat(project.tables()).as("the configured database is left alone").isEmpty();

        Files.writeString(revision, Files.readString(revision).replace("Type.varchar(100)", "Type.varchar(120)"));
        project.compile();

        assertThat(project.failed("snapshot", "--dir", "schemas", "--check"))
                .contains("1 committed snapshot no longer match their revision")
                .contains("revision " + id)
                .contains("column account.name: {\"type\": \"Type.varchar(100)\", \"nullable\": false} in the snapshot, "
                        + "{\"type\": \"Type.varchar(120)\", \"nullable\": false} now");
    }
}
