package dev.retort.runtime.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntrospectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void readsTablesColumnsConstraintsIndexesAndComments(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            var op = new DefaultOperations(dialect, new JdbcSink(connection), connection);
            op.createTable("account", List.of(
                    Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                    Column.of("email", Type.varchar(200)).notNull().comment("Where we write"),
                    Column.of("name", Type.TEXT),
                    Column.of("balance", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)),
                    Column.of("status", Type.varchar(20)).notNull().serverDefault("new"),
                    Column.of("active", Type.BOOLEAN).serverDefault(Expr.literal(true)),
                    Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
                    Column.of("seen_at", Type.TIMESTAMP_TZ),
                    Column.of("opens", Type.TIME),
                    Column.of("born", Type.DATE),
                    Column.of("score", Type.DOUBLE),
                    Column.of("token", Type.UUID),
                    Column.of("profile", Type.JSON),
                    Column.of("avatar", Type.BINARY),
                    Column.of("small", Type.SMALLINT),
                    Column.of("count", Type.INTEGER)),
                    t -> t.constraint(TableConstraint.unique("email").named("uq_account_email"))
                            .constraint(TableConstraint.check("balance >= 0").named("ck_account_balance"))
                            .comment("Customers"));
            op.createTable("orders", List.of(
                    Column.of("id", Type.BIGINT).notNull(),
                    Column.of("account_id", Type.BIGINT).notNull(),
                    Column.of("placed_at", Type.TIMESTAMP)),
                    t -> t.constraint(TableConstraint.primaryKey("id").named("pk_orders")));
            op.createIndex("ix_orders_placed", "orders", "placed_at", "account_id");
            op.createUniqueIndex("ix_account_name", "account", "name");
            op.createForeignKey("fk_orders_account", "orders", "account", List.of("account_id"), List.of("id"),
                    fk -> fk.onDelete(ReferentialAction.CASCADE));
            op.execute("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL)");
            op.execute("CREATE TABLE retort_version_lock (id INTEGER)");

            Metadata metadata = Introspection.read(connection, dialect);

            assertThat(metadata.tables()).extracting(Table::name).containsExactly("account", "orders");
            Table account = metadata.table("account").orElseThrow();
            assertThat(account.columns()).containsExactly(
                    Column.of("id", Type.BIGINT).notNull().autoIncrement(),
                    Column.of("email", Type.varchar(200)).notNull().comment("Where we write"),
                    Column.of("name", Type.TEXT),
                    Column.of("balance", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0L)),
                    Column.of("status", Type.varchar(20)).notNull().serverDefault("new"),
                    Column.of("active", Type.BOOLEAN).serverDefault(Expr.literal(true)),
                    Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
                    Column.of("seen_at", Type.TIMESTAMP_TZ),
                    Column.of("opens", Type.TIME),
                    Column.of("born", Type.DATE),
                    Column.of("score", Type.DOUBLE),
                    Column.of("token", Type.UUID),
                    Column.of("profile", Type.JSON),
                    Column.of("avatar", Type.BINARY),
                    Column.of("small", Type.SMALLINT),
                    Column.of("count", Type.INTEGER));
            assertThat(account.primaryKey().orElseThrow().columns()).containsExactly("id");
            assertThat(account.uniqueConstraints()).containsExactly(UniqueConstraint.of("email").named("uq_account_email"));
            assertThat(account.indexes()).containsExactly(Index.uniqueOf("ix_account_name", "name"));
            assertThat(account.checkConstraints()).extracting(CheckConstraint::name)
                    .containsExactly(Optional.of("ck_account_balance"));
            assertThat(account.checkConstraints().get(0).condition()).containsIgnoringCase("balance");
            assertThat(account.comment()).contains("Customers");

            Table orders = metadata.table("orders").orElseThrow();
            assertThat(orders.primaryKey().orElseThrow()).isEqualTo(
                    dev.retort.runtime.schema.PrimaryKey.of("id").named("pk_orders"));
            assertThat(orders.indexes()).containsExactly(Index.of("ix_orders_placed", "placed_at", "account_id"));
            assertThat(orders.foreignKeys()).containsExactly(ForeignKey.of(List.of("account_id"), "account",
                    List.of("id")).onDelete(ReferentialAction.CASCADE).named("fk_orders_account"));
            assertThat(orders.uniqueConstraints()).isEmpty();
            assertThat(orders.comment()).isEmpty();
        }
    }

    /** PostgreSQL cannot drop a schema of 1,000 tables in one transaction (max_locks_per_transaction). */
    private static void dropInSmallTransactions(TestDatabase db) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (int i = 999; i >= 0; i--) {
                statement.execute("DROP TABLE t" + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void readsAThousandTablesInAFewQueries(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind)) {
            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (int i = 0; i < 1000; i++) {
                    statement.addBatch("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL,"
                            + " parent_id INTEGER" + (i > 0 ? " REFERENCES t" + (i - 1) + " (id)" : "")
                            + ", CONSTRAINT uq_t" + i + " UNIQUE (name))");
                    statement.addBatch("CREATE INDEX ix_t" + i + " ON t" + i + " (parent_id)");
                }
                statement.executeBatch();
                connection.commit();
            }
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            Metadata metadata;
            try (Connection connection = counting.getConnection()) {
                metadata = Introspection.read(connection, Dialects.detect(connection));
            }
            assertThat(metadata.tables()).hasSize(1000);
            Table t500 = metadata.table("t500").orElseThrow();
            assertThat(t500.indexes()).containsExactly(Index.of("ix_t500", "parent_id"));
            assertThat(t500.uniqueConstraints()).extracting(UniqueConstraint::columns).containsExactly(List.of("name"));
            assertThat(t500.foreignKeys()).extracting(ForeignKey::referentTable).containsExactly("t499");
            assertThat(counting.executed()).hasSizeLessThanOrEqualTo(6);
            dropInSmallTransactions(db);
        }
    }
}
