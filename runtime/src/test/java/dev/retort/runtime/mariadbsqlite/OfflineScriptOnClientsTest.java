package dev.retort.runtime.mariadbsqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.runtime.offline.ClientScriptRunner;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline proof on MariaDB and SQLite: the script {@code Migrator.sql} writes, run by
 * the database's own client ({@code mariadb}, {@code sqlite3}) on a fresh database, gives
 * the same schema, data and version table as the online upgrade and downgrade.
 */
class OfflineScriptOnClientsTest {

    interface Body {
        void run(Operations op) throws Exception;
    }

    private static RevisionDefinition revision(String id, String down, Body upgrade, Body downgrade) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(Operations op) throws Exception {
                upgrade.run(op);
            }

            @Override
            public void downgrade(Operations op) throws Exception {
                downgrade.run(op);
            }
        };
        return new RevisionDefinition(new RevisionNode(id, down == null ? List.of() : List.of(down), List.of(),
                List.of(), "revision " + id), "com.example.shop.M_" + id, () -> migration);
    }

    /** The account table after the second revision, for batch mode's copyFrom offline. */
    private static final TableDefinition ACCOUNT = TableDefinition.of(
                    Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                    Column.of("name", Type.varchar(50)).notNull(),
                    Column.of("status", Type.varchar(10)).notNull().serverDefault("new"),
                    Column.of("email", Type.varchar(200)))
            .withIndex(new TableDefinition.Index("ix_account_email", List.of("email"), true));

    static MigrationRegistry shop() {
        return MigrationRegistry.of("com.example.shop", List.of(
                revision("a1", null, op -> {
                    op.createTable("account", Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                            Column.of("name", Type.varchar(50)).notNull(),
                            Column.of("status", Type.varchar(10)).notNull().serverDefault("new"));
                    op.bulkInsert(BulkInsert.into("account").column("name", Type.varchar(50))
                            .row("ann").row("it's bob").row("back\\slash"));
                }, op -> op.dropTable("account")),
                revision("b2", "a1", op -> {
                    op.addColumn("account", Column.of("email", Type.varchar(200)));
                    op.createUniqueIndex("ix_account_email", "account", "email");
                }, op -> {
                    op.dropIndex("ix_account_email", "account");
                    op.dropColumn("account", "email");
                }),
                revision("c3", "b2", op -> {
                    op.createTable("orders", List.of(Column.of("id", Type.INTEGER).primaryKey(),
                                    Column.of("account_id", Type.BIGINT).notNull(),
                                    Column.of("placed", Type.DATE),
                                    Column.of("total", Type.numeric(10, 2)).serverDefault(Expr.literal(0))),
                            t -> t.constraint(TableConstraint.foreignKey(List.of("account_id"), "account",
                                    List.of("id")).named("fk_orders_account").onDelete(ReferentialAction.CASCADE)));
                    op.execute("INSERT INTO orders (id, account_id, placed) VALUES (?, ?, ?)", 1, 2,
                            LocalDate.of(2024, 2, 29));
                }, op -> op.dropTable("orders")),
                revision("d4", "c3", op -> op.batchAlterTable("account", batch -> batch.copyFrom(ACCOUNT)
                                .alterColumn("name", c -> c.type(Type.varchar(120)).existingNullable(false)
                                        .existingNoServerDefault())
                                .alterColumn("status", c -> c.rename("state").existingType(Type.varchar(10))
                                        .existingNullable(false).existingServerDefault(Expr.literal("new")))),
                        op -> op.batchAlterTable("account", batch -> batch.copyFrom(after(ACCOUNT))
                                .alterColumn("state", c -> c.rename("status").existingType(Type.varchar(10))
                                        .existingNullable(false).existingServerDefault(Expr.literal("new")))
                                .alterColumn("name", c -> c.type(Type.varchar(50)).existingNullable(false)
                                        .existingNoServerDefault())))));
    }

    private static TableDefinition after(TableDefinition before) {
        return TableDefinition.of(
                        Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                        Column.of("name", Type.varchar(120)).notNull(),
                        Column.of("state", Type.varchar(10)).notNull().serverDefault("new"),
                        Column.of("email", Type.varchar(200)))
                .withIndex(before.indexes().get(0));
    }

    /** What both databases must agree on: tables, columns, keys, indexes, foreign keys, rows. */
    private static String snapshot(String kind, TestDatabase db) throws SQLException {
        try (Fixture f = Fixture.on(kind, db)) {
            var out = new TreeMap<String, Object>();
            for (String table : f.tables()) {
                if (table.equals(Migrator.DEFAULT_VERSION_TABLE + "_journal")) {
                    // The online migrator's journal of the migration in flight (MariaDB); a script keeps none.
                    continue;
                }
                out.put(table + ".columns", f.columns(table));
                out.put(table + ".pk", f.primaryKey(table));
                var indexes = new TreeMap<>(f.indexes(table));
                indexes.keySet().removeIf(name -> name.startsWith("sqlite_autoindex"));
                out.put(table + ".indexes", indexes);
                out.put(table + ".fks", f.foreignKeys(table));
                out.put(table + ".rows", f.rows("SELECT * FROM " + f.q(table) + " ORDER BY 1"));
            }
            return out.toString().replace("), ", "),\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void theScriptRunByTheDatabasesClientMatchesTheOnlineUpgradeAndDowngrade(String kind) throws Exception {
        try (TestDatabase online = TestDatabases.open(kind); TestDatabase offline = TestDatabases.open(kind)) {
            Dialect dialect = kind.equals("mariadb") ? new MariaDbDialect() : new SqliteDialect();
            Migrator onlineMigrator = Migrator.builder(shop()).dataSource(online.dataSource()).build();
            Migrator offlineMigrator = Migrator.builder(shop()).dialect(dialect).build();

            onlineMigrator.upgrade("head");
            StringBuilder up = new StringBuilder();
            offlineMigrator.sql(up).upgrade("head");
            run(kind, offline, up.toString());
            assertThat(snapshot(kind, offline)).isEqualTo(snapshot(kind, online))
                    .contains("state").contains("it's bob").contains("back\\slash").contains("fk_orders_account");
            if (kind.equals("sqlite")) {
                assertThat(up).contains("BEGIN;").contains("COMMIT;").contains("_retort_tmp_account");
            } else {
                assertThat(up).doesNotContain("BEGIN;").contains("MODIFY COLUMN name VARCHAR(120) NOT NULL").contains("RENAME COLUMN status TO state");
            }

            onlineMigrator.downgrade("b2");
            StringBuilder down = new StringBuilder();
            offlineMigrator.sql(down).downgrade("d4:b2");
            run(kind, offline, down.toString());
            assertThat(snapshot(kind, offline)).isEqualTo(snapshot(kind, online)).contains("status");

            onlineMigrator.downgrade("base");
            StringBuilder base = new StringBuilder();
            offlineMigrator.sql(base).downgrade("b2:base");
            run(kind, offline, base.toString());
            assertThat(snapshot(kind, offline)).isEqualTo(snapshot(kind, online));
        }
    }

    /** Runs the script with {@code mariadb} or {@code sqlite3}, stopping at the first error. */
    private static void run(String kind, TestDatabase db, String script) throws Exception {
        (kind.equals("sqlite") ? ClientScriptRunner.sqlite3() : ClientScriptRunner.mariadb()).run(db, script);
    }
}
