package dev.retort.runtime.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bulk inserts and concurrently built indexes in real migrations run by the {@link Migrator}. */
class MigratorAutocommitTest {

    private static Migration migration(Consumer<Operations> upgrade, Consumer<Operations> downgrade) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) {
                upgrade.accept(op);
            }

            @Override
            public void downgrade(Operations op) {
                downgrade.accept(op);
            }
        };
    }

    private static RevisionDefinition revision(String id, String down, Migration migration) {
        return new RevisionDefinition(new RevisionNode(id, down == null ? List.of() : List.of(down), List.of(),
                List.of(), "revision " + id), "com.example.migrations.M_" + id, () -> migration);
    }

    private static final Migration ACCOUNTS = migration(op -> {
        op.createTable("account", Column.of("id", Type.BIGINT).primaryKey(), Column.of("email", Type.varchar(100)));
        op.bulkInsert(BulkInsert.into("account").column("id", Type.BIGINT).column("email", Type.varchar(100))
                .row(1L, "ada@example.com").row(2L, "grace@example.com"));
    }, op -> op.dropTable("account"));

    private static final Migration INDEX = migration(op -> {
        op.execute("UPDATE account SET email = upper(email) WHERE id = ?", 2L);
        op.autocommitBlock(() -> op.createIndex("ix_account_email", "account",
                ix -> ix.columns("email").unique().concurrently().ifNotExists()));
        op.execute("UPDATE account SET email = ? WHERE id = ?", "ada@example.org", 1L);
    }, op -> op.autocommitBlock(() -> op.dropIndex("ix_account_email", "account", ix -> ix.concurrently().ifExists())));

    private static List<String> column(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            var values = new java.util.ArrayList<String>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgradesAndDowngradesThroughAnAutocommitBlock(String kind) throws SQLException {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = Migrator.builder(MigrationRegistry.of("com.example.migrations", List.of(
                    revision("aaaa00000001", null, ACCOUNTS), revision("aaaa00000002", "aaaa00000001", INDEX))))
                    .dataSource(db.dataSource()).build();

            migrator.upgrade("head");

            assertThat(column(db, "SELECT email FROM account ORDER BY id"))
                    .containsExactly("ada@example.org", "GRACE@EXAMPLE.COM");
            assertThat(column(db, "SELECT version_num FROM retort_version")).containsExactly("aaaa00000002");
            assertThatThrownBy(() -> db.execute("INSERT INTO account (id, email) VALUES (3, 'ada@example.org')"))
                    .hasMessageMatching("(?is).*ix_account_email.*");

            migrator.downgrade("aaaa00000001");
            db.execute("INSERT INTO account (id, email) VALUES (3, 'ada@example.org')");
            assertThat(column(db, "SELECT version_num FROM retort_version")).containsExactly("aaaa00000001");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailureAfterTheBlockKeepsTheBlocksWorkAndTheOldVersion(String kind) throws SQLException {
        Migration failing = migration(op -> {
            op.execute("UPDATE account SET email = ? WHERE id = ?", "before@example.com", 1L);
            op.autocommitBlock(() -> op.createIndex("ix_account_email", "account",
                    ix -> ix.columns("email").concurrently().ifNotExists()));
            op.execute("UPDATE account SET email = ? WHERE id = ?", "after@example.com", 2L);
            op.execute("INSERT INTO missing_table VALUES (1)");
        }, op -> { });
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = Migrator.builder(MigrationRegistry.of("com.example.migrations", List.of(
                    revision("aaaa00000001", null, ACCOUNTS), revision("aaaa00000002", "aaaa00000001", failing))))
                    .dataSource(db.dataSource()).build();

            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("aaaa00000002")
                    // The message says what the block committed and what was rolled back.
                    .hasMessageContaining("\nStayed: [UPDATE account SET email = ? WHERE id = ?]; [CREATE INDEX")
                    .hasMessageContaining("\nRolled back: [UPDATE account SET email = ? WHERE id = ?]\n");

            // The work before the block was committed by it, the index built in it stays, the rest rolled back.
            assertThat(column(db, "SELECT email FROM account ORDER BY id"))
                    .containsExactly("before@example.com", "grace@example.com");
            assertThat(column(db, "SELECT version_num FROM retort_version")).containsExactly("aaaa00000001");
            // The block was written to run again: the retry gets as far as the same failure, not an index clash.
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class)
                    .hasMessageMatching("(?is).*missing_table.*");
        }
    }
}
