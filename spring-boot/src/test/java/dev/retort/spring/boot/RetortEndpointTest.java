package dev.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.spring.boot.sample.SampleApplication;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            // Newest first, as retort history lists them; the same text on Boot 4 (Jackson 3) and 3.5 (Jackson 2).
            assertThat(response.body()).isEqualTo("{\"migrators\":{\"retortMigrator\":{"
                    + "\"registry\":\"dev.retort.spring.boot.sample\","
                    + "\"current\":[\"6b2d1f8e3ca1\"],\"heads\":[\"7c3e2a9f4db2\"],\"revisions\":["
                    + "{\"id\":\"7c3e2a9f4db2\",\"message\":\"Seed the first customer\",\"downRevisions\":[\"6b2d1f8e3ca1\"],"
                    + "\"branchLabels\":[],\"state\":\"pending\",\"current\":false,\"head\":true},"
                    + "{\"id\":\"6b2d1f8e3ca1\",\"message\":\"Add the customer's email address\","
                    + "\"downRevisions\":[\"5a1c0e7d2b90\"],\"branchLabels\":[],\"state\":\"applied\",\"current\":true,"
                    + "\"head\":false},"
                    + "{\"id\":\"5a1c0e7d2b90\",\"message\":\"Create the customer table\",\"downRevisions\":[],"
                    + "\"branchLabels\":[],\"state\":\"applied\",\"current\":false,\"head\":false}]}}}");
        }
    }
}
