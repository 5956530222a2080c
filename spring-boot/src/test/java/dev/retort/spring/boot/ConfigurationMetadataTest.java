package dev.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Migrator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metadata IDEs read to complete {@code retort.*} in application.properties. */
class ConfigurationMetadataTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "retort.enabled              | java.lang.Boolean  | true",
        "retort.target               | java.lang.String   | \"heads\"",
        "retort.version-table        | java.lang.String   | \"" + Migrator.DEFAULT_VERSION_TABLE + "\"",
        "retort.version-table-schema | java.lang.String   |",
        "retort.lock-timeout         | java.time.Duration | \"5m\"",
        "retort.url                  | java.lang.String   |",
        "retort.user                 | java.lang.String   |",
        "retort.password             | java.lang.String   |",
        "retort.check-on-start       | java.lang.Boolean  | false",
        "retort.metadata             | java.lang.String   |",
        "retort.package              | java.lang.String   |",
    })
    void everyPropertyHasATypeADescriptionAndItsDefault(String name, String type, String defaultValue)
            throws IOException {
        String entry = entry(metadata(), name);
        assertThat(entry).contains("\"type\":\"" + type + "\"");
        assertThat(entry).containsPattern("\"description\":\"[A-Z](?:[^\"\\\\]|\\\\.){20,}\"");
        if (defaultValue == null) {
            assertThat(entry).doesNotContain("\"defaultValue\"");
        } else {
            assertThat(entry).contains("\"defaultValue\":" + defaultValue);
        }
    }

    @Test
    void theDefaultsAreTheRuntimes() {
        assertThat(Migrator.DEFAULT_LOCK_TIMEOUT).isEqualTo(new RetortProperties().getLockTimeout());
        assertThat(Migrator.DEFAULT_VERSION_TABLE).isEqualTo(new RetortProperties().getVersionTable());
    }

    /** The starter's own file: every Boot jar on the class path has one too. */
    private static String metadata() throws IOException {
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s*\n\\s*", "")
                        .replaceAll("\"\\s*:\\s*", "\":");
                if (json.contains("\"name\":\"retort.enabled\"")) {
                    return json;
                }
            }
        }
        throw new AssertionError("no META-INF/spring-configuration-metadata.json with retort.* on the class path");
    }

    private static String entry(String json, String name) {
        Matcher m = Pattern.compile("\\{[^{}]*\"name\":\"" + Pattern.quote(name) + "\"[^{}]*}").matcher(json);
        assertThat(m.find()).as("%s in the metadata", name).isTrue();
        return m.group();
    }
}
