package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.Operations;
import dev.retort.runtime.dialect.SchemaReader.ColumnInfo;
import dev.retort.runtime.dialect.SchemaReader.ForeignKeyInfo;
import dev.retort.runtime.dialect.SchemaReader.IndexInfo;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation applied to a real database through {@link DefaultOperations}, the result
 * read back through JDBC metadata and by inserting rows, then reversed and checked gone.
 * The same assertions hold on every dialect; only type names differ, as each database
 * reports them.
 */
class OperationsConformanceTest {

    /** One database, one auto-commit connection and the operations over it. */
    static final class Fixture implements AutoCloseable {
        final TestDatabase db;
        final Connection connection;
        final Dialect dialect;
        final DefaultOperations op;
        final SchemaReader schema;
        final List<String> executed = new ArrayList<>();

        Fixture(String kind) throws SQLException {
            db = TestDatabases.open(kind);
            connection = db.dataSource().getConnection();
            dialect = Dialects.detect(connection);
            op = new DefaultOperations(dialect, sql -> {
                executed.add(sql);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }, connection);
            schema = new SchemaReader(connection, db.schema(), dialect);
        }

        boolean postgres() {
            return db.kind().equals("postgresql");
        }

        void sql(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        /** The first column of every row, in order. */
        List<Object> query(String sql) throws SQLException {
            var values = new ArrayList<Object>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        }

        void reverse(Operation operation) {
            op.run(operation.reverse().orElseThrow(() -> new AssertionError(operation + " has no reverse")));
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                db.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void detectsTheDialectOfTheConnection(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            assertThat(f.dialect.name()).isEqualTo(kind);
            // H2 commits around DDL; PostgreSQL rolls DDL back.
            assertThat(f.dialect.transactionalDdl()).isEqualTo(kind.equals("postgresql"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void createTableWithKeyDefaultsAndUniqueThenDropIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            var create = new CreateTable("account", List.of(
                    Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                    Column.of("name", Type.varchar(50)).notNull(),
                    Column.of("email", Type.varchar(200)).unique(),
                    Column.of("status", Type.varchar(20)).notNull().serverDefault("it's new"),
                    Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp())));
            f.op.run(create);

            assertThat(f.schema.tables()).containsExactly("account");
            Map<String, ColumnInfo> columns = f.schema.columns("account");
            assertThat(columns.keySet()).containsExactly("id", "name", "email", "status", "created_at");
            assertThat(columns.get("id").nullable()).isFalse();
            assertThat(columns.get("id").autoIncrement()).isTrue();
            assertThat(columns.get("name").nullable()).isFalse();
            assertThat(columns.get("name").size()).isEqualTo(50);
            assertThat(columns.get("email").nullable()).isTrue();
            assertThat(columns.get("status").defaultValue()).contains("'it''s new'");
            assertThat(columns.get("created_at").defaultValue()).containsIgnoringCase("current_timestamp");
            assertThat(f.schema.primaryKey("account")).containsExactly("id");
            assertThat(f.schema.indexes("account").values()).contains(new IndexInfo(true, List.of("email")));

            // Identity generates keys; the defaults fill what the insert leaves out.
            List<Long> keys = new ArrayList<>();
            for (String name : List.of("ann", "bob")) {
                try (PreparedStatement insert = f.connection.prepareStatement(
                        "INSERT INTO account (name) VALUES (?)", new String[] {"id"})) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                    try (ResultSet generated = insert.getGeneratedKeys()) {
                        assertThat(generated.next()).isTrue();
                        keys.add(generated.getLong(1));
                    }
                }
            }
            assertThat(keys).containsExactly(1L, 2L);
            assertThat(f.query("SELECT status FROM account WHERE id = 2")).containsExactly("it's new");
            assertThat(f.query("SELECT created_at FROM account WHERE created_at IS NULL")).isEmpty();
            // The unique column refuses a duplicate.
            f.sql("INSERT INTO account (name, email) VALUES ('c', 'c@example.com')");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, email) VALUES ('d', 'c@example.com')"))
                    .isInstanceOf(SQLException.class);

            f.reverse(create);
            assertThat(f.schema.tables()).doesNotContain("account");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void createTableWithCompositePrimaryKey(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("membership",
                    Column.of("group_id", Type.INTEGER).primaryKey(),
                    Column.of("user_id", Type.INTEGER).primaryKey(),
                    Column.of("role", Type.varchar(10)));
            assertThat(f.schema.primaryKey("membership")).containsExactly("group_id", "user_id");
            f.op.dropTable("membership");
            assertThat(f.schema.tables()).isEmpty();
        }
    }

    /**
     * A plain lower-case name is created bare, so the database stores it in its own case
     * and SQL written without quotes, in any case, finds it; a name that needed quoting is
     * stored exactly as written and is a different table.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void plainNamesAreBareAndFoundByUnquotedSql(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("full_name", Type.varchar(20)));
            f.op.createTable("Account", Column.of("Id", Type.INTEGER).primaryKey());
            assertThat(f.executed.get(0)).startsWith("CREATE TABLE account (\n    id INTEGER");
            var stored = new ArrayList<String>();
            try (ResultSet rs = f.connection.getMetaData().getTables(null, f.db.schema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    stored.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(stored).containsExactlyInAnyOrder(f.dialect.denormalizeName("account"), "Account")
                    .contains(f.postgres() ? "account" : "ACCOUNT");
            f.sql("INSERT INTO account (id, full_name) VALUES (1, 'ann')");
            f.sql("INSERT INTO \"Account\" (\"Id\") VALUES (2)");
            assertThat(f.query("SELECT FULL_NAME FROM ACCOUNT WHERE ID = 1")).containsExactly("ann");
            assertThat(f.query("SELECT Full_Name FROM Account")).containsExactly("ann");
            assertThat(f.query("SELECT \"Id\" FROM \"Account\"")).containsExactly(2);
            assertThat(f.schema.tables()).containsExactly("Account", "account");
            assertThat(f.schema.columns("account").keySet()).containsExactly("id", "full_name");
            assertThat(f.schema.columns("Account").keySet()).containsExactly("Id");
        }
    }

    /** Odd names survive because the dialect quotes every identifier that needs it. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void quotesReservedAndOddIdentifiers(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("order",
                    Column.of("select", Type.INTEGER).primaryKey(),
                    Column.of("we\"ird", Type.varchar(10)),
                    Column.of("MixedCase", Type.INTEGER));
            assertThat(f.schema.tables()).containsExactly("order");
            assertThat(f.schema.columns("order").keySet()).containsExactly("select", "we\"ird", "MixedCase");
            f.op.createIndex("ix order", "order", "we\"ird");
            assertThat(f.schema.indexes("order")).containsKey("ix order");
            f.op.dropIndex("ix order", "order");
            f.op.renameTable("order", "group");
            assertThat(f.schema.tables()).containsExactly("group");
            f.op.dropTable("group");
            assertThat(f.schema.tables()).isEmpty();
        }
    }

    /** One column per portable type: the database reports the mapped type, and a value round-trips. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyTypeRoundTripsAValue(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            record Case(String column, Type type, String h2Name, String postgresName, Object value, Class<?> read) {
            }
            String longText = "x".repeat(20_000) + "'é";
            List<Case> cases = List.of(
                    new Case("c_integer", Type.INTEGER, "INTEGER", "int4", Integer.MAX_VALUE, Integer.class),
                    new Case("c_bigint", Type.BIGINT, "BIGINT", "int8", Long.MIN_VALUE, Long.class),
                    new Case("c_smallint", Type.SMALLINT, "SMALLINT", "int2", (short) 32767, Short.class),
                    new Case("c_boolean", Type.BOOLEAN, "BOOLEAN", "bool", true, Boolean.class),
                    new Case("c_varchar", Type.varchar(12), "CHARACTER VARYING", "varchar", "it's \"é\"", String.class),
                    new Case("c_text", Type.TEXT, "CHARACTER VARYING", "text", longText, String.class),
                    new Case("c_numeric", Type.numeric(12, 2), "NUMERIC", "numeric",
                            new BigDecimal("1234567890.12"), BigDecimal.class),
                    new Case("c_double", Type.DOUBLE, "DOUBLE PRECISION", "float8", Math.PI, Double.class),
                    new Case("c_date", Type.DATE, "DATE", "date", LocalDate.of(1999, 12, 31), LocalDate.class),
                    new Case("c_time", Type.TIME, "TIME", "time", LocalTime.of(23, 59, 58, 123_456_000), LocalTime.class),
                    new Case("c_timestamp", Type.TIMESTAMP, "TIMESTAMP", "timestamp",
                            LocalDateTime.of(2024, 2, 29, 12, 30, 45, 654_321_000), LocalDateTime.class),
                    new Case("c_timestamp_tz", Type.TIMESTAMP_TZ, "TIMESTAMP WITH TIME ZONE", "timestamptz",
                            OffsetDateTime.of(2024, 2, 29, 12, 30, 45, 0, ZoneOffset.ofHours(2)), OffsetDateTime.class),
                    new Case("c_binary", Type.BINARY, "BINARY VARYING", "bytea", new byte[] {0, 1, -1, 127}, byte[].class),
                    new Case("c_varbinary", Type.varbinary(16), "BINARY VARYING", "bytea", new byte[] {42, -42}, byte[].class),
                    new Case("c_uuid", Type.UUID, "UUID", "uuid", UUID.fromString("3f8a2b7e-1c4d-4e5f-8a9b-0c1d2e3f4a5b"),
                            UUID.class),
                    new Case("c_json", Type.JSON, "JSON", "jsonb", "{\"a\": [1, 2], \"b\": \"it's\"}", String.class),
                    new Case("c_raw", Type.raw("CHAR(3)"), "CHARACTER", "bpchar", "abc", String.class));
            var columns = new ArrayList<Column>();
            columns.add(Column.of("id", Type.INTEGER).primaryKey());
            cases.forEach(c -> columns.add(Column.of(c.column(), c.type())));
            f.op.createTable("types", columns);

            Map<String, ColumnInfo> read = f.schema.columns("types");
            for (Case c : cases) {
                assertThat(read.get(c.column()).typeName()).as(c.column())
                        .isEqualToIgnoringCase(f.postgres() ? c.postgresName() : c.h2Name());
            }
            assertThat(read.get("c_varchar").size()).isEqualTo(12);
            assertThat(read.get("c_numeric").size()).isEqualTo(12);
            assertThat(read.get("c_numeric").decimalDigits()).isEqualTo(2);

            var names = new StringBuilder("id");
            var placeholders = new StringBuilder("1");
            for (Case c : cases) {
                names.append(", ").append(c.column());
                // JSON arrives as text: H2 parses it with FORMAT JSON, PostgreSQL from an untyped parameter.
                placeholders.append(c.type().equals(Type.JSON) && !f.postgres() ? ", ? FORMAT JSON" : ", ?");
            }
            try (PreparedStatement insert = f.connection.prepareStatement(
                    "INSERT INTO types (" + names + ") VALUES (" + placeholders + ")")) {
                for (int i = 0; i < cases.size(); i++) {
                    Case c = cases.get(i);
                    if (c.type().equals(Type.JSON) && f.postgres()) {
                        insert.setObject(i + 1, c.value(), Types.OTHER);
                    } else {
                        insert.setObject(i + 1, c.value());
                    }
                }
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (Statement select = f.connection.createStatement();
                    ResultSet rs = select.executeQuery("SELECT " + names.substring(names.indexOf(",") + 2)
                            + " FROM types WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                for (int i = 0; i < cases.size(); i++) {
                    Case c = cases.get(i);
                    // pgjdbc reads jsonb only through getString.
                    Object value = c.read() == String.class ? rs.getString(i + 1) : rs.getObject(i + 1, c.read());
                    if (c.value() instanceof byte[] bytes) {
                        assertThat((byte[]) value).as(c.column()).isEqualTo(bytes);
                    } else if (c.value() instanceof OffsetDateTime time) {
                        assertThat(((OffsetDateTime) value).toInstant()).as(c.column()).isEqualTo(time.toInstant());
                    } else if (c.type().equals(Type.JSON)) {
                        assertThat(((String) value).replace(" ", "")).as(c.column())
                                .isEqualTo(((String) c.value()).replace(" ", ""));
                    } else {
                        assertThat(value).as(c.column()).isEqualTo(c.value());
                    }
                }
            }
            f.op.dropTable("types");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void serverDefaultLiteralsOfEachKindFillInserts(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("defaults",
                    Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("s", Type.varchar(20)).serverDefault(Expr.literal("o'clock")),
                    Column.of("n", Type.numeric(10, 3)).serverDefault(Expr.literal(new BigDecimal("12.500"))),
                    Column.of("i", Type.BIGINT).serverDefault(Expr.literal(-7)),
                    Column.of("d", Type.DOUBLE).serverDefault(Expr.literal(1.0e10)),
                    Column.of("b", Type.BOOLEAN).notNull().serverDefault(Expr.literal(false)),
                    Column.of("r", Type.INTEGER).serverDefault(Expr.raw("(1 + 2)")));
            f.sql("INSERT INTO defaults (id) VALUES (1)");
            try (Statement s = f.connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT s, n, i, d, b, r FROM defaults")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("o'clock");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.5");
                assertThat(rs.getLong(3)).isEqualTo(-7L);
                assertThat(rs.getDouble(4)).isEqualTo(1.0e10);
                assertThat(rs.getBoolean(5)).isFalse();
                assertThat(rs.getInt(6)).isEqualTo(3);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void addColumnFillsExistingRowsFromItsDefaultThenDropsIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("order", Column.of("id", Type.INTEGER).primaryKey());
            f.sql("INSERT INTO \"order\" (id) VALUES (1)");

            var add = new AddColumn("order", Column.of("is \"paid\"", Type.BOOLEAN).notNull().serverDefault(Expr.literal(true)));
            f.op.run(add);
            ColumnInfo added = f.schema.columns("order").get("is \"paid\"");
            assertThat(added).isNotNull();
            assertThat(added.nullable()).isFalse();
            assertThat(f.query("SELECT \"is \"\"paid\"\"\" FROM \"order\"")).containsExactly(true);

            f.op.addColumn("order", Column.of("note", Type.TEXT));
            assertThat(f.schema.columns("order").get("note").nullable()).isTrue();

            f.reverse(add);
            f.op.dropColumn("order", "note");
            assertThat(f.schema.columns("order").keySet()).containsExactly("id");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void alterColumnChangesTypeNullabilityDefaultAndName(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account",
                    Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("name", Type.varchar(50)),
                    Column.of("status", Type.varchar(10)).serverDefault("a"),
                    Column.of("amount", Type.INTEGER));
            f.sql("INSERT INTO account (id, name, amount) VALUES (1, 'ann', 5)");

            f.op.alterColumn("account", "name", c -> c.type(Type.varchar(100)).nullable(false));
            ColumnInfo name = f.schema.columns("account").get("name");
            assertThat(name.size()).isEqualTo(100);
            assertThat(name.nullable()).isFalse();
            assertThatThrownBy(() -> f.sql("INSERT INTO account (id) VALUES (2)")).isInstanceOf(SQLException.class);

            f.op.alterColumn("account", "status", c -> c.dropServerDefault());
            assertThat(f.schema.columns("account").get("status").defaultValue()).isNull();
            f.op.alterColumn("account", "status", c -> c.serverDefault("it's b"));
            f.sql("INSERT INTO account (id, name) VALUES (3, 'bob')");
            assertThat(f.query("SELECT status FROM account WHERE id = 3")).containsExactly("it's b");

            // A type change alone keeps the column's nullability and default.
            f.op.alterColumn("account", "name", c -> c.type(Type.varchar(120)));
            f.op.alterColumn("account", "status", c -> c.type(Type.varchar(30)));
            assertThat(f.schema.columns("account").get("name").nullable()).isFalse();
            f.sql("INSERT INTO account (id, name) VALUES (4, 'cy')");
            assertThat(f.query("SELECT status FROM account WHERE id = 4")).containsExactly("it's b");
            f.op.alterColumn("account", "name", c -> c.type(Type.varchar(100)));

            f.op.alterColumn("account", "amount", c -> c.type(Type.BIGINT).serverDefault(Expr.literal(0)));
            assertThat(f.schema.columns("account").get("amount").typeName())
                    .isEqualToIgnoringCase(f.postgres() ? "int8" : "BIGINT");
            assertThat(f.query("SELECT amount FROM account WHERE id = 1")).containsExactly(5L);

            // A change stated with its previous state reverses; the rename is undone too.
            AlterColumn change = AlterColumn.builder("account", "name")
                    .nullable(true).existingNullable(false)
                    .type(Type.TEXT).existingType(Type.varchar(100))
                    .rename("full_name")
                    .build();
            f.op.run(change);
            Map<String, ColumnInfo> columns = f.schema.columns("account");
            assertThat(columns).doesNotContainKey("name");
            assertThat(columns.get("full_name").nullable()).isTrue();
            assertThat(columns.get("full_name").typeName()).isEqualToIgnoringCase(f.postgres() ? "text" : "CHARACTER VARYING");
            assertThat(f.query("SELECT full_name FROM account ORDER BY id")).containsExactly("ann", "bob", "cy");

            f.reverse(change);
            columns = f.schema.columns("account");
            assertThat(columns).doesNotContainKey("full_name");
            assertThat(columns.get("name").nullable()).isFalse();
            assertThat(columns.get("name").size()).isEqualTo(100);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void renameTableAndBack(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.sql("INSERT INTO account VALUES (7)");
            var rename = new RenameTable("account", "customer");
            f.op.run(rename);
            assertThat(f.schema.tables()).containsExactly("customer");
            assertThat(f.query("SELECT id FROM customer")).containsExactly(7);
            f.reverse(rename);
            assertThat(f.schema.tables()).containsExactly("account");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void createIndexesOnSeveralColumnsThenDropThem(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("order",
                    Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("account_id", Type.INTEGER),
                    Column.of("placed_at", Type.TIMESTAMP),
                    Column.of("number", Type.varchar(20)));
            var byAccount = new CreateIndex("ix_order_account_placed", "order", List.of("account_id", "placed_at"), false);
            f.op.run(byAccount);
            f.op.createUniqueIndex("ux_order_number", "order", "number");

            Map<String, IndexInfo> indexes = f.schema.indexes("order");
            assertThat(indexes.get("ix_order_account_placed")).isEqualTo(new IndexInfo(false, List.of("account_id", "placed_at")));
            assertThat(indexes.get("ux_order_number")).isEqualTo(new IndexInfo(true, List.of("number")));
            f.sql("INSERT INTO \"order\" (id, number) VALUES (1, 'A-1')");
            assertThatThrownBy(() -> f.sql("INSERT INTO \"order\" (id, number) VALUES (2, 'A-1')"))
                    .isInstanceOf(SQLException.class);

            f.reverse(byAccount);
            f.op.dropIndex("ux_order_number");
            assertThat(f.schema.indexes("order")).doesNotContainKeys("ix_order_account_placed", "ux_order_number");
            f.sql("INSERT INTO \"order\" (id, number) VALUES (2, 'A-1')");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void createForeignKeyWithActionsThenDropIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.BIGINT).primaryKey(), Column.of("region", Type.INTEGER).notNull(),
                    Column.of("code", Type.varchar(10)).notNull());
            // H2 wants a unique constraint (not just a unique index) behind a foreign key.
            f.op.execute("ALTER TABLE account ADD CONSTRAINT uq_account_region_code UNIQUE (region, code)");
            f.op.createTable("order",
                    Column.of("id", Type.BIGINT).primaryKey(),
                    Column.of("account_id", Type.BIGINT),
                    Column.of("region", Type.INTEGER),
                    Column.of("code", Type.varchar(10)));
            var fk = CreateForeignKey.builder("fk_order_account", "order", List.of("account_id"), "account", List.of("id"))
                    .onDelete(ReferentialAction.CASCADE)
                    .build();
            f.op.run(fk);
            f.op.createForeignKey("fk_order_account_code", "order", "account", List.of("region", "code"),
                    List.of("region", "code"), o -> o.onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE));

            Map<String, ForeignKeyInfo> keys = f.schema.foreignKeys("order");
            assertThat(keys.get("fk_order_account")).isEqualTo(new ForeignKeyInfo("order", List.of("account_id"), "account",
                    List.of("id"), DatabaseMetaData.importedKeyCascade, DatabaseMetaData.importedKeyNoAction));
            assertThat(keys.get("fk_order_account_code")).isEqualTo(new ForeignKeyInfo("order", List.of("region", "code"),
                    "account", List.of("region", "code"), DatabaseMetaData.importedKeySetNull,
                    DatabaseMetaData.importedKeyCascade));

            f.sql("INSERT INTO account VALUES (1, 1, 'a')");
            f.sql("INSERT INTO \"order\" VALUES (10, 1, NULL, NULL)");
            assertThatThrownBy(() -> f.sql("INSERT INTO \"order\" VALUES (11, 99, NULL, NULL)")).isInstanceOf(SQLException.class);
            f.sql("DELETE FROM account WHERE id = 1");
            assertThat(f.query("SELECT id FROM \"order\"")).isEmpty();

            f.reverse(fk);
            f.op.dropConstraint("fk_order_account_code", "order");
            assertThat(f.schema.foreignKeys("order")).isEmpty();
            f.sql("INSERT INTO \"order\" VALUES (11, 99, 5, 'zz')");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void dropConstraintRemovesAUniqueConstraint(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(50)));
            f.op.execute("ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)");
            f.sql("INSERT INTO account VALUES (1, 'a')");
            assertThatThrownBy(() -> f.sql("INSERT INTO account VALUES (2, 'a')")).isInstanceOf(SQLException.class);
            f.op.run(new DropConstraint(java.util.Optional.empty(), "uq_account_email", "account",
                    java.util.Optional.of(dev.retort.runtime.operation.ConstraintType.UNIQUE)));
            f.sql("INSERT INTO account VALUES (2, 'a')");
            assertThat(f.query("SELECT id FROM account ORDER BY id")).hasSize(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void inSchemaQualifiesEveryName(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            Operations inSchema = f.op.inSchema(f.db.schema());
            inSchema.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(50)));
            inSchema.createTable("order", Column.of("id", Type.INTEGER).primaryKey(), Column.of("account_id", Type.INTEGER));
            inSchema.createForeignKey("fk_order_account", "order", "account", List.of("account_id"), List.of("id"));
            inSchema.createIndex("ix_account_email", "account", "email");
            inSchema.alterColumn("account", "email", c -> c.notNull());
            assertThat(f.executed).allMatch(sql -> sql.contains(f.dialect.quote(f.db.schema()) + "."), "qualified");
            assertThat(f.schema.tables()).containsExactly("account", "order");
            assertThat(f.schema.foreignKeys("order")).containsKey("fk_order_account");
            assertThat(f.schema.columns("account").get("email").nullable()).isFalse();
            inSchema.dropIndex("ix_account_email", "account");
            inSchema.dropConstraint("fk_order_account", "order");
            inSchema.renameTable("order", "purchase");
            inSchema.dropTable("purchase");
            inSchema.dropTable("account");
            assertThat(f.schema.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void executeRunsSqlAndAFailureNamesTheStatement(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.op.execute("INSERT INTO account (id) VALUES (1), (2)");
            assertThat(f.query("SELECT id FROM account ORDER BY id")).containsExactly(1, 2);
            assertThatThrownBy(() -> f.op.dropTable("missing"))
                    .isInstanceOf(StatementFailedException.class)
                    .satisfies(e -> assertThat(((StatementFailedException) e).statement()).isEqualTo("DROP TABLE missing"));
            assertThat(f.op.connection()).isSameAs(f.connection);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anOperationTheDialectCannotRenderFailsBeforeAnythingRuns(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            Operation unknown = new Operation() {
                @Override
                public String toString() {
                    return "VacuumTable[account]";
                }
            };
            assertThatThrownBy(() -> f.op.run(unknown))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("VacuumTable[account]")
                    .hasMessageContaining("The " + kind + " dialect")
                    .hasMessageContaining("op.execute(sql)");
            assertThat(f.executed).isEmpty();
            assertThat(Arrays.asList(f.dialect.supportsIfExists(), f.dialect.supportsComments(),
                    f.dialect.supportsAlterColumn())).containsOnly(true);
        }
    }
}
