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
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.TableConstraint;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation applied to a real database through {@link DefaultOperations}, the result
 * read back through JDBC metadata and by inserting rows, then reversed and checked gone.
 * The same assertions hold on every dialect; only type names differ, as each database
 * reports them.
 */
class OperationsConformanceTest {

    /** Every dialect, each against its real database. */
    static Stream<String> kinds() {
        return Stream.of("h2", "postgresql", "mariadb", "sqlite");
    }

    /** The operations SQLite cannot run in place (SQLite's ALTER TABLE is partial): batch mode does them. */
    private static final Set<Class<?>> SQLITE_BATCH_ONLY = Set.of(AlterColumn.class, CreateForeignKey.class,
            DropConstraint.class, CreatePrimaryKey.class, CreateUniqueConstraint.class, CreateCheckConstraint.class);

    static String tableOf(Operation operation) {
        if (operation instanceof AlterColumn o) {
            return o.table();
        } else if (operation instanceof CreateForeignKey o) {
            return o.table();
        } else if (operation instanceof DropConstraint o) {
            return o.table();
        } else if (operation instanceof CreatePrimaryKey o) {
            return o.table();
        } else if (operation instanceof CreateUniqueConstraint o) {
            return o.table();
        } else if (operation instanceof CreateCheckConstraint o) {
            return o.table();
        }
        throw new IllegalArgumentException(operation + " is not a batch change");
    }

