package dev.retort.runtime.offline;

import static dev.retort.runtime.offline.OfflineRevisions.ACCOUNT;
import static dev.retort.runtime.offline.OfflineRevisions.ORDERS;
import static dev.retort.runtime.offline.OfflineRevisions.registry;
import static dev.retort.runtime.offline.OfflineRevisions.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.UnknownRevisionException;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text of offline scripts, and their errors: no database anywhere. */
class OfflineScriptTest {

    private static String script(Dialect dialect, Migrator.TransactionMode mode, Command command) {
        StringBuilder out = new StringBuilder();
        command.write(Migrator.builder(OfflineRevisions.small()).dialect(dialect).transactionMode(mode).build(), out);
        return out.toString();
    }

    private static String script(Dialect dialect, Command command) {
        return script(dialect, Migrator.TransactionMode.PER_MIGRATION, command);
    }

    interface Command {
        void write(Migrator migrator, StringBuilder out);
    }

    @Test
    void postgresUpgradeFromBaseWrapsEachMigrationInATransaction() {
        assertThat(script(new PostgresDialect(), (m, out) -> m.sql(out).upgrade("head"))).isEqualTo("""
                BEGIN;

                CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL, \
                CONSTRAINT retort_version_pkc PRIMARY KEY (version_num));

                -- Running upgrade  -> 1975ea83b712, create account

                CREATE TABLE account (
                    id BIGINT NOT NULL,
                    name VARCHAR(50) NOT NULL,
                    PRIMARY KEY (id)
                );

                INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');

                COMMIT;

                BEGIN;

                -- Running upgrade 1975ea83b712 -> 2b1ae634e5cd, add email

                ALTER TABLE account ADD COLUMN email VARCHAR(200);

                UPDATE retort_version SET version_num='2b1ae634e5cd' WHERE version_num='1975ea83b712';

                COMMIT;

                """);
    }

    @Test
    void postgresOneTransactionForAll() {
        assertThat(script(new PostgresDialect(), Migrator.TransactionMode.ALL, (m, out) -> m.sql(out).upgrade("head")))
                .isEqualTo("""
                BEGIN;

                CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL, \
                CONSTRAINT retort_version_pkc PRIMARY KEY (version_num));

                -- Running upgrade  -> 1975ea83b712, create account

                CREATE TABLE account (
                    id BIGINT NOT NULL,
                    name VARCHAR(50) NOT NULL,
                    PRIMARY KEY (id)
                );

                INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');

                -- Running upgrade 1975ea83b712 -> 2b1ae634e5cd, add email

                ALTER TABLE account ADD COLUMN email VARCHAR(200);

                UPDATE retort_version SET version_num='2b1ae634e5cd' WHERE version_num='1975ea83b712';

                COMMIT;

                """);
    }

    @Test
    void h2HasNoTransactionalDdlSoNoBeginOrCommit() {
        assertThat(script(new H2Dialect(), (m, out) -> m.sql(out).upgrade("head"))).isEqualTo("""
                CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL, \
                CONSTRAINT retort_version_pkc PRIMARY KEY (version_num));

                -- Running upgrade  -> 1975ea83b712, create account

                CREATE TABLE account (
                    id BIGINT NOT NULL,
                    name VARCHAR(50) NOT NULL,
                    PRIMARY KEY (id)
                );

                INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');

                -- Running upgrade 1975ea83b712 -> 2b1ae634e5cd, add email

                ALTER TABLE account ADD COLUMN email VARCHAR(200);

                UPDATE retort_version SET version_num='2b1ae634e5cd' WHERE version_num='1975ea83b712';

                """);
    }

    @Test
    void aRangeStartsFromItsStartWithoutCreatingTheVersionTable() {
        assertThat(script(new H2Dialect(), (m, out) -> m.sql(out).upgrade("1975ea:head"))).isEqualTo("""
                -- Running upgrade 1975ea83b712 -> 2b1ae634e5cd, add email

                ALTER TABLE account ADD COLUMN email VARCHAR(200);

                UPDATE retort_version SET version_num='2b1ae634e5cd' WHERE version_num='1975ea83b712';

                """);
    }

    @Test
    void downgradeToBaseDeletesTheLastRowAndKeepsTheTable() {
        assertThat(script(new PostgresDialect(), (m, out) -> m.sql(out).downgrade("head:base"))).isEqualTo("""
                BEGIN;

                -- Running downgrade 2b1ae634e5cd -> 1975ea83b712, add email

                ALTER TABLE account DROP COLUMN email;

                UPDATE retort_version SET version_num='1975ea83b712' WHERE version_num='2b1ae634e5cd';

                COMMIT;

                BEGIN;

                -- Running downgrade 1975ea83b712 -> , create account

                DROP TABLE account;

                DELETE FROM retort_version WHERE version_num='1975ea83b712';

                COMMIT;

                """);
    }

