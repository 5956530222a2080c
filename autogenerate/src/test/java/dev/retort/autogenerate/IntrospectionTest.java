package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import dev.retort.testing.CountingDataSource;
import dev.retort.testing.LiveOperations;
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
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void readsTablesColumnsConstraintsIndexesAndComments(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            var op = LiveOperations.on(dialect, connection);
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
                    Column.of("weight", Type.REAL),
                    Column.of("currency", Type.character(3)),
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
                    Column.of("weight", Type.REAL),
                    Column.of("currency", Type.character(3)),
                    Column.of("token", Type.UUID),
                    Column.of("profile", Type.JSON),
                    Column.of("avatar", Type.BINARY),
                    Column.of("small", Type.SMALLINT),
                    Column.of("count", Type.INTEGER));
            assertThat(account.primaryKey().orElseThrow().columns()).containsExactly("id");
            // A hand-written CHAR is CHAR(1); a 4-byte float is FLOAT on MariaDB, where REAL means DOUBLE.
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE codes (id INT PRIMARY KEY, flag CHAR, rate "
                        + (kind.equals("mariadb") ? "FLOAT" : "REAL") + ")");
            }
            Table codes = Introspection.read(connection, dialect).table("codes").orElseThrow();
            assertThat(codes.column("flag").orElseThrow().type()).isEqualTo(Type.character(1));
            assertThat(codes.column("rate").orElseThrow().type()).isEqualTo(Type.REAL);
            if (kind.equals("mariadb")) {
                // A boolean as Hibernate declares it there, BIT(1), reads back as BOOLEAN; wider bits do not.
                try (var statement = connection.createStatement()) {
                    statement.executeUpdate("CREATE TABLE flags (id INT PRIMARY KEY, active BIT(1), mask BIT(8))");
                }
                Table flags = Introspection.read(connection, dialect).table("flags").orElseThrow();
                assertThat(flags.column("active").orElseThrow().type()).isEqualTo(Type.BOOLEAN);
                assertThat(flags.column("mask").orElseThrow().type()).isEqualTo(Type.raw("bit(8)"));
                // MariaDB keeps a unique index and a unique constraint as the same unique key.
                assertThat(account.uniqueConstraints()).containsExactly(
                        UniqueConstraint.of("name").named("ix_account_name"),
                        UniqueConstraint.of("email").named("uq_account_email"));
                assertThat(account.indexes()).isEmpty();
            } else {
                assertThat(account.uniqueConstraints()).containsExactly(
                        UniqueConstraint.of("email").named("uq_account_email"));
                assertThat(account.indexes()).containsExactly(Index.uniqueOf("ix_account_name", "name"));
            }
            assertThat(account.checkConstraints()).extracting(CheckConstraint::name)
                    .containsExactly(Optional.of("ck_account_balance"));
            assertThat(account.checkConstraints().get(0).condition()).containsIgnoringCase("balance");
            assertThat(account.comment()).contains("Customers");

            Table orders = metadata.table("orders").orElseThrow();
            // MariaDB names every primary key PRIMARY, whatever it was given.
            assertThat(orders.primaryKey().orElseThrow()).isEqualTo(kind.equals("mariadb")
                    ? dev.retort.runtime.schema.PrimaryKey.of("id")
                    : dev.retort.runtime.schema.PrimaryKey.of("id").named("pk_orders"));
            assertThat(orders.indexes()).containsExactly(Index.of("ix_orders_placed", "placed_at", "account_id"));
            assertThat(orders.foreignKeys()).containsExactly(ForeignKey.of(List.of("account_id"), "account",
                    List.of("id")).onDelete(ReferentialAction.CASCADE).named("fk_orders_account"));
            assertThat(orders.uniqueConstraints()).isEmpty();
            assertThat(orders.comment()).isEmpty();
        }
    }

    /**
     * Only the configured version table's own {@code _lock} and {@code _journal} are the
     * migrator's: a user's {@code audit_journal}, or the journal of another version table, is
     * the user's schema and must be read (and so compared) like any table.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void hidesOnlyTheConfiguredVersionTablesLockAndJournal(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            Dialect dialect = Dialects.detect(connection);
            for (String table : List.of("retort_version", "retort_version_lock", "retort_version_journal",
                    "app_version", "app_version_lock", "app_version_journal", "audit_journal", "seat_lock",
                    "retort_version_journal_old")) {
                statement.executeUpdate("CREATE TABLE " + table + " (id INTEGER)");
            }

            assertThat(Introspection.read(connection, dialect).tables()).extracting(Table::name)
                    .containsExactlyInAnyOrder("app_version", "app_version_lock", "app_version_journal",
                            "audit_journal", "seat_lock", "retort_version_journal_old");
            assertThat(Introspection.read(connection, dialect, null, "app_version").tables()).extracting(Table::name)
                    .containsExactlyInAnyOrder("retort_version", "retort_version_lock", "retort_version_journal",
                            "audit_journal", "seat_lock", "retort_version_journal_old");
        }
    }

    /** An attached SQLite database is read through the pragmas too, its name bound as their schema argument. */
    @org.junit.jupiter.api.Test
    void readsAnAttachedSqliteSchema() throws Exception {
        java.nio.file.Path aux = java.nio.file.Files.createTempFile("retort_aux_", ".sqlite");
        try (TestDatabase db = TestDatabases.open("sqlite"); Connection connection = db.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ATTACH DATABASE '" + aux + "' AS \"a'ux\"");
            statement.execute("CREATE TABLE \"a'ux\".items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    + "parent_id INTEGER REFERENCES items (id))");
            statement.execute("CREATE UNIQUE INDEX \"a'ux\".ix_items_name ON items (name)");
            statement.execute("CREATE TABLE main_only (id INTEGER)");

            Metadata read = Introspection.read(connection, Dialects.detect(connection), "a'ux", "retort_version");

            assertThat(read.tables()).extracting(t -> t.name()).containsExactly("items");
            var items = read.table("items").orElseThrow();
            assertThat(items.columns()).extracting(c -> c.name()).containsExactly("id", "name", "parent_id");
            assertThat(items.indexes()).extracting(ix -> ix.name()).contains("ix_items_name");
            assertThat(items.foreignKeys()).hasSize(1);
            statement.execute("DETACH DATABASE \"a'ux\"");
        } finally {
            java.nio.file.Files.deleteIfExists(aux);
        }
    }

    /**
     * SQLite keeps no comments and adds constraints only with the table, so the schema is
     * created in one go; types come back as the portable types its dialect writes them.
     */
    @org.junit.jupiter.api.Test
    void readsASqliteSchemaThroughItsPragmas() throws Exception {
        try (TestDatabase db = TestDatabases.open("sqlite"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            var op = LiveOperations.on(dialect, connection);
            op.createTable("account", List.of(
                    Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                    Column.of("email", Type.varchar(200)).notNull(),
                    Column.of("name", Type.TEXT).unique(),
                    Column.of("balance", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)),
                    Column.of("status", Type.varchar(20)).notNull().serverDefault("new"),
                    Column.of("active", Type.BOOLEAN).serverDefault(Expr.literal(true)),
                    Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
                    Column.of("seen_at", Type.TIMESTAMP_TZ),
                    Column.of("opens", Type.TIME),
                    Column.of("born", Type.DATE),
                    Column.of("score", Type.DOUBLE),
                    Column.of("weight", Type.REAL),
                    Column.of("currency", Type.character(3)),
                    Column.of("token", Type.UUID),
                    Column.of("profile", Type.JSON),
                    Column.of("avatar", Type.BINARY),
                    Column.of("small", Type.SMALLINT),
                    Column.of("count", Type.INTEGER)),
                    t -> t.constraint(TableConstraint.unique("email").named("uq_account_email"))
                            .constraint(TableConstraint.check("balance >= 0").named("ck_account_balance")));
            op.createTable("orders", List.of(
                    Column.of("id", Type.BIGINT).notNull(),
                    Column.of("account_id", Type.BIGINT).notNull(),
                    Column.of("placed_at", Type.TIMESTAMP)),
                    t -> t.constraint(TableConstraint.primaryKey("id").named("pk_orders"))
                            .constraint(TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id"))
                                    .onDelete(ReferentialAction.CASCADE).named("fk_orders_account")));
            op.createIndex("ix_orders_placed", "orders", "placed_at", "account_id");
            op.createUniqueIndex("ix_account_born", "account", "born");
            op.execute("CREATE INDEX ix_orders_late ON orders (placed_at) WHERE placed_at > '2020-01-01'");
            op.execute("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL)");
            op.execute("CREATE TABLE retort_version_lock (id INTEGER)");

            Metadata metadata = Introspection.read(connection, dialect);

            assertThat(metadata.tables()).extracting(Table::name).containsExactly("account", "orders");
            Table account = metadata.table("account").orElseThrow();
            assertThat(account.columns()).containsExactly(
                    Column.of("id", Type.BIGINT).notNull().autoIncrement(),
                    Column.of("email", Type.varchar(200)).notNull(),
                    Column.of("name", Type.TEXT),
                    Column.of("balance", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0L)),
                    Column.of("status", Type.varchar(20)).notNull().serverDefault("new"),
                    Column.of("active", Type.BOOLEAN).serverDefault(Expr.literal(true)),
                    Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
                    Column.of("seen_at", Type.TIMESTAMP_TZ),
                    Column.of("opens", Type.TIME),
                    Column.of("born", Type.DATE),
                    Column.of("score", Type.DOUBLE),
                    Column.of("weight", Type.REAL),
                    Column.of("currency", Type.character(3)),
                    Column.of("token", Type.UUID),
                    Column.of("profile", Type.TEXT), // SQLite's dialect writes JSON as TEXT
                    Column.of("avatar", Type.BINARY),
                    Column.of("small", Type.SMALLINT),
                    Column.of("count", Type.INTEGER));
            assertThat(account.primaryKey().orElseThrow().columns()).containsExactly("id");
            assertThat(account.uniqueConstraints()).containsExactlyInAnyOrder(UniqueConstraint.of("name"),
                    UniqueConstraint.of("email").named("uq_account_email"));
            assertThat(account.indexes()).containsExactly(Index.uniqueOf("ix_account_born", "born"));
            assertThat(account.checkConstraints()).containsExactly(
                    CheckConstraint.of("balance >= 0").named("ck_account_balance"));
            assertThat(account.comment()).isEmpty();

            Table orders = metadata.table("orders").orElseThrow();
            assertThat(orders.primaryKey().orElseThrow().columns()).containsExactly("id");
            // The partial index comes back with its predicate, as the CREATE INDEX statement wrote it.
            assertThat(orders.indexes()).containsExactly(
                    Index.of("ix_orders_late", "placed_at").where("placed_at > '2020-01-01'"),
                    Index.of("ix_orders_placed", "placed_at", "account_id"));
            assertThat(orders.foreignKeys()).containsExactly(ForeignKey.of(List.of("account_id"), "account",
                    List.of("id")).onDelete(ReferentialAction.CASCADE).named("fk_orders_account"));
        }
    }

    /**
     * Sequences come back with their start and increment, not those behind identity or
     * serial columns, and never as tables; on H2 and PostgreSQL they ride on the tables'
     * query, on MariaDB each costs one query for its start and increment.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void readsSequencesButNotThoseOfIdentityColumns(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind)) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            try (Connection connection = counting.getConnection()) {
                Dialect dialect = Dialects.detect(connection);
                var op = LiveOperations.on(dialect, connection);
                op.createTable("account", Column.of("id", Type.BIGINT).primaryKey().autoIncrement());
                if (kind.equals("postgresql")) {
                    op.execute("CREATE TABLE legacy (id SERIAL PRIMARY KEY)");
                }
                int before = counting.executed().size();
                Metadata withoutSequences = Introspection.read(connection, dialect);
                int queriesWithout = counting.executed().size() - before;
                assertThat(withoutSequences.sequences()).isEmpty();

                op.createSequence("account_seq", s -> s.incrementBy(50));
                op.createSequence("invoice_number", s -> s.startWith(1000));
                before = counting.executed().size();
                Metadata metadata = Introspection.read(connection, dialect);
                int queriesWith = counting.executed().size() - before;

                assertThat(metadata.sequences()).containsExactly(Sequence.of("account_seq").incrementBy(50),
                        Sequence.of("invoice_number").startWith(1000));
                assertThat(metadata.sequence("account_seq")).hasValue(Sequence.of("account_seq").incrementBy(50));
                assertThat(metadata.tables()).extracting(Table::name)
                        .containsExactlyElementsOf(kind.equals("postgresql") ? List.of("account", "legacy")
                                : List.of("account"));
                assertThat(queriesWith).isEqualTo(queriesWithout + (kind.equals("mariadb") ? 2 : 0));
            }
        }
    }

    /**
     * SQLite has no catalogue to join, but its table-valued pragma functions joined to
     * {@code sqlite_master} read every table at once: the count of statements stays flat.
     */
    @org.junit.jupiter.api.Test
    void readsAThousandSqliteTablesInAFewQueries() throws Exception {
        int tables = 1000;
        try (TestDatabase db = TestDatabases.open("sqlite")) {
            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (int i = 0; i < tables; i++) {
                    statement.addBatch("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL,"
                            + " parent_id INTEGER" + (i > 0 ? " REFERENCES t" + (i - 1) : "") + ", owner_id INTEGER"
                            + ", CONSTRAINT uq_t" + i + " UNIQUE (name)"
                            + (i > 0 ? ", CONSTRAINT fk_t" + i + " FOREIGN KEY (owner_id) REFERENCES t" + (i - 1)
                                    + " (id) ON DELETE CASCADE" : "")
                            + ", CONSTRAINT ck_t" + i + " CHECK (id > 0))");
                    statement.addBatch("CREATE INDEX ix_t" + i + " ON t" + i + " (parent_id, name)");
                    statement.addBatch("CREATE INDEX ix_t" + i + "_lower ON t" + i + " (lower(name))");
                }
                statement.executeBatch();
                connection.commit();
                connection.setAutoCommit(true);
            }
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            Metadata metadata;
            try (Connection connection = counting.getConnection()) {
                metadata = Introspection.read(connection, Dialects.detect(connection));
            }
            assertThat(metadata.tables()).hasSize(tables);
            int middle = tables / 2;
            Table inTheMiddle = metadata.table("t" + middle).orElseThrow();
            assertThat(inTheMiddle.columns()).containsExactly(Column.of("id", Type.INTEGER).notNull(),
                    Column.of("name", Type.varchar(20)).notNull(), Column.of("parent_id", Type.INTEGER),
                    Column.of("owner_id", Type.INTEGER));
            assertThat(inTheMiddle.primaryKey().orElseThrow().columns()).containsExactly("id");
            // The index on an expression comes back from its CREATE INDEX statement, in no extra query.
            assertThat(inTheMiddle.indexes()).containsExactly(Index.of("ix_t" + middle, "parent_id", "name"),
                    Index.builder("ix_t" + middle + "_lower").expression("lower(name)").build());
            assertThat(inTheMiddle.uniqueConstraints()).containsExactly(
                    UniqueConstraint.of("name").named("uq_t" + middle));
            assertThat(inTheMiddle.checkConstraints()).containsExactly(
                    CheckConstraint.of("id > 0").named("ck_t" + middle));
            // The column's own REFERENCES names no columns: it reads as the referent's primary key.
            assertThat(inTheMiddle.foreignKeys()).containsExactlyInAnyOrder(
                    ForeignKey.of(List.of("parent_id"), "t" + (middle - 1), List.of("id")),
                    ForeignKey.of(List.of("owner_id"), "t" + (middle - 1), List.of("id"))
                            .onDelete(ReferentialAction.CASCADE).named("fk_t" + middle));
            assertThat(counting.executed()).hasSizeLessThanOrEqualTo(6);
        }
    }

    /** PostgreSQL cannot drop a schema of 1,000 tables in one transaction (max_locks_per_transaction). */
    private static void dropInSmallTransactions(TestDatabase db, int tables) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (int i = tables - 1; i >= 0; i--) {
                statement.execute("DROP TABLE t" + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void readsAThousandTablesInAFewQueries(String kind) throws Exception {
        // MariaDB creates a table in about 80 ms here: 300 tables keep the test near 25 s and
        // still show that the number of queries does not grow with the tables.
        int tables = kind.equals("mariadb") ? 300 : 1000;
        try (TestDatabase db = TestDatabases.open(kind)) {
            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (int i = 0; i < tables; i++) {
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
            assertThat(metadata.tables()).hasSize(tables);
            int middle = tables / 2;
            Table inTheMiddle = metadata.table("t" + middle).orElseThrow();
            assertThat(inTheMiddle.indexes()).containsExactly(Index.of("ix_t" + middle, "parent_id"));
            assertThat(inTheMiddle.uniqueConstraints()).extracting(UniqueConstraint::columns)
                    .containsExactly(List.of("name"));
            assertThat(inTheMiddle.foreignKeys()).extracting(ForeignKey::referentTable)
                    .containsExactly("t" + (middle - 1));
            assertThat(counting.executed()).hasSizeLessThanOrEqualTo(6);
            dropInSmallTransactions(db, tables);
        }
    }
}
