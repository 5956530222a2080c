package com.example.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.accounts.migrations.GeneratedMigrations;
import dev.retort.test.Check;
import dev.retort.test.H2TestDatabase;
import dev.retort.test.MigrationTester;
import dev.retort.test.PostgresTestDatabase;
import dev.retort.test.RetortChecks;
import dev.retort.test.RetortMigrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every built-in check of the kit on H2 and, where the server is up, PostgreSQL; and the
 * test of the one data migration. {@code offlineMatchesOnline} is skipped: BackfillAuditLog
 * reads rows through {@code op.connection()}, which no offline script can.
 */
@RetortMigrationTest(registry = GeneratedMigrations.class, model = AccountsModel.class,
        databases = {H2TestDatabase.class, PostgresTestDatabase.class},
        snapshots = "src/test/resources/retort/schemas", skip = Check.OFFLINE_MATCHES_ONLINE)
class MigrationsTest implements RetortChecks {

    @Test
    void backfillRecordsEveryAccountThatExistedAsImported(MigrationTester migrator) {
        migrator.upBefore(GeneratedMigrations.BACKFILL_AUDIT_LOG)
                .insert("account", List.of(Map.of("name", "Ada"), Map.of("name", "Grace")))
                .upOne();

        assertEquals(List.of(Map.of("name", "Ada", "action", "imported"), Map.of("name", "Grace", "action", "imported")),
                migrator.rows("select a.name, l.action from audit_log l join account a on a.id = l.account_id "
                        + "order by a.name"));
    }
}