    @Test
    void versionTableNameAndSchemaAsConfigured() {
        StringBuilder out = new StringBuilder();
        Migrator.builder(OfflineRevisions.small()).dialect(new H2Dialect()).versionTable("alembic_version")
                .versionTableSchema("app").build().sql(out).upgrade(ACCOUNT);
        assertThat(out.toString()).startsWith("CREATE TABLE IF NOT EXISTS app.alembic_version (")
                .endsWith("INSERT INTO app.alembic_version (version_num) VALUES ('1975ea83b712');\n\n");
    }

    @Test
    void stampFromBaseCreatesTheTableAndInserts() {
        assertThat(script(new PostgresDialect(), (m, out) -> m.sql(out).stamp(ORDERS))).isEqualTo("""
                BEGIN;

                CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL, \
                CONSTRAINT retort_version_pkc PRIMARY KEY (version_num));

                -- Running stamp_revision  -> 2b1ae634e5cd

                INSERT INTO retort_version (version_num) VALUES ('2b1ae634e5cd');

                COMMIT;

                """);
    }

    @Test
    void stampFromAStartUpdatesOrDeletes() {
        assertThat(script(new H2Dialect(), (m, out) -> m.sql(out).stamp(ORDERS + ":" + ACCOUNT))).isEqualTo("""
                -- Running stamp_revision 2b1ae634e5cd -> 1975ea83b712

                UPDATE retort_version SET version_num='1975ea83b712' WHERE version_num='2b1ae634e5cd';

                """);
        assertThat(script(new H2Dialect(), (m, out) -> m.sql(out).stamp("head:base"))).isEqualTo("""
                -- Running stamp_revision 2b1ae634e5cd ->\s

                DELETE FROM retort_version WHERE version_num='2b1ae634e5cd';

                """);
    }

    @Test
    void executeIsWrittenAsIsAndMultiLineMessagesStayComments() {
        Migrator migrator = Migrator.builder(registry(revision("a1", List.of(), List.of(), "first line\nsecond line",
                op -> op.execute("UPDATE t SET x = 'a;b'"), op -> { }))).dialect(new H2Dialect()).build();
        StringBuilder out = new StringBuilder();
        migrator.sql(out).upgrade("a1:head");
        assertThat(out).as("a1:head has nothing to write").isEmpty();
        migrator.sql(out).upgrade("head");
        assertThat(out.toString()).endsWith("""
                -- Running upgrade  -> a1, first line
                -- second line

                UPDATE t SET x = 'a;b';

                INSERT INTO retort_version (version_num) VALUES ('a1');

                """);
    }

    @Test
    void sequencesAreWrittenAndSqliteRefusesThemBeforeWritingTheRevision() {
        var sequences = registry(revision("a1", List.of(), List.of(), "account ids",
                op -> op.createSequence("account_seq", s -> s.incrementBy(50)), op -> op.dropSequence("account_seq")));
        StringBuilder out = new StringBuilder();
        Migrator.builder(sequences).dialect(new PostgresDialect()).build().sql(out).upgrade("head");
        assertThat(out.toString()).contains("""
                -- Running upgrade  -> a1, account ids

                CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50;

                INSERT INTO retort_version (version_num) VALUES ('a1');
                """);
        StringBuilder down = new StringBuilder();
        Migrator.builder(sequences).dialect(new PostgresDialect()).build().sql(down).downgrade("a1:base");
        assertThat(down.toString()).contains("DROP SEQUENCE account_seq;");

        StringBuilder sqlite = new StringBuilder();
        assertThatThrownBy(() -> Migrator.builder(sequences).dialect(new SqliteDialect()).build().sql(sqlite)
                .upgrade("head"))
                .hasMessageContaining("a1")
                .hasStackTraceContaining("The sqlite dialect cannot run op.createSequence(");
        assertThat(sqlite.toString()).doesNotContain("SEQUENCE");
    }

    @Test
    void theResultDescribesTheScript() {
        StringBuilder out = new StringBuilder();
        MigrationResult result = Migrator.builder(OfflineRevisions.small()).dialect(new H2Dialect()).build()
                .sql(out).upgrade("head");
        assertThat(result.headsBefore()).isEmpty();
        assertThat(result.headsAfter()).containsExactly(ORDERS);
        assertThat(result.steps()).extracting(step -> step.revision()).containsExactly(ACCOUNT, ORDERS);
    }

