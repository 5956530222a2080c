package dev.retort.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.cli.CommandException;
import dev.retort.cli.Commands;
import dev.retort.cli.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command layer's advice, as a goal's user reads it: parameters and goals, no command-line flags. */
class MavenAdviceTest {

    @TempDir
    Path dir;

    @Test
    void aParameterWithABadValueIsNamedAsTheParameter() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Config.COMPARE_CHECK_CONSTRAINTS, "yes");
        assertThatThrownBy(() -> ConfigAssembler.assemble(dir, null, parameters, dir, List.of(), k -> null))
                .isInstanceOf(CommandException.class)
                .extracting(e -> MavenAdvice.rewrite(e.getMessage()))
                .isEqualTo("Invalid value 'yes' for the retort-maven-plugin's compareCheckConstraints "
                        + "(-Dretort.compareCheckConstraints). Write true or false.");
    }

    @Test
    void aBadValueInTheFileStillNamesTheFile() throws Exception {
        Path file = dir.resolve("retort.properties");
        Files.writeString(file, "include_schemas=a\ncompare_type=maybe\n");
        assertThatThrownBy(() -> ConfigAssembler.assemble(dir, null, Map.of(), dir, List.of(), k -> null))
                .extracting(e -> MavenAdvice.rewrite(e.getMessage()))
                .isEqualTo("Invalid value 'maybe' for key 'compare_type' in " + file + ". Write true or false.");
    }

    @Test
    void aRegistryNotCompiledPointsAtTheProcessorNotAtClasspathKey() {
        Config config = ConfigAssembler.assemble(dir, null, Map.of(Config.PACKAGE, "com.acme.db"), dir,
                List.of(dir), k -> null);
        assertThatThrownBy(() -> Commands.current(config))
                .isInstanceOf(CommandException.class)
                .extracting(e -> MavenAdvice.rewrite(e.getMessage()))
                .isEqualTo("No compiled registry for package com.acme.db on the classpath [" + dir + "]. Compile the "
                        + "revisions with the retort processor first: ./mvnw compile (with retort-processor in the "
                        + "maven-compiler-plugin's <annotationProcessorPaths>).");
    }

    @Test
    void aMissingUrlIsSetInTheConfigurationOrAsAProperty() {
        assertThat(MavenAdvice.rewrite("No database URL configured. Set 'url=' in retort.properties or pass --url; "
                + "check --shadow makes its scratch database beside it."))
                .isEqualTo("No database URL configured. Set <url> in the retort-maven-plugin's <configuration>, "
                        + "pass -Dretort.url=…, or write url= in retort.properties; check -Dretort.shadow makes its "
                        + "scratch database beside it.");
    }

    @Test
    void commandsBecomeGoalsAndFlagsBecomeProperties() {
        assertThat(MavenAdvice.rewrite("Target database is not up to date: it is at <base>, the revisions' head is "
                + "2b3c4d5e6f70. Run 'retort upgrade head' first, then 'retort check' again (or 'retort check "
                + "--shadow', which needs no shared database)."))
                .isEqualTo("Target database is not up to date: it is at <base>, the revisions' head is 2b3c4d5e6f70. "
                        + "Run 'mvn retort:upgrade' first, then 'mvn retort:check' again (or 'mvn retort:check "
                        + "-Dretort.shadow', which needs no shared database).");
        assertThat(MavenAdvice.rewrite("then 'retort revision --autogenerate' again."))
                .isEqualTo("then 'mvn retort:revision -Dretort.autogenerate' again.");
        assertThat(MavenAdvice.rewrite("There are several heads (a1, b2). Pass --head <id> or --head <label>@head "
                + "to choose the parent, or join them first with 'retort merge -m \"merge heads\" heads'."))
                .as("no merge goal: merging stays the command line's")
                .isEqualTo("There are several heads (a1, b2). Pass -Dretort.head=<id> or -Dretort.head=<label>@head "
                        + "to choose the parent, or join them first with 'retort merge -m \"merge heads\" heads'.");
        assertThat(MavenAdvice.rewrite("Revision a1 is not a head revision. Pass --splice to start a new branch from "
                + "it (with --branch-label to name the branch), or --head head."))
                .isEqualTo("Revision a1 is not a head revision. Pass -Dretort.splice to start a new branch from it "
                        + "(with -Dretort.branchLabel to name the branch), or -Dretort.head=head.");
        assertThat(MavenAdvice.rewrite("Revision id a1 already exists in A.java. Choose another --rev-id or leave it "
                + "out for a fresh one."))
                .isEqualTo("Revision id a1 already exists in A.java. Choose another -Dretort.revId or leave it out "
                        + "for a fresh one.");
        assertThat(MavenAdvice.rewrite("set 'metadata=' to it (or pass --metadata), or annotate JPA entities"))
                .isEqualTo("set <metadata> to it (or pass -Dretort.metadata), or annotate JPA entities");
    }

    @Test
    void aMissingModelNamesTheMetadataParameter() {
        assertThat(MavenAdvice.rewrite("No target model: 'metadata=' is not set in retort.properties and there is no "
                + "compiled com.acme.db.GeneratedSchema. Declare the model as a static field built with "
                + "Metadata.builder() (such as com.acme.model.Schema.METADATA) and set 'metadata=' to it (or pass "
                + "--metadata), or annotate JPA entities and compile them with the retort processor, which writes "
                + "com.acme.db.GeneratedSchema."))
                .isEqualTo("No target model: <metadata> is not set (in the retort-maven-plugin's <configuration>, as "
                        + "-Dretort.metadata or as metadata= in retort.properties) and there is no compiled "
                        + "com.acme.db.GeneratedSchema. Declare the model as a static field built with "
                        + "Metadata.builder() (such as com.acme.model.Schema.METADATA) and set <metadata> to it (or "
                        + "pass -Dretort.metadata), or annotate JPA entities and compile them with the retort "
                        + "processor, which writes com.acme.db.GeneratedSchema.");
        assertThat(MavenAdvice.rewrite("Declare 'public static final Metadata M = Metadata.builder()...build();' or "
                + "fix 'metadata=' in /p/retort.properties."))
                .isEqualTo("Declare 'public static final Metadata M = Metadata.builder()...build();' or fix <metadata> "
                        + "(or metadata= in /p/retort.properties).");
        assertThat(MavenAdvice.rewrite("Compile it (./mvnw compile) or fix 'metadata='."))
                .isEqualTo("Compile it (./mvnw compile) or fix <metadata>.");
    }

    @Test
    void aMissingDriverGoesToThePluginsDependencies() {
        assertThat(MavenAdvice.rewrite("for another database add its driver to the project's dependencies, or its "
                + "jar to 'classpath=' in retort.properties."))
                .isEqualTo("for another database add its driver to the project's dependencies, or to the "
                        + "retort-maven-plugin's <dependencies>.");
    }

    @Test
    void messagesWithoutCommandLineAdviceAreLeftAlone() {
        String message = "Cannot connect to jdbc:h2:mem:x: no. Check that the retort-maven-plugin's url (-Dretort.url) "
                + "names it, with the right user and password.";
        assertThat(MavenAdvice.rewrite(message)).isEqualTo(message);
    }
}
