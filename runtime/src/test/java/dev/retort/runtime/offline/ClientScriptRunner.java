package dev.retort.runtime.offline;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line client fed the script on its standard input, stopping at the first error:
 * {@code mariadb} ({@code MARIADB} or {@code /usr/bin/mariadb}) connected to the test's
 * database on the server of {@link TestDatabases#mariadbUrl()}, or {@code sqlite3} ({@code
 * SQLITE3} or {@code /usr/bin/sqlite3}) with {@code -bail} on the test's file.
 */
public final class ClientScriptRunner implements ScriptRunner {

    private final String kind;

    private ClientScriptRunner(String kind) {
        this.kind = kind;
    }

    public static ClientScriptRunner mariadb() {
        return new ClientScriptRunner("mariadb");
    }

    public static ClientScriptRunner sqlite3() {
        return new ClientScriptRunner("sqlite");
    }

    @Override
    public void run(TestDatabase db, String script) throws Exception {
        List<String> command = new ArrayList<>();
        if (kind.equals("sqlite")) {
            command.addAll(List.of(client("SQLITE3", "/usr/bin/sqlite3"), "-bail",
                    db.url().substring("jdbc:sqlite:".length())));
        } else {
            URI uri = URI.create(TestDatabases.mariadbUrl().substring("jdbc:".length()));
            String user = "root";
            String password = null;
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    if (pair.startsWith("user=")) {
                        user = pair.substring(5);
                    } else if (pair.startsWith("password=")) {
                        password = pair.substring(9);
                    }
                }
            }
            command.addAll(List.of(client("MARIADB", "/usr/bin/mariadb"), "-h", uri.getHost(), "-P",
                    Integer.toString(uri.getPort() < 0 ? 3306 : uri.getPort()), "-u", user));
            if (password != null) {
                command.add("-p" + password);
            }
            command.add(db.schema());
        }
        Path file = Files.createTempFile("retort-offline-", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command).redirectInput(file.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within 60 s\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " exited with " + process.exitValue() + ":\n" + output
                        + "\n--- script ---\n" + script);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String client(String variable, String fallback) {
        String path = System.getenv().getOrDefault(variable, fallback);
        if (!Files.isExecutable(Path.of(path))) {
            String message = path + " is not installed (set " + variable + "); the offline proof is skipped.";
            if (TestDatabases.isCi()) {
                fail("CI=true requires the client: " + message);
            }
            assumeTrue(false, message);
        }
        return path;
    }
}
