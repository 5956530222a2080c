package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("retort.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEveryKeyAndResolvesPathsAgainstTheFilesFolder() throws Exception {
        Config config = Config.load(write("""
                url=jdbc:h2:mem:x
                user=app
                password=secret
                package=com.acme.db
                source=src/main/java, more/src
                classpath=build/classes, libs/*
                version_table=alembic_version
                version_table_schema=meta
                file_template=V_${id}
                template=tmpl/rev.java.tmpl
                editor=vi
                dialect=postgresql
                """), Map.<String, String>of()::get);
        assertThat(config.url()).contains("jdbc:h2:mem:x");
        assertThat(config.user()).contains("app");
        assertThat(config.password()).contains("secret");
        assertThat(config.packageName()).contains("com.acme.db");
        assertThat(config.sourceDirectories()).containsExactly(dir.resolve("src/main/java"), dir.resolve("more/src"));
        assertThat(config.classpath()).containsExactly(dir.resolve("build/classes"), dir.resolve("libs/*"));
        assertThat(config.versionTable()).isEqualTo("alembic_version");
        assertThat(config.versionTableSchema()).contains("meta");
        assertThat(config.fileTemplate()).isEqualTo("V_${id}");
        assertThat(config.template()).isEqualTo(dir.resolve("tmpl/rev.java.tmpl"));
        assertThat(config.editor()).contains("vi");
        assertThat(config.dialect()).contains("postgresql");
        assertThat(config.toBuilder().build().dialect()).contains("postgresql");
        assertThat(config.file()).contains(dir.resolve("retort.properties"));
    }

    @Test
    void defaults() throws Exception {
        Config config = Config.load(write("package=p\n"), Map.<String, String>of()::get);
        assertThat(config.url()).isEmpty();
        assertThat(config.dialect()).isEmpty();
        assertThat(config.sourceDirectories()).containsExactly(dir.resolve("src/main/java"));
        assertThat(config.classpath()).containsExactly(dir.resolve("target/classes"), dir.resolve("target/dependency/*"));
        assertThat(config.versionTable()).isEqualTo("retort_version");
        assertThat(config.versionTableSchema()).isEmpty();
        assertThat(config.fileTemplate()).isEqualTo("Rev_${id}_${slug}");
        assertThat(config.template()).isEqualTo(dir.resolve("retort/revision.java.tmpl"));
        assertThat(config.xArguments()).isEmpty();
        assertThat(config.tag()).isEmpty();
        assertThat(config.compareType()).isTrue();
        assertThat(config.compareServerDefault()).isFalse();
        assertThat(config.includeTables()).isEmpty();
        assertThat(config.excludeTables()).isEmpty();
        assertThat(config.compareOptions().comparesTypes()).isTrue();
        assertThat(config.compareOptions().comparesServerDefaults()).isFalse();
        assertThat(config.compareOptions().comparesCheckConstraints()).isFalse();
        assertThat(config.includeSchemas()).isEmpty();
        assertThat(config.compareOptions().includesSchema("billing")).as("the current schema only").isFalse();
    }

    @Test
    void readsTheComparisonKeys() throws Exception {
        Config config = Config.load(write("""
                compare_type=False
                compare_server_default=TRUE
                compare_check_constraints=true
                include_tables=account, billing_*
                exclude_tables=audit_*,,spring_session,
                include_schemas=billing, audit_*
                """), Map.<String, String>of()::get);
        assertThat(config.compareType()).isFalse();
        assertThat(config.compareServerDefault()).isTrue();
        assertThat(config.includeTables()).containsExactly("account", "billing_*");
        assertThat(config.excludeTables()).containsExactly("audit_*", "spring_session");
        assertThat(config.compareOptions().comparesTypes()).isFalse();
        assertThat(config.compareOptions().comparesServerDefaults()).isTrue();
        assertThat(config.compareOptions().comparesCheckConstraints()).isTrue();
        Config copy = config.toBuilder().build();
        assertThat(copy.compareCheckConstraints()).isTrue();
        assertThat(copy.compareType()).isFalse();
        assertThat(copy.compareServerDefault()).isTrue();
        assertThat(copy.includeTables()).containsExactly("account", "billing_*");
        assertThat(copy.excludeTables()).containsExactly("audit_*", "spring_session");
        assertThat(copy.includeSchemas()).containsExactly("billing", "audit_*");
        assertThat(config.compareOptions().includesSchema("billing")).isTrue();
        assertThat(config.compareOptions().includesSchema("audit_2024")).isTrue();
        assertThat(config.compareOptions().includesSchema("billing_old")).as("a name matches whole").isFalse();
        assertThat(Config.builder(dir).set("include_schemas", "*").build().compareOptions().includesSchema("any"))
                .isTrue();
    }

    @Test
    void aComparisonFlagThatIsNotABooleanNamesTheKeyAndTheFile() throws Exception {
        Path file = write("compare_server_default=yes\n");
        assertThatThrownBy(() -> Config.load(file, Map.<String, String>of()::get))
                .isInstanceOf(CommandException.class)
                .hasMessage("Invalid value 'yes' for key 'compare_server_default' in " + file + ". Write true or false.");
        assertThatThrownBy(() -> Config.builder(dir).set("compare_type", ""))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("key 'compare_type'").hasMessageContaining("true or false");
    }

    @Test
    void expandsEnvironmentVariablesWithDefaults() throws Exception {
        Config config = Config.load(write("""
                url=jdbc:postgresql://${env:DB_HOST}:${env:DB_PORT:-5432}/app
                password=${env:DB_PASSWORD}
                user=${env:DB_USER:-}
                """), Map.of("DB_HOST", "db.internal", "DB_PASSWORD", "s3cr$t\\1")::get);
        assertThat(config.url()).contains("jdbc:postgresql://db.internal:5432/app");
        assertThat(config.password()).contains("s3cr$t\\1");
        assertThat(config.user()).isEmpty();
    }

    @Test
    void anUnsetVariableNamesItselfTheKeyAndTheFile() throws Exception {
        Path file = write("password=${env:NOT_SET_ANYWHERE}\n");
        assertThatThrownBy(() -> Config.load(file, Map.<String, String>of()::get))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("NOT_SET_ANYWHERE is not set")
                .hasMessageContaining("key 'password' in " + file)
                .hasMessageContaining("${env:NOT_SET_ANYWHERE:-default}");
    }

    @Test
    void unknownKeysAreRefused() throws Exception {
        Path file = write("url=x\npackge=typo\n");
        assertThatThrownBy(() -> Config.load(file, Map.<String, String>of()::get))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("Unknown key(s) [packge]")
                .hasMessageContaining("package");
    }

    @Test
    void aMissingFileSaysToRunInit() {
        assertThatThrownBy(() -> Config.load(dir.resolve("nope.properties")))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("nope.properties")
                .hasMessageContaining("retort init");
    }

    @Test
    void builderOverridesAndXArguments() throws Exception {
        Config loaded = Config.load(write("url=a\npackage=p\n"), Map.<String, String>of()::get);
        Config config = loaded.toBuilder().url("b").xArgument("tenant", "acme").tag("v1").build();
        assertThat(config.url()).contains("b");
        assertThat(config.packageName()).contains("p");
        assertThat(config.xArguments()).containsExactly(Map.entry("tenant", "acme"));
        assertThat(config.tag()).contains("v1");
        assertThat(loaded.url()).contains("a");
    }

    @Test
    void requirePackageSaysHowToSetIt() {
        Config config = Config.builder(dir).build();
        assertThatThrownBy(config::requirePackage).isInstanceOf(CommandException.class)
                .hasMessageContaining("package=").hasMessageContaining("--package");
    }
}
