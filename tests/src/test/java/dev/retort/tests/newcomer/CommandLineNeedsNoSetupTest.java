package dev.retort.tests.newcomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a new user meets it: the distribution's {@code retort} launcher in a
 * brand-new Maven project whose pom is README's snippet, with no JDBC driver among its
 * dependencies and no copy-dependencies: init, a revision, {@code ./mvnw compile}, then
 * {@code retort upgrade head} works. The launcher's jar brings the H2 driver; retort lists
 * the project's dependencies itself, once. Maven runs against
 * {@link NewcomerProject}'s private repository (.mvn/maven.config, as a user's ~/.m2).
 */
class CommandLineNeedsNoSetupTest {

    private static final Pattern GENERATED = Pattern.compile("Generating (\\S+\\.java) \\.\\.\\. done");

    @TempDir
    Path dir;

    @Test
    void upgradeHeadRightAfterMavenCompileInANewProject() throws Exception {
        Path launcher = NewcomerProject.ROOT.resolve("cli/target/retort");
        assertThat(launcher).as("the distribution's launcher (./mvnw -pl cli -am package)").isExecutable();
        Path project = dir.resolve("accounts");
        NewcomerProject.writePom(project);
        NewcomerProject.useThePrivateRepository(project);
        // The project carries the Maven wrapper, as projects made from start.spring.io or mvn wrapper:wrapper do.
        Files.copy(NewcomerProject.ROOT.resolve("mvnw"), project.resolve("mvnw"));
        Files.createDirectories(project.resolve(".mvn/wrapper"));
        Files.copy(NewcomerProject.ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"),
                project.resolve(".mvn/wrapper/maven-wrapper.properties"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(project.resolve("pom.xml"))).doesNotContain("h2database");

        ChildJvm.Run init = retort(launcher, project, "init", "--package", "com.example.accounts.migrations", ".");
        assertThat(init.out()).contains("Creating " + project.resolve("db/.gitignore") + " ... done");
        assertThat(Files.readString(project.resolve("retort.properties"))).contains("url=jdbc:h2:file:./db/dev")
                .doesNotContain("target/retort-db");

        ChildJvm.Run revision = retort(launcher, project, "revision", "-m", "create account table");
        Matcher generated = GENERATED.matcher(revision.out());
        assertThat(generated.find()).as(revision.toString()).isTrue();
        Path source = Path.of(generated.group(1));
        Files.writeString(source, Files.readString(source)
                .replace("public void upgrade(Operations op) {\n    }", "public void upgrade(Operations op) {\n"
                        + "        op.execute(\"CREATE TABLE account (id BIGINT PRIMARY KEY)\");\n    }")
                .replace("public void downgrade(Operations op) {\n    }", "public void downgrade(Operations op) {\n"
                        + "        op.execute(\"DROP TABLE account\");\n    }"));

        ChildJvm.Run compile = ChildJvm.run(project, Map.of(), 300, List.of("sh", "mvnw", "-B", "-q", "compile"));
        assertThat(compile.status()).as(compile.toString()).isZero();

        ChildJvm.Run upgrade = retort(launcher, project, "upgrade", "head");
        assertThat(upgrade.out()).matches("(?s)Upgraded <base> -> \\w+, create account table \\(\\d+ ms\\)\\n");
        assertThat(upgrade.err()).contains("Listing the project's dependencies once (cached in "
                + "target/retort-classpath.txt)");
        assertThat(project.resolve("db/dev.mv.db")).as("the database, outside target/").exists();
        assertThat(project.resolve("target/retort-classpath.txt")).exists();

        ChildJvm.Run again = retort(launcher, project, "upgrade", "head");
        assertThat(again.err()).as("the dependency list is cached").doesNotContain("Listing the project's dependencies")
                .contains("At head (");
        assertThat(again.out()).startsWith("Nothing to upgrade: the database is at ");
        assertThat(retort(launcher, project, "current").out()).endsWith("(head)\n");
    }

    private static ChildJvm.Run retort(Path launcher, Path project, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ChildJvm.Run run = ChildJvm.run(project, Map.of(), 300, command);
        assertThat(run.status()).as("retort %s\n%s", String.join(" ", args), run).isZero();
        return run;
    }
}
