package dev.retort.runtime.dialects2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.runtime.dialects2.Fixture.ColumnInfo;
import dev.retort.runtime.dialects2.Fixture.ForeignKeyInfo;
import dev.retort.runtime.dialects2.Fixture.IndexInfo;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every issue-2 operation applied to a real MariaDB server database and a SQLite file,
 * read back through JDBC metadata and by using the table, then reversed. Where SQLite
 * cannot do an operation in place, the test checks the error and that batch mode does it.
 */
class Dialects2OperationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void detectsTheDialectAndItsCapabilities(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            assertThat(f.dialect.name()).isEqualTo(kind);
            assertThat(f.dialect).isInstanceOf(kind.equals("mariadb") ? MariaDbDialect.class : SqliteDialect.class);
            // MariaDB commits around DDL; SQLite rolls DDL back.
            assertThat(f.dialect.transactionalDdl()).isEqualTo(kind.equals("sqlite"));
            assertThat(f.dialect.supportsAlterColumn()).isEqualTo(kind.equals("mariadb"));
            assertThat(f.dialect.supportsComments()).isEqualTo(kind.equals("mariadb"));
        }
    }

    @Test
    void sqliteRollsBackDdlWithTheTransaction() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.connection.setAutoCommit(false);
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.connection.rollback();
            f.connection.setAutoCommit(true);
            assertThat(f.tables()).isEmpty();
        }
    }

    @Test
    void mariadbCommitsDdlEvenWhenTheTransactionRollsBack() throws SQLException {
        try (Fixture f = new Fixture("mariadb")) {
            f.connection.setAutoCommit(false);
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.connection.rollback();
            f.connection.setAutoCommit(true);
            assertThat(f.tables()).containsExactly("account");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void createTableWithKeyDefaultsAndUniqueThenDropIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            var create = new CreateTable("account", List.of(
                    Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                    Column.of("name", Type.varchar(50)).notNull(),
                    Column.of("email", Type.varchar(200)).unique(),
                    Column.of("status", Type.varchar(20)).notNull().serverDefault("it's new"),
                    Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp())));
            f.op.run(create);

            assertThat(f.tables()).containsExactly("account");
            Map<String, ColumnInfo> columns = f.columns("account");
            assertThat(columns.keySet()).containsExactly("id", "name", "email", "status", "created_at");
            assertThat(columns.get("id").nullable()).isFalse();
            assertThat(columns.get("id").autoIncrement()).isTrue();
            assertThat(columns.get("name").nullable()).isFalse();
            assertThat(columns.get("email").nullable()).isTrue();
            assertThat(columns.get("status").defaultValue()).contains("it");
            assertThat(columns.get("created_at").defaultValue()).containsIgnoringCase("current_timestamp");
            assertThat(f.primaryKey("account")).containsExactly("id");
            assertThat(f.indexes("account").values()).contains(new IndexInfo(true, List.of("email")));
            if (f.is("mariadb")) {
                assertThat(columns.get("name").size()).isEqualTo(50);
            }

            List<Long> keys = new ArrayList<>();
            for (String name : List.of("ann", "bob")) {
                try (PreparedStatement insert = f.connection.prepareStatement(
                        "INSERT INTO account (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
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
            f.sql("INSERT INTO account (name, email) VALUES ('c', 'c@example.com')");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, email) VALUES ('d', 'c@example.com')"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> f.sql("INSERT INTO account (email) VALUES ('e@example.com')"))
                    .as("name is NOT NULL").isInstanceOf(SQLException.class);

            f.reverse(create);
            assertThat(f.tables()).doesNotContain("account");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void createTableWithCompositePrimaryKey(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("membership",
                    Column.of("group_id", Type.INTEGER).primaryKey(),
                    Column.of("user_id", Type.INTEGER).primaryKey(),
                    Column.of("role", Type.varchar(10)));
            assertThat(f.primaryKey("membership")).containsExactly("group_id", "user_id");
            f.sql("INSERT INTO membership VALUES (1, 1, 'a')");
            assertThatThrownBy(() -> f.sql("INSERT INTO membership VALUES (1, 1, 'b')")).isInstanceOf(SQLException.class);
            f.op.dropTable("membership");
            assertThat(f.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void quotesReservedAndOddIdentifiersAndLeavesPlainOnesBare(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("order",
                    Column.of("select", Type.INTEGER).primaryKey(),
                    Column.of(kind.equals("mariadb") ? "we`ird" : "we\"ird", Type.varchar(10)),
                    Column.of("MixedCase", Type.INTEGER),
                    Column.of("plain_name", Type.INTEGER));
            String odd = kind.equals("mariadb") ? "we`ird" : "we\"ird";
            assertThat(f.executed.get(0)).contains(kind.equals("mariadb") ? "`order`" : "\"order\"")
                    .contains(" plain_name INTEGER");
            assertThat(f.tables()).containsExactly("order");
            assertThat(f.columns("order").keySet()).containsExactly("select", odd, "MixedCase", "plain_name");
            f.op.createIndex("ix order", "order", odd);
            assertThat(f.indexes("order")).containsKey("ix order");
            f.op.dropIndex("ix order", "order");
            assertThat(f.indexes("order")).doesNotContainKey("ix order");
            f.op.renameTable("order", "group");
            assertThat(f.tables()).containsExactly("group");
            f.sql("INSERT INTO " + f.q("group") + " (" + f.q("select") + ", plain_name) VALUES (1, 2)");
            assertThat(f.query("SELECT plain_name FROM " + f.q("group"))).hasSize(1);
            f.op.dropTable("group");
            assertThat(f.tables()).isEmpty();
        }
    }

    /** One column per portable type: the database reports the mapped type, and a value round-trips. */
    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void everyTypeRoundTripsAValue(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            record Case(String column, Type type, String mariadbName, String sqliteName, Object value) {
            }
            String longText = "x".repeat(70_000) + "'é";
            List<Case> cases = List.of(
                    new Case("c_integer", Type.INTEGER, "INT", "INTEGER", Integer.MAX_VALUE),
                    new Case("c_bigint", Type.BIGINT, "BIGINT", "BIGINT", Long.MIN_VALUE),
                    new Case("c_smallint", Type.SMALLINT, "SMALLINT", "SMALLINT", (short) 32767),
                    new Case("c_boolean", Type.BOOLEAN, "BOOLEAN", "BOOLEAN", true),
                    new Case("c_varchar", Type.varchar(12), "VARCHAR", "VARCHAR", "it's \"é\""),
                    new Case("c_text", Type.TEXT, "LONGTEXT", "TEXT", longText),
                    new Case("c_numeric", Type.numeric(12, 2), "DECIMAL", "NUMERIC", new BigDecimal("1234567890.12")),
                    new Case("c_double", Type.DOUBLE, "DOUBLE", "DOUBLE", Math.PI),
                    new Case("c_date", Type.DATE, "DATE", "DATE", LocalDate.of(1999, 12, 31)),
                    new Case("c_time", Type.TIME, "TIME", "TIME", LocalTime.of(23, 59, 58, 123_456_000)),
                    new Case("c_timestamp", Type.TIMESTAMP, "DATETIME", "TIMESTAMP",
                            LocalDateTime.of(2024, 2, 29, 12, 30, 45, 654_321_000)),
                    new Case("c_timestamp_tz", Type.TIMESTAMP_TZ, "TIMESTAMP", "TIMESTAMP WITH TIME ZONE",
                            OffsetDateTime.of(2024, 2, 29, 12, 30, 45, 0, ZoneOffset.ofHours(2))),
                    new Case("c_binary", Type.BINARY, "LONGBLOB", "BLOB", new byte[] {0, 1, -1, 127}),
                    new Case("c_varbinary", Type.varbinary(16), "VARBINARY", "BLOB", new byte[] {42, -42}),
                    new Case("c_uuid", Type.UUID, "UUID", "CHAR",
                            UUID.fromString("3f8a2b7e-1c4d-4e5f-8a9b-0c1d2e3f4a5b")),
                    new Case("c_json", Type.JSON, "LONGTEXT", "TEXT", "{\"a\": [1, 2], \"b\": \"it's\"}"),
                    new Case("c_raw", Type.raw("CHAR(3)"), "CHAR", "CHAR", "abc"));
            var columns = new ArrayList<Column>();
            columns.add(Column.of("id", Type.INTEGER).primaryKey());
            cases.forEach(c -> columns.add(Column.of(c.column(), c.type())));
            f.op.createTable("types", columns);

            Map<String, ColumnInfo> read = f.columns("types");
            for (Case c : cases) {
                assertThat(read.get(c.column()).typeName()).as(c.column())
                        .startsWithIgnoringCase(f.is("mariadb") ? c.mariadbName() : c.sqliteName());
            }
            var names = new StringBuilder("id");
            var placeholders = new StringBuilder("1");
            for (Case c : cases) {
                names.append(", ").append(c.column());
                placeholders.append(", ?");
            }
            try (PreparedStatement insert = f.connection.prepareStatement(
                    "INSERT INTO types (" + names + ") VALUES (" + placeholders + ")")) {
                for (int i = 0; i < cases.size(); i++) {
                    Object value = cases.get(i).value();
                    // SQLite stores what the driver writes: temporal values and UUIDs go in as ISO text.
                    boolean asText = f.is("sqlite") && (value instanceof java.time.temporal.Temporal || value instanceof UUID)
                            || f.is("mariadb") && value instanceof UUID;
                    if (value instanceof OffsetDateTime time && f.is("mariadb")) {
                        insert.setObject(i + 1, time);
                    } else {
                        insert.setObject(i + 1, asText ? value.toString() : value);
                    }
                }
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (Statement select = f.connection.createStatement();
                    ResultSet rs = select.executeQuery("SELECT " + names.substring(4) + " FROM types WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                for (int i = 0; i < cases.size(); i++) {
                    Case c = cases.get(i);
                    Object expected = c.value();
                    int index = i + 1;
                    if (expected instanceof byte[] bytes) {
                        assertThat(rs.getBytes(index)).as(c.column()).isEqualTo(bytes);
                    } else if (expected instanceof OffsetDateTime time) {
                        OffsetDateTime value = f.is("mariadb") ? rs.getObject(index, OffsetDateTime.class)
                                : OffsetDateTime.parse(rs.getString(index));
                        assertThat(value.toInstant()).as(c.column()).isEqualTo(time.toInstant());
                    } else if (expected instanceof BigDecimal decimal) {
                        assertThat(rs.getBigDecimal(index)).as(c.column()).isEqualByComparingTo(decimal);
                    } else if (expected instanceof Boolean bool) {
                        assertThat(rs.getBoolean(index)).as(c.column()).isEqualTo(bool);
                    } else if (expected instanceof Number number) {
                        assertThat(rs.getLong(index)).as(c.column()).isEqualTo(number.longValue());
                    } else if (expected instanceof Double d) {
                        assertThat(rs.getDouble(index)).as(c.column()).isEqualTo(d);
                    } else if (expected instanceof LocalTime || expected instanceof LocalDate
                            || expected instanceof LocalDateTime) {
                        Object value = f.is("mariadb") ? rs.getObject(index, expected.getClass()) : rs.getString(index);
                        assertThat(value.toString()).as(c.column()).isEqualTo(expected.toString());
                    } else {
                        assertThat(rs.getString(index)).as(c.column()).isEqualTo(expected.toString());
                    }
                }
            }
            if (f.is("mariadb")) {
                // MariaDB's JSON carries CHECK (json_valid(…)).
                assertThatThrownBy(() -> f.sql("INSERT INTO types (id, c_json) VALUES (2, 'not json')"))
                        .isInstanceOf(SQLException.class);
            }
            f.op.dropTable("types");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void serverDefaultLiteralsOfEachKindFillInserts(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("defaults",
                    Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("s", Type.varchar(20)).serverDefault(Expr.literal("o'clock")),
                    Column.of("n", Type.numeric(10, 3)).serverDefault(Expr.literal(new BigDecimal("12.500"))),
                    Column.of("i", Type.BIGINT).serverDefault(Expr.literal(-7)),
                    Column.of("d", Type.DOUBLE).serverDefault(Expr.literal(1.0e10)),
                    Column.of("b", Type.BOOLEAN).notNull().serverDefault(Expr.literal(false)),
                    Column.of("r", Type.INTEGER).serverDefault(Expr.raw("(1 + 2)")),
                    Column.of("t", Type.TIMESTAMP_TZ).serverDefault(Expr.currentTimestamp()));
            f.sql("INSERT INTO defaults (id) VALUES (1)");
            try (Statement s = f.connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT s, n, i, d, b, r, t FROM defaults")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("o'clock");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.5");
                assertThat(rs.getLong(3)).isEqualTo(-7L);
                assertThat(rs.getDouble(4)).isEqualTo(1.0e10);
                assertThat(rs.getBoolean(5)).isFalse();
                assertThat(rs.getInt(6)).isEqualTo(3);
                assertThat(rs.getString(7)).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void addColumnFillsExistingRowsFromItsDefaultThenDropsIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("order", Column.of("id", Type.INTEGER).primaryKey());
            f.sql("INSERT INTO " + f.q("order") + " (id) VALUES (1)");

            var add = new AddColumn("order", Column.of("is paid", Type.BOOLEAN).notNull().serverDefault(Expr.literal(true)));
            f.op.run(add);
            ColumnInfo added = f.columns("order").get("is paid");
            assertThat(added).isNotNull();
            assertThat(added.nullable()).isFalse();
            assertThat(f.query("SELECT " + f.q("is paid") + " FROM " + f.q("order")).get(0).toString())
                    .isIn("1", "true");

            f.op.addColumn("order", Column.of("note", Type.TEXT));
            assertThat(f.columns("order").get("note").nullable()).isTrue();

            f.reverse(add);
            f.op.dropColumn("order", "note");
            assertThat(f.columns("order").keySet()).containsExactly("id");
            assertThat(f.query("SELECT id FROM " + f.q("order"))).hasSize(1);
        }
    }

    @Test
    void sqliteRefusesToAddAColumnItCannotAndNamesBatchMode() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            for (Column column : List.of(Column.of("email", Type.varchar(20)).unique(),
                    Column.of("name", Type.varchar(20)).notNull(),
                    Column.of("at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()))) {
                assertThatThrownBy(() -> f.op.addColumn("account", column))
                        .isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The sqlite dialect cannot run AddColumn")
                        .hasMessageContaining("op.batchAlterTable(\"account\"");
            }
            assertThat(f.executed).hasSize(1);
        }
    }

    @Test
    void mariadbAltersColumnsWithTheExistingHintsAndReversesTheChange() throws SQLException {
        try (Fixture f = new Fixture("mariadb")) {
            f.op.createTable("account",
                    Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("name", Type.varchar(50)),
                    Column.of("status", Type.varchar(10)).serverDefault("a"),
                    Column.of("amount", Type.INTEGER));
            f.sql("INSERT INTO account (id, name, amount) VALUES (1, 'ann', 5)");

            f.op.alterColumn("account", "name", c -> c.type(Type.varchar(100)).nullable(false).existingNoServerDefault());
            ColumnInfo name = f.columns("account").get("name");
            assertThat(name.size()).isEqualTo(100);
            assertThat(name.nullable()).isFalse();
            assertThatThrownBy(() -> f.sql("INSERT INTO account (id) VALUES (2)")).isInstanceOf(SQLException.class);

            // Default-only changes need no hint.
            f.op.alterColumn("account", "status", c -> c.dropServerDefault());
            assertThat(f.columns("account").get("status").defaultValue()).isIn(null, "NULL");
            f.op.alterColumn("account", "status", c -> c.serverDefault("it's b"));
            f.sql("INSERT INTO account (id, name) VALUES (3, 'bob')");
            assertThat(f.query("SELECT status FROM account WHERE id = 3")).containsExactly("it's b");

            // A type change keeps nullability and default because the hints say what they are.
            f.op.alterColumn("account", "status", c -> c.type(Type.varchar(30)).existingNullable(true)
                    .existingServerDefault(Expr.literal("it's b")));
            f.sql("INSERT INTO account (id, name) VALUES (4, 'cy')");
            assertThat(f.query("SELECT status FROM account WHERE id = 4")).containsExactly("it's b");
            assertThat(f.columns("account").get("status").size()).isEqualTo(30);

            // Without them the change is refused before anything runs, naming the hint.
            int before = f.executed.size();
            assertThatThrownBy(() -> f.op.alterColumn("account", "status", c -> c.type(Type.varchar(40))))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("The mariadb dialect cannot run AlterColumn")
                    .hasMessageContaining("existingNullable");
            assertThatThrownBy(() -> f.op.alterColumn("account", "status", c -> c.nullable(false)))
                    .hasMessageContaining("existingType");
            assertThatThrownBy(() -> f.op.alterColumn("account", "status",
                    c -> c.nullable(false).existingType(Type.varchar(30))))
                    .hasMessageContaining("existingServerDefault");
            assertThat(f.executed).hasSize(before);

            f.op.alterColumn("account", "amount", c -> c.type(Type.BIGINT).serverDefault(Expr.literal(0))
                    .existingNullable(true));
            assertThat(f.columns("account").get("amount").typeName()).isEqualToIgnoringCase("BIGINT");
            assertThat(f.query("SELECT amount FROM account WHERE id = 1")).containsExactly(5L);

            AlterColumn change = AlterColumn.builder("account", "name")
                    .nullable(true).existingNullable(false)
                    .type(Type.TEXT).existingType(Type.varchar(100))
                    .existingNoServerDefault()
                    .rename("full_name")
                    .build();
            f.op.run(change);
            assertThat(f.executed.get(f.executed.size() - 1)).contains("CHANGE COLUMN name full_name LONGTEXT");
            Map<String, ColumnInfo> columns = f.columns("account");
            assertThat(columns).doesNotContainKey("name");
            assertThat(columns.get("full_name").nullable()).isTrue();
            assertThat(columns.get("full_name").typeName()).isEqualToIgnoringCase("LONGTEXT");
            assertThat(f.query("SELECT full_name FROM account ORDER BY id")).containsExactly("ann", "bob", "cy");

            f.reverse(change);
            columns = f.columns("account");
            assertThat(columns).doesNotContainKey("full_name");
            assertThat(columns.get("name").nullable()).isFalse();
            assertThat(columns.get("name").size()).isEqualTo(100);

            // A rename alone is RENAME COLUMN and needs no hint.
            f.op.alterColumn("account", "name", c -> c.rename("label"));
            assertThat(f.columns("account")).containsKey("label").doesNotContainKey("name");
            assertThat(f.columns("account").get("label").nullable()).isFalse();
        }
    }

    @Test
    void sqliteRenamesAColumnInPlaceAndSendsEveryOtherChangeToBatchMode() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("name", Type.varchar(50)));
            f.sql("INSERT INTO account VALUES (1, 'ann')");
            var rename = AlterColumn.builder("account", "name").rename("full_name").build();
            f.op.run(rename);
            assertThat(f.columns("account").keySet()).containsExactly("id", "full_name");
            f.reverse(rename);
            assertThat(f.columns("account").keySet()).containsExactly("id", "name");
            int before = f.executed.size();
            assertThatThrownBy(() -> f.op.alterColumn("account", "name", c -> c.type(Type.TEXT)))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("The sqlite dialect cannot run AlterColumn")
                    .hasMessageContaining("op.batchAlterTable(\"account\", batch -> batch.alterColumn(\"name\", c -> …))");
            assertThatThrownBy(() -> f.op.alterColumn("account", "name", c -> c.nullable(false).rename("x")))
                    .isInstanceOf(OperationNotSupportedException.class);
            assertThat(f.executed).hasSize(before);
            assertThat(f.query("SELECT name FROM account")).containsExactly("ann");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void renameTableAndBack(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.sql("INSERT INTO account VALUES (7)");
            var rename = new RenameTable("account", "customer");
            f.op.run(rename);
            assertThat(f.executed.get(1)).isEqualTo(kind.equals("mariadb")
                    ? "RENAME TABLE account TO customer" : "ALTER TABLE account RENAME TO customer");
            assertThat(f.tables()).containsExactly("customer");
            assertThat(f.query("SELECT id FROM customer")).containsExactly(7);
            f.reverse(rename);
            assertThat(f.tables()).containsExactly("account");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
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

            Map<String, IndexInfo> indexes = f.indexes("order");
            assertThat(indexes.get("ix_order_account_placed"))
                    .isEqualTo(new IndexInfo(false, List.of("account_id", "placed_at")));
            assertThat(indexes.get("ux_order_number")).isEqualTo(new IndexInfo(true, List.of("number")));
            f.sql("INSERT INTO " + f.q("order") + " (id, number) VALUES (1, 'A-1')");
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " (id, number) VALUES (2, 'A-1')"))
                    .isInstanceOf(SQLException.class);

            f.reverse(byAccount);
            f.op.dropIndex("ux_order_number", "order");
            assertThat(f.indexes("order")).doesNotContainKeys("ix_order_account_placed", "ux_order_number");
            f.sql("INSERT INTO " + f.q("order") + " (id, number) VALUES (2, 'A-1')");
        }
    }

    @Test
    void mariadbNeedsTheTableToDropAnIndex() throws SQLException {
        try (Fixture f = new Fixture("mariadb")) {
            assertThatThrownBy(() -> f.op.dropIndex("ix_account_email"))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("The mariadb dialect cannot run DropIndex")
                    .hasMessageContaining("op.dropIndex(\"ix_account_email\", \"<table>\")");
            assertThat(f.executed).isEmpty();
        }
    }

    @Test
    void mariadbCreatesForeignKeysWithActionsAndDropsEachKindOfConstraint() throws SQLException {
        try (Fixture f = new Fixture("mariadb")) {
            f.op.createTable("account", Column.of("id", Type.BIGINT).primaryKey(),
                    Column.of("region", Type.INTEGER).notNull(), Column.of("code", Type.varchar(10)).notNull(),
                    Column.of("email", Type.varchar(50)));
            f.op.execute("ALTER TABLE account ADD CONSTRAINT uq_account_region_code UNIQUE (region, code)");
            f.op.execute("ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)");
            f.op.execute("ALTER TABLE account ADD CONSTRAINT ck_account_email CHECK (email <> '')");
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

            Map<String, ForeignKeyInfo> keys = f.foreignKeys("order");
            assertThat(keys.get("fk_order_account")).isEqualTo(new ForeignKeyInfo(List.of("account_id"), "account",
                    List.of("id"), DatabaseMetaData.importedKeyCascade, keys.get("fk_order_account").updateRule()));
            assertThat(keys.get("fk_order_account_code")).isEqualTo(new ForeignKeyInfo(List.of("region", "code"),
                    "account", List.of("region", "code"), DatabaseMetaData.importedKeySetNull,
                    DatabaseMetaData.importedKeyCascade));

            f.sql("INSERT INTO account VALUES (1, 1, 'a', 'a@x')");
            f.sql("INSERT INTO " + f.q("order") + " VALUES (10, 1, NULL, NULL)");
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " VALUES (11, 99, NULL, NULL)"))
                    .isInstanceOf(SQLException.class);
            f.sql("DELETE FROM account WHERE id = 1");
            assertThat(f.query("SELECT id FROM " + f.q("order"))).isEmpty();

            f.reverse(fk);
            assertThat(f.executed.get(f.executed.size() - 1)).isEqualTo(
                    "ALTER TABLE `order` DROP FOREIGN KEY fk_order_account");
            // Without a type: DROP CONSTRAINT, which MariaDB takes for a foreign key too.
            f.op.dropConstraint("fk_order_account_code", "order");
            assertThat(f.foreignKeys("order")).isEmpty();
            f.sql("INSERT INTO " + f.q("order") + " VALUES (11, 99, 5, 'zz')");

            f.op.dropConstraint("uq_account_email", "account", ConstraintType.UNIQUE);
            f.op.dropConstraint("ck_account_email", "account", ConstraintType.CHECK);
            f.sql("INSERT INTO account VALUES (2, 1, 'b', '')");
            f.sql("INSERT INTO account VALUES (3, 1, 'c', '')");
            f.op.dropConstraint("ignored", "order", ConstraintType.PRIMARY_KEY);
            assertThat(f.primaryKey("order")).isEmpty();
            assertThat(f.executed.get(f.executed.size() - 1)).isEqualTo("ALTER TABLE `order` DROP PRIMARY KEY");
        }
    }

    @Test
    void sqliteSendsConstraintChangesToBatchModeBeforeRunningAnything() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.op.createTable("order", Column.of("id", Type.INTEGER).primaryKey(), Column.of("account_id", Type.INTEGER));
            int before = f.executed.size();
            assertThatThrownBy(() -> f.op.createForeignKey("fk_order_account", "order", "account",
                    List.of("account_id"), List.of("id")))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("The sqlite dialect cannot run CreateForeignKey")
                    .hasMessageContaining("op.batchAlterTable(\"order\", batch -> batch.createForeignKey(\"fk_order_account\", …))");
            assertThatThrownBy(() -> f.op.dropConstraint("fk_order_account", "order"))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("batch.dropConstraint(\"fk_order_account\")");
            assertThat(f.executed).hasSize(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void inSchemaQualifiesEveryName(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            var inSchema = f.op.inSchema(f.db.schema());
            inSchema.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(50)));
            inSchema.createIndex("ix_account_email", "account", "email");
            inSchema.addColumn("account", Column.of("note", Type.varchar(10)));
            inSchema.renameTable("account", "customer");
            inSchema.dropIndex("ix_account_email", "customer");
            inSchema.dropColumn("customer", "note");
            inSchema.dropTable("customer");
            assertThat(f.executed).allMatch(sql -> sql.contains(f.dialect.quote(f.db.schema()) + "."), "qualified");
            assertThat(f.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
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
}
