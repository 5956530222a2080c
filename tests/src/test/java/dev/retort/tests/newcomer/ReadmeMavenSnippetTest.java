package dev.retort.tests.newcomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Add Retort to a Maven project" snippet, taken from README.md itself and built
 * as a new user builds it: a fresh project whose pom is the snippet and nothing else that
 * matters (no {@code maven.compiler.release}), compiled with the project's Maven wrapper and
 * with the machine's Maven 3.8 ({@code /usr/bin/mvn}, whose default compiler plugin would
 * silently run no processor). A good chain compiles and gets its registry; a broken one
 * fails with {@code [RevisionUnknownDown]}. Artifacts come from {@link NewcomerProject}'s
 * private repository; what it lacks (another Maven's default plugins) Maven downloads.
 */
class ReadmeMavenSnippetTest {

    private static final Path SYSTEM_MAVEN = Path.of("/usr/bin/mvn");

    @TempDir
    Path dir;

    @Test
    void withTheMavenWrapper() throws Exception {
        Path wrapper = NewcomerProject.ROOT.resolve("mvnw");
        assertThat(wrapper).isExecutable();
        proveTheChainIsChecked(wrapper);
    }

    @Test
    void withMaven38() throws Exception {
        if (!Files.isExecutable(SYSTEM_MAVEN)) {
            String message = "No Maven at " + SYSTEM_MAVEN + ": the README snippet's Maven 3.8 build is not tested";
            assertThat(System.getenv("CI")).as("CI=true requires it. " + message).isNotEqualToIgnoringCase("true");
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        ChildJvm.Run version = ChildJvm.run(dir, Map.of(), 120, List.of(SYSTEM_MAVEN.toString(), "-v"));
        System.err.println("ReadmeMavenSnippetTest: " + version.out().lines().findFirst().orElse(""));
        proveTheChainIsChecked(SYSTEM_MAVEN);
    }

    private void proveTheChainIsChecked(Path maven) throws Exception {
        Path good = project("good", "1f3a9c2e7b10");
        ChildJvm.Run compiled = compile(maven, good);
        assertThat(compiled.status()).as("a good chain compiles with %s:\n%s", maven, compiled).isZero();
        assertThat(good.resolve("target/classes/com/example/accounts/migrations/GeneratedMigrations.class"))
                .as("the processor ran and wrote the registry").exists();

        Path broken = project("broken", "1f3a9c2e7b1O");
        ChildJvm.Run refused = compile(maven, broken);
        assertThat(refused.status()).as("a broken chain fails with %s:\n%s", maven, refused).isNotZero();
        assertThat(refused.out()).contains("[RevisionUnknownDown]").contains("AddEmail.java")
                .contains("1f3a9c2e7b1O");
    }

    /** A new project: the README's snippet in a minimal pom, a base revision and one on top of it. */
    private Path project(String name, String downRevision) throws IOException {
        Path project = dir.resolve(name);
        NewcomerProject.writePom(project);
        Path migrations = Files.createDirectories(project.resolve("src/main/java/com/example/accounts/migrations"));
        Files.writeString(migrations.resolve("CreateAccount.java"), """
                package com.example.accounts.migrations;

                import dev.retort.annotations.Revision;
                import dev.retort.runtime.Migration;
                import dev.retort.runtime.Operations;
                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Type;

                /** Create the account table. */
                @Revision(id = "1f3a9c2e7b10")
                public final class CreateAccount implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        op.createTable("account", Column.of("id", Type.BIGINT).primaryKey());
                    }

                    @Override
                    public void downgrade(Operations op) {
                        op.dropTable("account");
                    }
                }
                """);
        Files.writeString(migrations.resolve("AddEmail.java"), """
                package com.example.accounts.migrations;

                import dev.retort.annotations.Revision;
                import dev.retort.runtime.Migration;
                import dev.retort.runtime.Operations;
                import dev.retort.runtime.schema.Column;
                import dev.retort.runtime.schema.Type;

                /** Add an email to accounts. */
                @Revision(id = "2b1ae634e5cd", downRevision = "%s")
                public final class AddEmail implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        op.addColumn("account", Column.of("email", Type.varchar(255)));
                    }

                    @Override
                    public void downgrade(Operations op) {
                        op.dropColumn("account", "email");
                    }
                }
                """.formatted(downRevision));
        return project;
    }

    private ChildJvm.Run compile(Path maven, Path project) throws IOException, InterruptedException {
        // Online: Maven 3.8's default plugins (resources 2.6) are not among what this build
        // downloads, so a fresh machine has them only once Maven fetches them from Central.
        return ChildJvm.run(project, Map.of("MAVEN_OPTS", "-Xmx512m"), 300, List.of(maven.toString(), "-B",
                "-Dmaven.repo.local=" + NewcomerProject.REPOSITORY, "compile"));
    }
}
