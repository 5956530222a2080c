package dev.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.spring.boot.sample.SampleApplication;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code GET /actuator/retort} on a running web application, as an operator reads it. */
class RetortEndpointTest {

    @Test
    void theEndpointListsCurrentHeadsAndEachRevisionsState() throws Exception {
        try (TestDatabase database = TestDatabases.h2();
             ConfigurableApplicationContext context = Apps.of(SampleApplication.class).on(database).web()
                     .with("retort.package", "dev.retort.spring.boot.sample")
                     .with("retort.target", "6b2d1f8e3ca1")
                     .with("management.endpoints.web.exposure.include", "health,retort")
                     .start()) {
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/retort")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            String json = response.body();
            assertThat(json).startsWith("{\"migrators\":{\"retortMigrator\":{")
                    .contains("\"registry\":\"dev.retort.spring.boot.sample\"")
                    .contains("\"current\":[\"6b2d1f8e3ca1\"]")
                    .contains("\"heads\":[\"7c3e2a9f4db2\"]");
            assertThat(revision(json, "7c3e2a9f4db2")).contains("\"state\":\"pending\"", "\"current\":false",
                    "\"head\":true", "\"downRevisions\":[\"6b2d1f8e3ca1\"]", "\"message\":\"Seed the first customer\"");
            assertThat(revision(json, "6b2d1f8e3ca1")).contains("\"state\":\"applied\"", "\"current\":true",
                    "\"head\":false");
            assertThat(revision(json, "5a1c0e7d2b90")).contains("\"state\":\"applied\"", "\"current\":false",
                    "\"downRevisions\":[]");
            // Newest first, as retort history lists them.
            assertThat(json.indexOf("\"id\":\"7c3e2a9f4db2\"")).isLessThan(json.indexOf("\"id\":\"6b2d1f8e3ca1\""));
            assertThat(json.indexOf("\"id\":\"6b2d1f8e3ca1\"")).isLessThan(json.indexOf("\"id\":\"5a1c0e7d2b90\""));
        }
    }

    /** The JSON object (with no nested object) that holds {@code "id":"<id>"}. */
    private static String revision(String json, String id) {
        Matcher m = Pattern.compile("\\{[^{}]*\"id\":\"" + id + "\"[^{}]*}").matcher(json);
        assertThat(m.find()).as("revision %s in %s", id, json).isTrue();
        return m.group();
    }
}
