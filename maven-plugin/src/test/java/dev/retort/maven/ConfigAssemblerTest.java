package dev.retort.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.cli.CommandException;
import dev.retort.cli.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a goal's parameters, retort.properties and the environment make one configuration. */
class ConfigAssemblerTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = Map.of("DB_PASSWORD", "from-env", "DB_HOST", "db.local");

    @Test
    void parametersAloneWithTheProjectsSourceFolderAndClassPath() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Config.URL, "jdbc:postgresql://${env:DB_HOST}/app");
        parameters.put(Config.PASSWORD, "${env:DB_PASSWORD}");
        parameters.put(Config.PACKAGE, "com.acme.migrations");
        parameters.put(Config.USER, null);
        Path classes = dir.resolve("target/classes");

        Config config = ConfigAssembler.assemble(dir, null, parameters, dir.resolve("src/main/kotlin"),
                List.of(classes), environment::get);

        assertThat(config.url()).contains("jdbc:postgresql://db.local/app");
        assertThat(config.origin(Config.URL)).contains("the retort-maven-plugin's url (-Dretort.url)");
        assertThat(config.password()).contains("from-env");
        assertThat(config.user()).isEmpty();
        assertThat(config.packageName()).contains("com.acme.migrations");
        assertThat(config.sourceDirectories()).containsExactly(dir.resolve("src/main/kotlin"));
        assertThat(config.classpath()).containsExactly(classes);
    }

    @Test
    void theFileWhenPresentEachGivenParameterOverridingItsKey() throws Exception {
        Files.writeString(dir.resolve("retort.properties"), """
                url=jdbc:h2:file:./db/app
                user=sa
                password=${env:DB_PASSWORD}
                package=com.acme.migrations
                version_table=alembic_version
                classpath=target/classes, target/dependency/*
                """);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Config.URL, "jdbc:h2:mem:other");
        parameters.put(Config.VERSION_TABLE, null);
        parameters.put(Config.COMPARE_TYPE, "false");

        Config config = ConfigAssembler.assemble(dir, null, parameters, dir.resolve("src/main/java"),
                List.of(dir.resolve("target/classes"), dir.resolve("lib/h2.jar")), environment::get);

        assertThat(config.url()).contains("jdbc:h2:mem:other");
        assertThat(config.origin(Config.URL)).as("the URL came from a parameter").isPresent();
        assertThat(config.user()).contains("sa");
        assertThat(config.password()).contains("from-env");
        assertThat(config.versionTable()).isEqualTo("alembic_version");
        assertThat(config.compareType()).isFalse();
        assertThat(config.file()).contains(dir.resolve("retort.properties"));
        assertThat(config.classpath()).as("the project's class path, not the file's copy-dependencies layout")
                .containsExactly(dir.resolve("target/classes"), dir.resolve("lib/h2.jar"));

        Config fromFile = ConfigAssembler.assemble(dir, null, Map.of(), dir.resolve("src/main/java"), List.of(),
                environment::get);
        assertThat(fromFile.url()).contains("jdbc:h2:file:./db/app");
        assertThat(fromFile.origin(Config.URL)).as("an error blames the file's key").isEmpty();
    }

    @Test
    void aNamedFileMustExist() {
        Path missing = dir.resolve("conf/retort-ci.properties");
        assertThatThrownBy(() -> ConfigAssembler.assemble(dir, missing, Map.of(), dir.resolve("src/main/java"),
                List.of(), environment::get))
                .isInstanceOf(CommandException.class)
                .hasMessage("No configuration file " + missing + " (named by retort.configFile). Create it, or leave "
                        + "retort.configFile out to use the plugin's parameters alone.");
    }

    @Test
    void anUnsetVariableNamesTheKeyAndTheWayOut() {
        assertThatThrownBy(() -> ConfigAssembler.assemble(dir, null, Map.of(Config.PASSWORD, "${env:NOT_SET}"),
                dir.resolve("src/main/java"), List.of(), environment::get))
                .isInstanceOf(CommandException.class)
                .hasMessage("Environment variable NOT_SET is not set (used by key 'password'). Set it, or write "
                        + "${env:NOT_SET:-default} to give a default.");
    }

    @Test
    void anInvalidValueIsRefusedWithItsKey() {
        assertThatThrownBy(() -> ConfigAssembler.assemble(dir, null, Map.of(Config.COMPARE_TYPE, "yes"),
                dir.resolve("src/main/java"), List.of(), environment::get))
                .isInstanceOf(CommandException.class)
                .hasMessage("Invalid value 'yes' for key 'compare_type'. Write true or false.");
    }
}
