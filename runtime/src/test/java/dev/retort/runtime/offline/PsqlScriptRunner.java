package dev.retort.runtime.offline;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code psql} client ({@code PSQL} or {@code /usr/bin/psql}) with {@code
 * ON_ERROR_STOP}, connected to the server of {@link TestDatabases#postgresUrl()} and
 * working in the test's schema through {@code PGOPTIONS='-c search_path=<schema>'}: the
 * script itself names no schema, as a script written for production would not.
 */
final class PsqlScriptRunner implements ScriptRunner {

    @Override
    public void run(TestDatabase db, String script) throws IOException, InterruptedException {
        String psql = System.getenv().getOrDefault("PSQL", "/usr/bin/psql");
        if (!Files.isExecutable(Path.of(psql))) {
            String message = "psql is not installed at " + psql + " (set PSQL to its path); the offline-SQL proof "
                    + "on PostgreSQL is skipped.";
            if (TestDatabases.isCi()) {
                fail("CI=true requires psql: " + message);
            }
            assumeTrue(false, message);
        }
        Map<String, String> connection = parse(TestDatabases.postgresUrl());
        Path file = Files.createTempFile("retort-offline-", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-h", connection.get("host"), "-p", connection.get("port"), "-U", connection.get("user"),
                    "-d", connection.get("database"), "-f", file.toString()));
            builder.environment().put("PGOPTIONS", "-c search_path=" + db.schema());
            if (connection.containsKey("password")) {
                builder.environment().put("PGPASSWORD", connection.get("password"));
            }
            builder.redirectErrorStream(true);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("psql did not finish within 60 s\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("psql exited with " + process.exitValue() + ":\n" + output
                        + "\n--- script ---\n" + script);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Host, port, database, user and password of a {@code jdbc:postgresql://host:port/db?user=…} URL. */
    static Map<String, String> parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> parts = new HashMap<>();
        parts.put("host", uri.getHost() == null ? "localhost" : uri.getHost());
        parts.put("port", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()));
        String path = uri.getPath();
        parts.put("database", path == null || path.length() <= 1 ? "postgres" : path.substring(1));
        parts.put("user", System.getProperty("user.name"));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String key = pair.substring(0, eq);
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (key.equals("user") || key.equals("password")) {
                        parts.put(key, value);
                    }
                }
            }
        }
        return parts;
    }
}