    @Test
    void nothingToDoWritesNothing() {
        assertThat(script(new PostgresDialect(), (m, out) -> m.sql(out).upgrade("head:head"))).isEmpty();
        assertThat(script(new PostgresDialect(), (m, out) -> m.sql(out).stamp("head:head"))).isEmpty();
    }

    @Test
    void anOfflineDowngradeNeedsAStart() {
        assertThatThrownBy(() -> script(new H2Dialect(), (m, out) -> m.sql(out).downgrade("base")))
                .isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo("OFFLINE_DOWNGRADE_NEEDS_START"))
                .hasMessageContaining("head:base");
    }

    @Test
    void malformedRangesAreRefused() {
        for (String range : List.of(":head", "base:", "a:b:c", "base,1975ea83b712:head")) {
            assertThatThrownBy(() -> script(new H2Dialect(), (m, out) -> m.sql(out).upgrade(range)))
                    .as(range)
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo("INVALID_RANGE"))
                    .hasMessageContaining(range);
        }
        assertThatThrownBy(() -> script(new H2Dialect(), (m, out) -> m.sql(out).stamp("base:" + ACCOUNT, ACCOUNT + ":" + ORDERS)))
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo("INVALID_RANGE"))
                .hasMessageContaining("one start");
        assertThatThrownBy(() -> script(new H2Dialect(), (m, out) -> m.sql(out).upgrade("nope:head")))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void aMigrationThatReadsTheDatabaseCannotBeWrittenOffline() {
        Migrator migrator = Migrator.builder(registry(
                revision("a1", List.of(), List.of(), "create t", op -> op.createTable("t", Column.of("id", Type.INTEGER)),
                        op -> op.dropTable("t")),
                revision("b2", List.of("a1"), List.of(), "copy rows", op -> op.connection().createStatement(),
                        op -> { }))).dialect(new PostgresDialect()).build();
        StringBuilder out = new StringBuilder();
        assertThatThrownBy(() -> migrator.sql(out).upgrade("head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.code()).isEqualTo("MIGRATION_FAILED");
                    assertThat(e.revision()).isEqualTo("b2");
                    assertThat(e.className()).isEqualTo("com.example.shop.M_b2");
                })
                .hasMessageContaining("offline SQL")
                .hasMessageContaining("No connection while writing an offline SQL script");
        assertThat(out.toString()).contains("-- Running upgrade a1 -> b2, copy rows").doesNotContain("'b2'");
    }

    @Test
    void aFailingDestinationIsReported() {
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };
        Migrator migrator = Migrator.builder(OfflineRevisions.small()).dialect(new H2Dialect()).build();
        for (Runnable command : List.<Runnable>of(() -> migrator.sql(broken).upgrade("head"),
                () -> migrator.sql(broken).stamp("head"))) {
            assertThatThrownBy(command::run)
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo("SCRIPT_WRITE_FAILED"))
                    .hasMessageContaining("disk full");
        }
    }

    @Test
    void offlineNeedsADialectAndOnlineNeedsADataSource() {
        Migrator online = Migrator.builder(OfflineRevisions.small())
                .dataSource(dev.retort.testing.TestDatabases.h2().dataSource()).build();
        assertThatThrownBy(() -> online.sql(new StringBuilder()))
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo("DIALECT_REQUIRED"))
                .hasMessageContaining(".dialect(");

        Migrator offline = Migrator.builder(OfflineRevisions.small()).dialect(new H2Dialect()).build();
        for (Runnable command : List.<Runnable>of(() -> offline.upgrade("head"), () -> offline.downgrade("base"),
                () -> offline.stamp("head"), offline::current)) {
            assertThatThrownBy(command::run)
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo("NO_DATA_SOURCE"))
                    .hasMessageContaining("DataSource")
                    .hasMessageContaining("sql(out)");
        }
        assertThat(offline.heads()).containsExactly(ORDERS);
    }

    @Test
    void onlineCommandsRefuseRanges() {
        Migrator online = Migrator.builder(OfflineRevisions.small())
                .dataSource(dev.retort.testing.TestDatabases.h2().dataSource()).build();
        assertThatThrownBy(() -> online.upgrade("base:head"))
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo("RANGE_ONLINE"))
                .hasMessageContaining("sql(out).upgrade(\"base:head\")");
    }
}
