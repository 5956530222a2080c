package dev.retort.runtime.offline;

import static dev.retort.runtime.offline.OfflineRevisions.AUDIT;
import static dev.retort.runtime.offline.OfflineRevisions.BILLING;
import static dev.retort.runtime.offline.OfflineRevisions.MERGE;
import static dev.retort.runtime.offline.OfflineRevisions.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.OfflineSql;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.testing.SimpleDataSource;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.testing.SchemaSnapshot;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The issue's acceptance test: for each database, the script {@link Migrator#sql} writes,
 * run by that database's own client on a fresh database, gives the same schema and version
 * table as the online command on another fresh database. Each test drives the two
 * databases side by side through several commands and compares their {@link
 * SchemaSnapshot}s after every one.
 *
 * <p>Every dialect is a {@link DatabaseCase} with its own client as {@link ScriptRunner}:
 * H2's {@code RunScript}, {@code psql}, the {@code mariadb} client and {@code sqlite3}. The
 * revisions ({@link OfflineRevisions#shop()}) are written portably, as a project targeting
 * all four would: {@code existing…} hints on every column change (MariaDB rewrites a
 * column whole) and batch mode with {@code copyFrom} where SQLite must rebuild a table
 * (offline, there is no database to read the table from).
 */
class OfflineEquivalenceTest {

    /** One database kind: how to open it, the dialect scripts are written in, and its client. */
    record DatabaseCase(String kind, Supplier<Dialect> dialect, ScriptRunner runner) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<DatabaseCase> databases() {
        return Stream.of(
                new DatabaseCase("h2", H2Dialect::new, new H2ScriptRunner()),
                new DatabaseCase("postgresql", PostgresDialect::new, new PsqlScriptRunner()),
                new DatabaseCase("mariadb", MariaDbDialect::new, ClientScriptRunner.mariadb()),
                new DatabaseCase("sqlite", SqliteDialect::new, ClientScriptRunner.sqlite3()));
    }

    /** An online database and an offline one, migrated side by side. */
    private static final class Pair implements AutoCloseable {
        final DatabaseCase database;
        final TestDatabase online;
        final TestDatabase offline;
        final Migrator onlineMigrator;
        final Migrator offlineMigrator;

        Pair(DatabaseCase database, MigrationRegistry registry, Migrator.TransactionMode mode) {
            this.database = database;
            this.online = TestDatabases.open(database.kind());
            this.offline = TestDatabases.open(database.kind());
            this.onlineMigrator = Migrator.builder(registry).dataSource(online.dataSource()).transactionMode(mode)
                    .build();
            this.offlineMigrator = Migrator.builder(registry).dialect(database.dialect().get()).transactionMode(mode)
                    .build();
        }

        /** Writes a script with {@code command} and runs it on the offline database with the client. */
        void runScript(ScriptCommand command) throws Exception {
            StringBuilder script = new StringBuilder();
            command.write(offlineMigrator.sql(script));
            assertThat(script).as("the script").isNotEmpty();
            database.runner().run(offline, script.toString());
        }

        /** Asserts both databases have the same schema and version table, and returns it. */
        SchemaSnapshot assertSame() {
            // The lock table is the online migrator's own (H2 locks a row of it); a script takes no lock.
            // Nor does it keep the journal of the migration in flight (H2, MariaDB).
            SchemaSnapshot expected = snapshot(online).withoutTable(Migrator.DEFAULT_VERSION_TABLE + "_lock")
                    .withoutTable(Migrator.DEFAULT_VERSION_TABLE + "_journal");
            SchemaSnapshot actual = snapshot(offline);
            assertThat(actual).as("schema after the offline script on " + database).isEqualTo(expected);
            return actual;
        }

        /**
         * The database's schema. MariaDB's driver calls a database a catalog: read through a
         * connection that calls it a schema, so the snapshot sees this test's database only.
         */
        private static SchemaSnapshot snapshot(TestDatabase db) {
            if (db.kind().equals("mariadb")) {
                return SchemaSnapshot.read(new SimpleDataSource(db.url() + (db.url().contains("?") ? "&" : "?")
                        + "useCatalogTerm=Schema"), db.schema(), Migrator.DEFAULT_VERSION_TABLE);
            }
            return SchemaSnapshot.read(db.dataSource(), db.schema(), Migrator.DEFAULT_VERSION_TABLE);
        }

        @Override
        public void close() {
            try {
                online.close();
            } finally {
                offline.close();
            }
        }
    }

    /** Writes one script. */
    interface ScriptCommand {
        void write(OfflineSql sql);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void upgradeFromBaseToHead(DatabaseCase database) throws Exception {
        try (Pair pair = new Pair(database, OfflineRevisions.shop(), Migrator.TransactionMode.PER_MIGRATION)) {
            pair.onlineMigrator.upgrade("head");
            pair.runScript(sql -> sql.upgrade("head"));

            SchemaSnapshot snapshot = pair.assertSame();
            assertThat(snapshot.versions()).contains(List.of(MERGE));
            assertThat(names(snapshot)).containsExactly("account", "audit_entry", "orders", "retort_version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void upgradeInRangesAlongTheBranches(DatabaseCase database) throws Exception {
        try (Pair pair = new Pair(database, OfflineRevisions.shop(), Migrator.TransactionMode.PER_MIGRATION)) {
            pair.onlineMigrator.upgrade(ORDERS);
            pair.runScript(sql -> sql.upgrade(ORDERS));
            assertThat(pair.assertSame().versions()).contains(List.of(ORDERS));

            pair.onlineMigrator.upgrade(BILLING);
            pair.runScript(sql -> sql.upgrade(ORDERS.substring(0, 6) + ":" + BILLING.substring(0, 6)));
            assertThat(pair.assertSame().versions()).contains(List.of(BILLING));

            pair.onlineMigrator.upgrade("audit@" + AUDIT);
            pair.runScript(sql -> sql.upgrade("billing:audit@" + AUDIT));
            assertThat(pair.assertSame().versions()).contains(List.of(BILLING, AUDIT));

            pair.onlineMigrator.upgrade("head");
            pair.runScript(sql -> sql.upgrade(AUDIT + "," + BILLING + ":head"));
            assertThat(pair.assertSame().versions()).contains(List.of(MERGE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void downgradeFromHeadToARevisionThenToBase(DatabaseCase database) throws Exception {
        try (Pair pair = new Pair(database, OfflineRevisions.shop(), Migrator.TransactionMode.PER_MIGRATION)) {
            pair.onlineMigrator.upgrade("head");
            pair.runScript(sql -> sql.upgrade("head"));

            pair.onlineMigrator.downgrade(ORDERS);
            pair.runScript(sql -> sql.downgrade("head:" + ORDERS));
            SchemaSnapshot atOrders = pair.assertSame();
            assertThat(atOrders.versions()).contains(List.of(ORDERS));
            assertThat(names(atOrders)).containsExactly("account", "orders", "retort_version");

            pair.onlineMigrator.downgrade("base");
            pair.runScript(sql -> sql.downgrade(ORDERS + ":base"));
            SchemaSnapshot atBase = pair.assertSame();
            assertThat(atBase.versions()).contains(List.of());
            assertThat(names(atBase)).containsExactly("retort_version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void downgradeHeadToBaseInOneScript(DatabaseCase database) throws Exception {
        try (Pair pair = new Pair(database, OfflineRevisions.shop(), Migrator.TransactionMode.PER_MIGRATION)) {
            pair.onlineMigrator.upgrade("head");
            pair.runScript(sql -> sql.upgrade("head"));

            pair.onlineMigrator.downgrade("base");
            pair.runScript(sql -> sql.downgrade("head:base"));
            assertThat(pair.assertSame().versions()).contains(List.of());
        }
    }

    /** The databases with transactional DDL, where {@link Migrator.TransactionMode#ALL} is allowed. */
    static Stream<DatabaseCase> transactionalDatabases() {
        return databases().filter(database -> database.dialect().get().transactionalDdl());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactionalDatabases")
    void oneTransactionForTheWholeRun(DatabaseCase database) throws Exception {
        try (Pair pair = new Pair(database, OfflineRevisions.shop(), Migrator.TransactionMode.ALL)) {
            pair.onlineMigrator.upgrade("head");
            pair.runScript(sql -> sql.upgrade("head"));
            assertThat(pair.assertSame().versions()).contains(List.of(MERGE));

            pair.onlineMigrator.downgrade("base");
            pair.runScript(sql -> sql.downgrade("heads:base"));
            assertThat(pair.assertSame().versions()).contains(List.of());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void stampFromBaseThenFromARevision(DatabaseCase database) throws Exception {
        try (Pair pair = new Pair(database, OfflineRevisions.shop(), Migrator.TransactionMode.PER_MIGRATION)) {
            pair.onlineMigrator.stamp(BILLING, AUDIT);
            pair.runScript(sql -> sql.stamp(BILLING, AUDIT));
            assertThat(pair.assertSame().versions()).contains(List.of(BILLING, AUDIT));

            pair.onlineMigrator.stamp(ORDERS);
            pair.runScript(sql -> sql.stamp(AUDIT + "," + BILLING + ":" + ORDERS));
            SchemaSnapshot snapshot = pair.assertSame();
            assertThat(snapshot.versions()).contains(List.of(ORDERS));
            assertThat(names(snapshot)).containsExactly("retort_version");
        }
    }

    private static List<String> names(SchemaSnapshot snapshot) {
        return snapshot.tables().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