    static boolean refusesInPlace(String kind, Operation operation) {
        return kind.equals("sqlite") && SQLITE_BATCH_ONLY.contains(operation.getClass());
    }

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
            schema = new SchemaReader(connection, db.kind(), db.schema(), dialect);
        }

        boolean postgres() {
            return db.kind().equals("postgresql");
        }

        boolean is(String kind) {
            return db.kind().equals(kind);
        }

        /** A name as the dialect writes it, for hand-written SQL. */
        String q(String name) {
            return dialect.quote(name);
        }

        /**
         * Runs {@code operation} in place; where the dialect cannot ({@link #refusesInPlace}),
         * asserts the refusal names the operation, the dialect and batch mode and ran nothing,
         * then runs the same change as {@code op.batchAlterTable(table, …)}.
         */
        void apply(Operation operation) {
            int before = executed.size();
            try {
                op.run(operation);
            } catch (OperationNotSupportedException e) {
                if (!refusesInPlace(db.kind(), operation)) {
                    throw e;
                }
                assertThat(e).hasMessageContaining("The " + db.kind() + " dialect cannot run op.")
                        .hasMessageContaining("op.batchAlterTable(");
                assertThat(executed).hasSize(before);
                op.runBatch(new BatchAlterTable(Optional.empty(), tableOf(operation), List.of(operation),
                        BatchAlterTable.Recreate.AUTO, Optional.empty()));
                return;
            }
            if (refusesInPlace(db.kind(), operation) && !(operation instanceof AlterColumn)) {
                throw new AssertionError(db.kind() + " ran " + operation + " in place, but the suite expects batch mode");
            }
        }

        /** Applies the reverse of {@code operation}, in batch mode where the dialect needs it. */
        void unapply(Operation operation) {
            apply(operation.reverse().orElseThrow(() -> new AssertionError(operation + " has no reverse")));
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
    @MethodSource("kinds")
    void detectsTheDialectOfTheConnection(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            assertThat(f.dialect.name()).isEqualTo(kind);
            // H2 and MariaDB commit around DDL; PostgreSQL and SQLite roll DDL back with the transaction.
            boolean transactional = kind.equals("postgresql") || kind.equals("sqlite");
            assertThat(f.dialect.transactionalDdl()).isEqualTo(transactional);
            f.connection.setAutoCommit(false);
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.connection.rollback();
            f.connection.setAutoCommit(true);
            assertThat(f.schema.tables()).isEqualTo(transactional ? Set.of() : Set.of("account"));
            // SQLite alone alters columns and comments nothing in place.
            assertThat(f.dialect.supportsAlterColumn()).isEqualTo(!kind.equals("sqlite"));
            assertThat(f.dialect.supportsComments()).isEqualTo(!kind.equals("sqlite"));
            assertThat(f.dialect.supportsIfExists()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
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
            // The unique column refuses a duplicate.
            f.sql("INSERT INTO account (name, email) VALUES ('c', 'c@example.com')");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, email) VALUES ('d', 'c@example.com')"))
                    .isInstanceOf(SQLException.class);

            f.reverse(create);
            assertThat(f.schema.tables()).doesNotContain("account");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
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
    @MethodSource("kinds")
    void plainNamesAreBareAndFoundByUnquotedSql(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("full_name", Type.varchar(20)));
            assertThat(f.executed.get(0)).startsWith("CREATE TABLE account (\n    id INTEGER");
            f.sql("INSERT INTO account (id, full_name) VALUES (1, 'ann')");
            // Column names are case-insensitive everywhere when written bare.
            assertThat(f.query("SELECT FULL_NAME FROM account WHERE ID = 1")).containsExactly("ann");
            if (f.is("sqlite")) {
                // SQLite compares every name without case, quoted or not: "Account" is the same table.
                assertThatThrownBy(() -> f.op.createTable("Account", Column.of("Id", Type.INTEGER).primaryKey()))
                        .isInstanceOf(StatementFailedException.class).hasMessageContaining("already exists");
                assertThat(f.query("SELECT full_name FROM \"ACCOUNT\"")).containsExactly("ann");
                return;
            }
            f.op.createTable("Account", Column.of("Id", Type.INTEGER).primaryKey());
            var stored = f.schema.storedTables();
            assertThat(stored).containsExactlyInAnyOrder(f.dialect.denormalizeName("account"), "Account")
                    .contains(f.is("h2") ? "ACCOUNT" : "account");
            f.sql("INSERT INTO " + f.q("Account") + " (" + f.q("Id") + ") VALUES (2)");
            if (!f.is("mariadb")) {
                // H2 and PostgreSQL fold a bare table name; MariaDB on Linux keeps table names' case.
                assertThat(f.query("SELECT Full_Name FROM Account")).containsExactly("ann");
                assertThat(f.query("SELECT FULL_NAME FROM ACCOUNT WHERE ID = 1")).containsExactly("ann");
            }
            assertThat(f.query("SELECT " + f.q("Id") + " FROM " + f.q("Account"))).containsExactly(2);
            assertThat(f.schema.tables()).containsExactly("Account", "account");
            assertThat(f.schema.columns("account").keySet()).containsExactly("id", "full_name");
            assertThat(f.schema.columns("Account").keySet()).containsExactly("Id");
        }
    }

    /** Odd names survive because the dialect quotes every identifier that needs it. */
    @ParameterizedTest
    @MethodSource("kinds")
    void quotesReservedAndOddIdentifiers(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("order",
                    Column.of("select", Type.INTEGER).primaryKey(),
                    Column.of(odd(f), Type.varchar(10)),
                    Column.of("MixedCase", Type.INTEGER),
                    Column.of("plain_name", Type.INTEGER));
            assertThat(f.executed.get(0)).contains(f.is("mariadb") ? "`order`" : "\"order\"").contains(" plain_name INTEGER");
            assertThat(f.schema.tables()).containsExactly("order");
            assertThat(f.schema.columns("order").keySet()).containsExactly("select", odd(f), "MixedCase", "plain_name");
            f.op.createIndex("ix order", "order", odd(f));
            assertThat(f.schema.indexes("order")).containsKey("ix order");
            f.op.dropIndex("ix order", "order");
            f.op.renameTable("order", "group");
            assertThat(f.schema.tables()).containsExactly("group");
            f.sql("INSERT INTO " + f.q("group") + " (" + f.q("select") + ", plain_name) VALUES (1, 2)");
            assertThat(f.query("SELECT plain_name FROM " + f.q("group"))).hasSize(1);
            f.op.dropTable("group");
            assertThat(f.schema.tables()).isEmpty();
        }
    }

    /** A name with the dialect's own quote character inside, which the dialect doubles. */
    private static String odd(Fixture f) {
        return f.is("mariadb") ? "we`ird" : "we\"ird";
    }

    /**
     * One column per portable type: the database reports the mapped type (the per-kind
     * expectation table: JDBC's TYPE_NAME differs per database), and a value round-trips.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void everyTypeRoundTripsAValue(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            /** Type names as each driver reports them: exact on H2 and PostgreSQL, a prefix on MariaDB and SQLite. */
            record Case(String column, Type type, String h2Name, String postgresName, String mariadbName,
                        String sqliteName, Object value) {
                String expected(String kind) {
                    return switch (kind) {
                        case "h2" -> h2Name;
                        case "postgresql" -> postgresName;
                        case "mariadb" -> mariadbName;
                        default -> sqliteName;
                    };
                }
            }
            String longText = "x".repeat(70_000) + "'é";
            List<Case> cases = List.of(
                    new Case("c_integer", Type.INTEGER, "INTEGER", "int4", "INT", "INTEGER", Integer.MAX_VALUE),
                    new Case("c_bigint", Type.BIGINT, "BIGINT", "int8", "BIGINT", "BIGINT", Long.MIN_VALUE),
                    new Case("c_smallint", Type.SMALLINT, "SMALLINT", "int2", "SMALLINT", "SMALLINT", (short) 32767),
                    new Case("c_boolean", Type.BOOLEAN, "BOOLEAN", "bool", "BOOLEAN", "BOOLEAN", true),
                    new Case("c_varchar", Type.varchar(12), "CHARACTER VARYING", "varchar", "VARCHAR", "VARCHAR",
                            "it's \"é\""),
                    new Case("c_text", Type.TEXT, "CHARACTER VARYING", "text", "LONGTEXT", "TEXT", longText),
                    new Case("c_numeric", Type.numeric(12, 2), "NUMERIC", "numeric", "DECIMAL", "NUMERIC",
                            new BigDecimal("1234567890.12")),
                    new Case("c_double", Type.DOUBLE, "DOUBLE PRECISION", "float8", "DOUBLE", "DOUBLE", Math.PI),
                    new Case("c_real", Type.REAL, "REAL", "float4", "FLOAT", "REAL", 0.1f),
                    new Case("c_char", Type.character(3), "CHARACTER", "bpchar", "CHAR", "CHARACTER", "ab"),
                    new Case("c_date", Type.DATE, "DATE", "date", "DATE", "DATE", LocalDate.of(1999, 12, 31)),
                    new Case("c_time", Type.TIME, "TIME", "time", "TIME", "TIME", LocalTime.of(23, 59, 58, 123_456_000)),
                    new Case("c_timestamp", Type.TIMESTAMP, "TIMESTAMP", "timestamp", "DATETIME", "TIMESTAMP",
                            LocalDateTime.of(2024, 2, 29, 12, 30, 45, 654_321_000)),
                    new Case("c_timestamp_tz", Type.TIMESTAMP_TZ, "TIMESTAMP WITH TIME ZONE", "timestamptz", "TIMESTAMP",
                            "TIMESTAMP WITH TIME ZONE", OffsetDateTime.of(2024, 2, 29, 12, 30, 45, 0, ZoneOffset.ofHours(2))),
                    new Case("c_binary", Type.BINARY, "BINARY VARYING", "bytea", "LONGBLOB", "BLOB", new byte[] {0, 1, -1, 127}),
                    new Case("c_varbinary", Type.varbinary(16), "BINARY VARYING", "bytea", "VARBINARY", "BLOB",
                            new byte[] {42, -42}),
                    new Case("c_uuid", Type.UUID, "UUID", "uuid", "UUID", "CHAR",
                            UUID.fromString("3f8a2b7e-1c4d-4e5f-8a9b-0c1d2e3f4a5b")),
                    new Case("c_json", Type.JSON, "JSON", "jsonb", "LONGTEXT", "TEXT", "{\"a\": [1, 2], \"b\": \"it's\"}"),
                    new Case("c_raw", Type.raw("CHAR(3)"), "CHARACTER", "bpchar", "CHAR", "CHAR", "abc"));
            var columns = new ArrayList<Column>();
            columns.add(Column.of("id", Type.INTEGER).primaryKey());
            cases.forEach(c -> columns.add(Column.of(c.column(), c.type())));
            f.op.createTable("types", columns);

            Map<String, ColumnInfo> read = f.schema.columns("types");
            boolean exact = f.is("h2") || f.postgres();
            for (Case c : cases) {
                if (exact) {
                    assertThat(read.get(c.column()).typeName()).as(c.column()).isEqualToIgnoringCase(c.expected(kind));
                } else {
                    assertThat(read.get(c.column()).typeName()).as(c.column()).startsWithIgnoringCase(c.expected(kind));
                }
            }
            if (!f.is("sqlite")) {
                // SQLite keeps the declared type as text only; the others report size and scale.
                assertThat(read.get("c_varchar").size()).isEqualTo(12);
                assertThat(read.get("c_char").size()).isEqualTo(3);
                assertThat(read.get("c_numeric").size()).isEqualTo(12);
                assertThat(read.get("c_numeric").decimalDigits()).isEqualTo(2);
            }

            var names = new StringBuilder("id");
            var placeholders = new StringBuilder("1");
            for (Case c : cases) {
                names.append(", ").append(c.column());
                // JSON arrives as text: H2 parses it with FORMAT JSON, the others from a parameter.
                placeholders.append(c.type().equals(Type.JSON) && f.is("h2") ? ", ? FORMAT JSON" : ", ?");
            }
            try (PreparedStatement insert = f.connection.prepareStatement(
                    "INSERT INTO types (" + names + ") VALUES (" + placeholders + ")")) {
                for (int i = 0; i < cases.size(); i++) {
                    Object value = cases.get(i).value();
                    if (cases.get(i).type().equals(Type.JSON) && f.postgres()) {
                        insert.setObject(i + 1, value, Types.OTHER);
                    } else if (f.is("sqlite") && (value instanceof java.time.temporal.Temporal || value instanceof UUID)
                            || f.is("mariadb") && value instanceof UUID) {
                        // SQLite stores what the driver writes: temporal values and UUIDs go in as ISO text.
                        insert.setObject(i + 1, value.toString());
                    } else {
                        insert.setObject(i + 1, value);
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
                    Object expected = c.value();
                    int index = i + 1;
                    if (expected instanceof byte[] bytes) {
                        assertThat(rs.getBytes(index)).as(c.column()).isEqualTo(bytes);
                    } else if (expected instanceof OffsetDateTime time) {
                        OffsetDateTime value = f.is("sqlite") ? OffsetDateTime.parse(rs.getString(index))
                                : rs.getObject(index, OffsetDateTime.class);
                        assertThat(value.toInstant()).as(c.column()).isEqualTo(time.toInstant());
                    } else if (c.type().equals(Type.JSON)) {
                        // pgjdbc reads jsonb only through getString; H2 may reformat the spaces.
                        assertThat(rs.getString(index).replace(" ", "")).as(c.column())
                                .isEqualTo(((String) expected).replace(" ", ""));
                    } else if (expected instanceof BigDecimal decimal) {
                        assertThat(rs.getBigDecimal(index)).as(c.column()).isEqualByComparingTo(decimal);
                    } else if (expected instanceof Boolean bool) {
                        assertThat(rs.getBoolean(index)).as(c.column()).isEqualTo(bool);
                    } else if (expected instanceof Double d) {
                        assertThat(rs.getDouble(index)).as(c.column()).isEqualTo(d);
                    } else if (expected instanceof Float real) {
                        assertThat(rs.getFloat(index)).as(c.column()).isEqualTo(real);
                    } else if (c.type().kind() == Type.Kind.CHAR) {
                        // Blank-padded to the length; MariaDB drops the padding when reading, SQLite never adds it.
                        String padded = f.is("mariadb") || f.is("sqlite") ? "ab" : "ab ";
                        assertThat(rs.getString(index)).as(c.column()).isEqualTo(padded);
                    } else if (expected instanceof Number number) {
                        assertThat(rs.getLong(index)).as(c.column()).isEqualTo(number.longValue());
                    } else if (expected instanceof java.time.temporal.Temporal || expected instanceof UUID) {
                        Object value = f.is("sqlite") ? rs.getString(index) : rs.getObject(index, expected.getClass());
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
            assertThat(f.schema.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
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
    @MethodSource("kinds")
    void addColumnFillsExistingRowsFromItsDefaultThenDropsIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("order", Column.of("id", Type.INTEGER).primaryKey());
            f.sql("INSERT INTO " + f.q("order") + " (id) VALUES (1)");

            var add = new AddColumn("order", Column.of("is \"paid\"", Type.BOOLEAN).notNull().serverDefault(Expr.literal(true)));
            f.op.run(add);
            ColumnInfo added = f.schema.columns("order").get("is \"paid\"");
            assertThat(added).isNotNull();
            assertThat(added.nullable()).isFalse();
            assertThat(f.query("SELECT " + f.q("is \"paid\"") + " FROM " + f.q("order")).get(0).toString()).isIn("1", "true");

            f.op.addColumn("order", Column.of("note", Type.TEXT));
            assertThat(f.schema.columns("order").get("note").nullable()).isTrue();

            f.reverse(add);
            f.op.dropColumn("order", "note");
            assertThat(f.schema.columns("order").keySet()).containsExactly("id");
        }
    }

    private static AlterColumn alter(String table, String column, Consumer<AlterColumn.Builder> changes) {
        AlterColumn.Builder builder = AlterColumn.builder(table, column);
        changes.accept(builder);
        return builder.build();
    }

    /**
     * Written as a portable migration is: every change states the column's other attributes
     * ({@code existing…}), which MariaDB needs to rewrite the column; SQLite refuses each change
     * in place, naming batch mode, and makes it there.
     */
    /** SQLite adds a column in place only when it needs no rebuild; otherwise the refusal names batch mode, which does it. */
    @ParameterizedTest
    @MethodSource("kinds")
    void addColumnWithAConstraintOrNonConstantDefault(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            f.sql("INSERT INTO account (id) VALUES (1)");
            List<Column> columns = List.of(Column.of("email", Type.varchar(20)).unique(),
                    Column.of("at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()));
            for (Column column : columns) {
                if (f.is("sqlite")) {
                    int before = f.executed.size();
                    assertThatThrownBy(() -> f.op.addColumn("account", column))
                            .isInstanceOf(OperationNotSupportedException.class)
                            .hasMessageContaining("The sqlite dialect cannot run op.addColumn(\"account\", \"" + column.name() + "\"): ")
                            .hasMessageContaining("op.batchAlterTable(\"account\"");
                    assertThat(f.executed).hasSize(before);
                    f.op.batchAlterTable("account", b -> b.addColumn(column));
                } else {
                    f.op.addColumn("account", column);
                }
            }
            assertThat(f.schema.columns("account").keySet()).containsExactly("id", "email", "at");
            assertThat(f.schema.indexes("account").values()).contains(new IndexInfo(true, List.of("email")));
            assertThat(f.query("SELECT at FROM account WHERE at IS NULL")).isEmpty();
            f.sql("INSERT INTO account (id, email) VALUES (2, 'a')");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (id, email) VALUES (3, 'a')")).isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void alterColumnChangesTypeNullabilityDefaultAndName(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account",
                    Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("name", Type.varchar(50)),
                    Column.of("status", Type.varchar(10)).serverDefault("a"),
                    Column.of("amount", Type.INTEGER));
            f.sql("INSERT INTO account (id, name, amount) VALUES (1, 'ann', 5)");

            f.apply(alter("account", "name", c -> c.type(Type.varchar(100)).nullable(false)
                    .existingType(Type.varchar(50)).existingNullable(true).existingNoServerDefault()));
            ColumnInfo name = f.schema.columns("account").get("name");
            if (!f.is("sqlite")) {
                assertThat(name.size()).isEqualTo(100);
            }
            assertThat(name.nullable()).isFalse();
            assertThatThrownBy(() -> f.sql("INSERT INTO account (id) VALUES (2)")).isInstanceOf(SQLException.class);

            f.apply(alter("account", "status", c -> c.dropServerDefault().existingType(Type.varchar(10))
                    .existingNullable(true)));
            assertThat(f.schema.columns("account").get("status").defaultValue()).isIn(null, "NULL");
            f.apply(alter("account", "status", c -> c.serverDefault("it's b").existingType(Type.varchar(10))
                    .existingNullable(true)));
            f.sql("INSERT INTO account (id, name) VALUES (3, 'bob')");
            assertThat(f.query("SELECT status FROM account WHERE id = 3")).containsExactly("it's b");

            // A type change alone keeps the column's nullability and default.
            f.apply(alter("account", "name", c -> c.type(Type.varchar(120)).existingNullable(false)
                    .existingNoServerDefault()));
            f.apply(alter("account", "status", c -> c.type(Type.varchar(30)).existingNullable(true)
                    .existingServerDefault(Expr.literal("it's b"))));
            assertThat(f.schema.columns("account").get("name").nullable()).isFalse();
            f.sql("INSERT INTO account (id, name) VALUES (4, 'cy')");
            assertThat(f.query("SELECT status FROM account WHERE id = 4")).containsExactly("it's b");
            f.apply(alter("account", "name", c -> c.type(Type.varchar(100)).existingNullable(false)
                    .existingNoServerDefault()));

            f.apply(alter("account", "amount", c -> c.type(Type.BIGINT).serverDefault(Expr.literal(0))
                    .existingType(Type.INTEGER).existingNullable(true)));
            assertThat(f.schema.columns("account").get("amount").typeName())
                    .isEqualToIgnoringCase(f.postgres() ? "int8" : "BIGINT");
            assertThat(((Number) f.query("SELECT amount FROM account WHERE id = 1").get(0)).longValue()).isEqualTo(5L);

            // A change stated with its previous state reverses; the rename is undone too.
            AlterColumn change = AlterColumn.builder("account", "name")
                    .nullable(true).existingNullable(false)
                    .type(Type.TEXT).existingType(Type.varchar(100))
                    .existingNoServerDefault()
                    .rename("full_name")
                    .build();
            f.apply(change);
            Map<String, ColumnInfo> columns = f.schema.columns("account");
            assertThat(columns).doesNotContainKey("name");
            assertThat(columns.get("full_name").nullable()).isTrue();
            assertThat(columns.get("full_name").typeName()).isEqualToIgnoringCase(switch (kind) {
                case "h2" -> "CHARACTER VARYING";
                case "postgresql" -> "text";
                case "mariadb" -> "LONGTEXT";
                default -> "TEXT";
            });
            assertThat(f.query("SELECT full_name FROM account ORDER BY id")).containsExactly("ann", "bob", "cy");

            f.unapply(change);
            columns = f.schema.columns("account");
            assertThat(columns).doesNotContainKey("full_name");
            assertThat(columns.get("name").nullable()).isFalse();
            if (!f.is("sqlite")) {
                assertThat(columns.get("name").size()).isEqualTo(100);
            }
            assertThat(f.query("SELECT name FROM account ORDER BY id")).containsExactly("ann", "bob", "cy");

            // A rename alone runs in place everywhere (RENAME COLUMN) and needs no hint.
            var rename = AlterColumn.builder("account", "name").rename("label").build();
            f.op.run(rename);
            assertThat(f.schema.columns("account")).containsKey("label").doesNotContainKey("name");
            assertThat(f.schema.columns("account").get("label").nullable()).isFalse();
            f.reverse(rename);
            assertThat(f.schema.columns("account")).containsKey("name");
        }
    }

    /** MariaDB rewrites a column whole: without the hints it needs, the change is refused before anything runs. */
    @ParameterizedTest
    @MethodSource("kinds")
    void alterColumnWithoutItsHintsIsRefusedOnlyWhereTheDialectNeedsThem(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("status", Type.varchar(30)).serverDefault("b"));
            int before = f.executed.size();
            switch (kind) {
                case "mariadb" -> {
                    assertThatThrownBy(() -> f.op.alterColumn("account", "status", c -> c.type(Type.varchar(40))))
                            .isInstanceOf(OperationNotSupportedException.class)
                            .hasMessageContaining("The mariadb dialect cannot run op.alterColumn(\"account\", \"status\"): ")
                            .hasMessageContaining("existingNullable");
                    assertThatThrownBy(() -> f.op.alterColumn("account", "status", c -> c.nullable(false)))
                            .hasMessageContaining("existingType");
                    assertThatThrownBy(() -> f.op.alterColumn("account", "status",
                            c -> c.nullable(false).existingType(Type.varchar(30))))
                            .hasMessageContaining("existingServerDefault");
                    assertThat(f.executed).hasSize(before);
                }
                case "sqlite" -> {
                    assertThatThrownBy(() -> f.op.alterColumn("account", "status", c -> c.type(Type.TEXT)))
                            .isInstanceOf(OperationNotSupportedException.class)
                            .hasMessageContaining("The sqlite dialect cannot run op.alterColumn(\"account\", \"status\"): ")
                            .hasMessageContaining(
                                    "op.batchAlterTable(\"account\", batch -> batch.alterColumn(\"status\", c -> …))");
                    assertThat(f.executed).hasSize(before);
                }
                default -> {
                    // H2 and PostgreSQL change one attribute at a time: the rest stays without hints.
                    f.op.alterColumn("account", "status", c -> c.type(Type.varchar(40)));
                    f.op.alterColumn("account", "status", c -> c.nullable(false));
                    ColumnInfo status = f.schema.columns("account").get("status");
                    assertThat(status.size()).isEqualTo(40);
                    assertThat(status.nullable()).isFalse();
                    assertThat(status.defaultValue()).contains("'b'");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
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
    @MethodSource("kinds")
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
            f.sql("INSERT INTO " + f.q("order") + " (id, number) VALUES (1, 'A-1')");
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " (id, number) VALUES (2, 'A-1')"))
                    .isInstanceOf(SQLException.class);

            f.reverse(byAccount);
            if (f.is("mariadb")) {
                // MariaDB's DROP INDEX names the table: without it the operation is refused, naming the fix.
                assertThatThrownBy(() -> f.op.dropIndex("ux_order_number"))
                        .isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The mariadb dialect cannot run op.dropIndex(")
                        .hasMessageContaining("op.dropIndex(\"ux_order_number\", \"<table>\")");
                f.op.dropIndex("ux_order_number", "order");
            } else {
                f.op.dropIndex("ux_order_number");
            }
            assertThat(f.schema.indexes("order")).doesNotContainKeys("ix_order_account_placed", "ux_order_number");
            f.sql("INSERT INTO " + f.q("order") + " (id, number) VALUES (2, 'A-1')");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createForeignKeyWithActionsThenDropIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            // A foreign key needs a unique constraint (not just a unique index) behind it on H2.
            f.op.createTable("account", List.of(Column.of("id", Type.BIGINT).primaryKey(),
                    Column.of("region", Type.INTEGER).notNull(), Column.of("code", Type.varchar(10)).notNull()),
                    t -> t.constraint(TableConstraint.unique("region", "code").named("uq_account_region_code")));
            f.op.createTable("order",
                    Column.of("id", Type.BIGINT).primaryKey(),
                    Column.of("account_id", Type.BIGINT),
                    Column.of("region", Type.INTEGER),
                    Column.of("code", Type.varchar(10)));
            var fk = CreateForeignKey.builder("fk_order_account", "order", List.of("account_id"), "account", List.of("id"))
                    .onDelete(ReferentialAction.CASCADE)
                    .build();
            f.apply(fk);
            var fkCode = CreateForeignKey.builder("fk_order_account_code", "order", List.of("region", "code"), "account",
                    List.of("region", "code")).onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE)
                    .build();
            f.apply(fkCode);

            Map<String, ForeignKeyInfo> keys = f.schema.foreignKeys("order");
            // MariaDB reports an unstated ON UPDATE as RESTRICT, which is what NO ACTION means there.
            int noAction = f.is("mariadb") ? keys.get("fk_order_account").updateRule() : DatabaseMetaData.importedKeyNoAction;
            assertThat(noAction).isIn(DatabaseMetaData.importedKeyNoAction, DatabaseMetaData.importedKeyRestrict);
            assertThat(keys.get("fk_order_account")).isEqualTo(new ForeignKeyInfo("order", List.of("account_id"), "account",
                    List.of("id"), DatabaseMetaData.importedKeyCascade, noAction));
            assertThat(keys.get("fk_order_account_code")).isEqualTo(new ForeignKeyInfo("order", List.of("region", "code"),
                    "account", List.of("region", "code"), DatabaseMetaData.importedKeySetNull,
                    DatabaseMetaData.importedKeyCascade));

            if (f.is("sqlite")) {
                f.sql("PRAGMA foreign_keys = ON");
            }
            f.sql("INSERT INTO account VALUES (1, 1, 'a')");
            f.sql("INSERT INTO " + f.q("order") + " VALUES (10, 1, NULL, NULL)");
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " VALUES (11, 99, NULL, NULL)"))
                    .isInstanceOf(SQLException.class);
            f.sql("DELETE FROM account WHERE id = 1");
            assertThat(f.query("SELECT id FROM " + f.q("order"))).isEmpty();

            if (f.is("mariadb")) {
                assertThat(f.schema.indexes("order")).as("InnoDB indexes the key's columns under the key's name")
                        .containsKey("fk_order_account");
            }
            f.unapply(fk);
            if (f.is("mariadb")) {
                assertThat(f.executed.subList(f.executed.size() - 2, f.executed.size())).containsExactly(
                        "ALTER TABLE `order` DROP FOREIGN KEY fk_order_account",
                        "DROP INDEX IF EXISTS fk_order_account ON `order`");
            }
            assertThat(f.schema.indexes("order")).as("dropping the key leaves no index of its own behind")
                    .doesNotContainKey("fk_order_account");
            // Without a type: DROP CONSTRAINT, which MariaDB takes for a foreign key too.
            f.apply(new DropConstraint(Optional.empty(), "fk_order_account_code", "order", Optional.empty()));
            assertThat(f.schema.foreignKeys("order")).isEmpty();
            f.sql("INSERT INTO " + f.q("order") + " VALUES (11, 99, 5, 'zz')");
        }
    }

    /** A primary key, a unique and a check constraint, each dropped by name and type. */
    @ParameterizedTest
    @MethodSource("kinds")
    void dropConstraintRemovesEachKindOfConstraint(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", List.of(Column.of("id", Type.INTEGER).notNull(), Column.of("email", Type.varchar(50))),
                    t -> t.constraint(TableConstraint.primaryKey("id").named("pk_account"))
                            .constraint(TableConstraint.unique("email").named("uq_account_email"))
                            .constraint(TableConstraint.check("email <> ''").named("ck_account_email")));
            f.sql("INSERT INTO account VALUES (1, 'a')");
            assertThatThrownBy(() -> f.sql("INSERT INTO account VALUES (2, 'a')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> f.sql("INSERT INTO account VALUES (2, '')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> f.sql("INSERT INTO account VALUES (1, 'b')")).isInstanceOf(SQLException.class);

            f.apply(new DropConstraint(Optional.empty(), "uq_account_email", "account", Optional.of(ConstraintType.UNIQUE)));
            f.apply(new DropConstraint(Optional.empty(), "ck_account_email", "account", Optional.of(ConstraintType.CHECK)));
            f.apply(new DropConstraint(Optional.empty(), "pk_account", "account", Optional.of(ConstraintType.PRIMARY_KEY)));
            if (f.is("mariadb")) {
                assertThat(f.executed.get(f.executed.size() - 1)).isEqualTo("ALTER TABLE account DROP PRIMARY KEY");
            }
            assertThat(f.schema.primaryKey("account")).isEmpty();
            f.sql("INSERT INTO account VALUES (2, 'a')");
            f.sql("INSERT INTO account VALUES (3, '')");
            f.sql("INSERT INTO account VALUES (1, 'b')");
            assertThat(f.query("SELECT id FROM account ORDER BY id")).hasSize(4);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void inSchemaQualifiesEveryName(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            Operations inSchema = f.op.inSchema(f.db.schema());
            inSchema.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(50)));
            inSchema.createTable("order", Column.of("id", Type.INTEGER).primaryKey(), Column.of("account_id", Type.INTEGER));
            inSchema.createIndex("ix_account_email", "account", "email");
            inSchema.addColumn("account", Column.of("note", Type.varchar(10)));
            inSchema.dropColumn("account", "note");
            // SQLite does these two in batch mode only, qualified just the same.
            inSchema.batchAlterTable("order", b -> b.createForeignKey("fk_order_account", "account",
                    List.of("account_id"), List.of("id")));
            inSchema.batchAlterTable("account", b -> b.alterColumn("email", c -> c.notNull()
                    .existingType(Type.varchar(50)).existingNoServerDefault()));
            assertThat(f.executed).allMatch(sql -> sql.contains(f.dialect.quote(f.db.schema()) + "."), "qualified");
            assertThat(f.schema.tables()).containsExactly("account", "order");
            assertThat(f.schema.foreignKeys("order")).containsKey("fk_order_account");
            assertThat(f.schema.columns("account").get("email").nullable()).isFalse();
            inSchema.dropIndex("ix_account_email", "account");
            inSchema.batchAlterTable("order", b -> b.dropConstraint("fk_order_account", ConstraintType.FOREIGN_KEY));
            inSchema.renameTable("order", "purchase");
            inSchema.dropTable("purchase");
            inSchema.dropTable("account");
            assertThat(f.schema.tables()).isEmpty();
        }
    }

    /** Each database's way of drawing a sequence's next value. */
    static String nextValue(Fixture f, String sequence) {
        return f.postgres() ? "SELECT nextval('" + f.q(sequence) + "')" : "SELECT NEXT VALUE FOR " + f.q(sequence);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createSequenceCountsByItsIncrementThenDropIt(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            if (f.is("sqlite")) {
                assertThatThrownBy(() -> f.op.createSequence("account_seq", s -> s.incrementBy(50)))
                        .isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The sqlite dialect cannot run op.createSequence(")
                        .hasMessageContaining("account_seq")
                        .hasMessageContaining("no sequences")
                        .hasMessageContaining("autoIncrement()");
                assertThatThrownBy(() -> f.op.dropSequence("account_seq"))
                        .isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The sqlite dialect cannot run op.dropSequence(");
                assertThat(f.executed).isEmpty();
                return;
            }
            f.op.createSequence("account_seq", s -> s.incrementBy(50));
            f.op.createSequence("invoice_number", s -> s.startWith(1000).incrementBy(-1));
            f.op.createSequence("plain");
            f.op.createSequence("from_zero", s -> s.startWith(0));
            assertThat(f.executed).containsExactly(
                    "CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50",
                    "CREATE SEQUENCE invoice_number START WITH 1000 INCREMENT BY -1 MAXVALUE 1000",
                    "CREATE SEQUENCE plain START WITH 1 INCREMENT BY 1",
                    "CREATE SEQUENCE from_zero START WITH 0 INCREMENT BY 1 MINVALUE 0");
            List<Long> drawn = new ArrayList<>();
            for (String sequence : List.of("account_seq", "account_seq", "account_seq", "invoice_number",
                    "invoice_number", "plain", "plain", "from_zero", "from_zero")) {
                drawn.add(((Number) f.query(nextValue(f, sequence)).get(0)).longValue());
            }
            assertThat(drawn).containsExactly(1L, 51L, 101L, 1000L, 999L, 1L, 2L, 0L, 1L);
            for (String sequence : List.of("account_seq", "invoice_number", "plain", "from_zero")) {
                f.op.dropSequence(sequence);
            }
            assertThat(f.executed).contains("DROP SEQUENCE account_seq");
            assertThatThrownBy(() -> f.query(nextValue(f, "account_seq"))).isInstanceOf(SQLException.class);
            // Qualified in a schema, and the reverse of a creation drops it.
            f.op.inSchema(f.db.schema()).createSequence("qualified_seq", s -> s.incrementBy(5));
            assertThat(f.executed.get(f.executed.size() - 1)).startsWith("CREATE SEQUENCE "
                    + f.q(f.db.schema()) + ".qualified_seq");
            assertThat(((Number) f.query(nextValue(f, "qualified_seq")).get(0)).longValue()).isEqualTo(1L);
            f.reverse(new dev.retort.runtime.operation.CreateSequence(Optional.of(f.db.schema()), "qualified_seq", 1, 5));
            assertThatThrownBy(() -> f.query(nextValue(f, "qualified_seq"))).isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
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
    @MethodSource("kinds")
    void anOperationTheDialectCannotRenderFailsBeforeAnythingRuns(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            // A batch is planned by batch mode, never rendered as one statement.
            Operation batch = BatchAlterTable.builder("account").dropColumn("name").build();
            assertThatThrownBy(() -> f.op.run(batch))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("op.batchAlterTable(\"account\")")
                    .hasMessageContaining("The " + kind + " dialect")
                    .hasMessageContaining("Migrator or OfflineSql");
            assertThat(f.executed).isEmpty();
        }
    }
}
