package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.SimpleDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 keeps commits in memory for {@code WRITE_DELAY} ms, so the migrator writes each
 * migration's commit out with {@code CHECKPOINT}, which needs admin rights: a user without
 * them is refused with the fix in the message, until the database writes at once.
 */
class H2DurabilityTest {

    @TempDir
    Path dir;

    private static MigrationRegistry registry() {
        Migration create = new Migration() {
            @Override
            public void upgrade(Operations op) {
                op.createTable("account", Column.of("id", Type.BIGINT).primaryKey());
            }

            @Override
            public void downgrade(Operations op) {
                op.dropTable("account");
            }
        };
        return MigrationRegistry.of("com.example.durable", List.of(
                new RevisionDefinition(RevisionNode.of("dddd00000001"), "com.example.durable.Create", () -> create)));
    }

    @Test
    void aUserWhoMayNotCheckpointIsRefusedUntilWritesAreImmediate() throws SQLException, IOException {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        SimpleDataSource admin = new SimpleDataSource(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE USER app PASSWORD 'app'");
            s.execute("GRANT ALL ON SCHEMA PUBLIC TO app");
            // Creates tables, but is no admin: may not run CHECKPOINT.
            s.execute("GRANT ALTER ANY SCHEMA TO app");
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", "app");
        credentials.setProperty("password", "app");
        Migrator asApp = Migrator.builder(registry()).dataSource(new SimpleDataSource(url, credentials)).build();

        assertThatThrownBy(() -> asApp.upgrade("head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo("H2_WRITE_DELAY");
                    assertThat(e.getMessage()).contains("SET WRITE_DELAY 0", "admin rights").doesNotContain("\n");
                });
        assertThat(asApp.current()).isEmpty();

        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
        assertThat(asApp.upgrade("head").headsAfter()).containsExactly("dddd00000001");
        // The admin itself migrates with CHECKPOINTs, whatever the delay.
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 500");
        }
        assertThat(Migrator.builder(registry()).dataSource(admin).build().downgrade("base").headsAfter()).isEmpty();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
    }
}
