package dev.retort.runtime.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bulk inserts and statements with parameters on real H2 and PostgreSQL databases: every
 * portable type bound online and read back, and the same rows written offline as literals
 * and run by the database, with the same result.
 */
class OnlineBulkInsertAndParametersTest {

    private static final UUID TOKEN = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final OffsetDateTime SEEN_TZ = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000,
            ZoneOffset.ofHours(-5));

    private static void createEverything(Db f, String table) throws SQLException {
        f.op.createTable(table,
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("small", Type.SMALLINT),
                Column.of("num", Type.INTEGER),
                Column.of("name", Type.varchar(50)),
                Column.of("note", Type.TEXT),
                Column.of("balance", Type.numeric(12, 2)),
                Column.of("ratio", Type.DOUBLE),
                Column.of("active", Type.BOOLEAN),
                Column.of("born", Type.DATE),
                Column.of("wakes", Type.TIME),
                Column.of("seen", Type.TIMESTAMP),
                Column.of("seen_tz", Type.TIMESTAMP_TZ),
                Column.of("photo", Type.BINARY),
                Column.of("token", Type.UUID),
                Column.of("doc", Type.JSON),
                Column.of("rate", Type.REAL),
                Column.of("code", Type.character(3)));
        f.connection.commit();
    }

    private static BulkInsert.Builder everything(String table) {
        return BulkInsert.into(table)
                .column("id", Type.BIGINT)
                .column("small", Type.SMALLINT)
                .column("num", Type.INTEGER)
                .column("name", Type.varchar(50))
                .column("note", Type.TEXT)
                .column("balance", Type.numeric(12, 2))
                .column("ratio", Type.DOUBLE)
                .column("active", Type.BOOLEAN)
                .column("born", Type.DATE)
                .column("wakes", Type.TIME)
                .column("seen", Type.TIMESTAMP)
                .column("seen_tz", Type.TIMESTAMP_TZ)
                .column("photo", Type.BINARY)
                .column("token", Type.UUID)
                .column("doc", Type.JSON)
                .column("rate", Type.REAL)
                .column("code", Type.character(3))
                .row(1L, (short) 7, 42, "o'hara", "line\nbreak -- ? 'x'", new BigDecimal("1234567890.12"), 0.1,
                        true, LocalDate.of(1815, 12, 10), LocalTime.of(6, 30, 15, 250_000_000),
                        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 987_654_000), SEEN_TZ,
                        new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0x27}, TOKEN, "{\"tags\": [\"a\", \"b\"], \"n\": 1}",
                        0.25, "EUR")
                .row(2, 8, 43L, "grace", "", 5, 2, false, null, null, null, Instant.parse("2024-06-01T00:00:00Z"),
                        new byte[0], TOKEN.toString(), "[]", 3, "US")
                .row(3L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Every column of every row, ordered by id, read back in the Java classes the values went in as. */
    private static List<List<Object>> readEverything(Db f, String table) throws SQLException {
        var rows = new ArrayList<List<Object>>();
        String docText = f.postgres() ? "CAST(doc AS TEXT)" : "CAST(doc AS VARCHAR(200))";
        try (Statement statement = f.observer.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, small, num, name, note, balance, ratio, active, born, "
                     + "wakes, seen, seen_tz, photo, token, " + docText + ", rate, code FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                var row = new ArrayList<Object>();
                row.add(rs.getObject(1, Long.class));
                row.add(rs.getObject(2) == null ? null : rs.getShort(2));
                row.add(rs.getObject(3, Integer.class));
                row.add(rs.getString(4));
                row.add(rs.getString(5));
                row.add(rs.getBigDecimal(6));
                row.add(rs.getObject(7, Double.class));
                row.add(rs.getObject(8, Boolean.class));
                row.add(rs.getObject(9, LocalDate.class));
                row.add(rs.getObject(10, LocalTime.class));
                row.add(rs.getObject(11, LocalDateTime.class));
                OffsetDateTime tz = rs.getObject(12, OffsetDateTime.class);
                row.add(tz == null ? null : tz.toInstant());
                row.add(rs.getBytes(13) == null ? null : List.of(toBoxed(rs.getBytes(13))));
                row.add(rs.getObject(14, UUID.class));
                row.add(rs.getString(15) == null ? null : rs.getString(15).replace(" ", ""));
                row.add(rs.getObject(16) == null ? null : rs.getFloat(16));
                row.add(rs.getString(17));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Byte[] toBoxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }

    private static final List<List<Object>> EXPECTED = expected();

    private static List<List<Object>> expected() {
        var rows = new ArrayList<List<Object>>();
        rows.add(java.util.Arrays.asList(1L, (short) 7, 42, "o'hara", "line\nbreak -- ? 'x'",
                new BigDecimal("1234567890.12"), 0.1, true, LocalDate.of(1815, 12, 10),
                LocalTime.of(6, 30, 15, 250_000_000), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 987_654_000),
                SEEN_TZ.toInstant(), List.of(toBoxed(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0x27})), TOKEN,
                "{\"tags\":[\"a\",\"b\"],\"n\":1}", 0.25f, "EUR"));
        rows.add(java.util.Arrays.asList(2L, (short) 8, 43, "grace", "", new BigDecimal("5.00"), 2.0, false, null,
                null, null, Instant.parse("2024-06-01T00:00:00Z"), List.of(), TOKEN, "[]", 3.0f, "US "));
        rows.add(java.util.Arrays.asList(3L, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null));
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void bindsEveryPortableTypeOnlineAndReadsItBack(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createEverything(f, "everything");
            f.op.bulkInsert(everything("everything").batchSize(2));
            f.connection.commit();
            List<List<Object>> rows = readEverything(f, "everything");
            if (f.postgres()) {
                // jsonb keeps keys in its own order.
                rows.get(0).set(14, "{\"n\":1,\"tags\":[\"a\",\"b\"]}".equals(rows.get(0).get(14))
                        ? "{\"tags\":[\"a\",\"b\"],\"n\":1}" : rows.get(0).get(14));
            }
            assertThat(rows).isEqualTo(EXPECTED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theOfflineLiteralsOfTheSameRowsGiveTheSameTable(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createEverything(f, "online");
            createEverything(f, "offline");
            f.op.bulkInsert(everything("online"));
            f.connection.commit();
            for (String sql : f.dialect.render(everything("offline").batchSize(2).build())) {
                f.sql(sql);
            }
            assertThat(readEverything(f, "offline")).isEqualTo(readEverything(f, "online"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void mapsInsertByKeyWithNullsForMissingKeys(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            f.op.createTable("item", Column.of("id", Type.BIGINT).primaryKey(), Column.of("name", Type.varchar(20)),
                    Column.of("price", Type.numeric(8, 2)), Column.of("added", Type.DATE));
            Map<String, Object> withNull = new LinkedHashMap<>();
            withNull.put("id", 3L);
            withNull.put("name", null);
            f.op.bulkInsert("item", List.of(
                    Map.of("id", 1L, "name", "pen", "price", new BigDecimal("1.50"), "added", LocalDate.of(2024, 1, 1)),
                    Map.of("id", 2L, "price", new BigDecimal("2")),
                    withNull));
            f.op.bulkInsert(BulkInsert.into("item").column("id", Type.BIGINT).column("name", Type.varchar(20))
                    .rows(List.of(Map.of("id", 4L, "name", "ink"), Map.of("id", 5))));
            f.connection.commit();
            assertThat(f.rows("SELECT id, name, price, added FROM item ORDER BY id")).containsExactly(
                    List.of(1L, "pen", new BigDecimal("1.50"), java.sql.Date.valueOf("2024-01-01")),
                    java.util.Arrays.asList(2L, null, new BigDecimal("2.00"), null),
                    java.util.Arrays.asList(3L, null, null, null),
                    java.util.Arrays.asList(4L, "ink", null, null),
                    java.util.Arrays.asList(5L, null, null, null));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailingBatchNamesTheTableAndTheRowsOfTheBatch(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            f.op.createTable("item", Column.of("id", Type.BIGINT).primaryKey());
            f.connection.commit();
            BulkInsert.Builder rows = BulkInsert.into("item").column("id", Type.BIGINT).batchSize(10);
            for (long i = 1; i <= 25; i++) {
                rows.row(i == 15 ? 3L : i);
            }
            assertThatThrownBy(() -> f.op.bulkInsert(rows))
                    .isInstanceOf(StatementFailedException.class)
                    .hasMessageContaining("Bulk insert into item failed in the batch of rows 11 to 20 of 25")
                    .satisfies(e -> assertThat(((StatementFailedException) e).statement())
                            .isEqualTo("INSERT INTO item (id) VALUES (?)"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWrongValueFailsAtItsRowBeforeAnythingRuns(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            BulkInsert.Builder rows = BulkInsert.into("item").column("id", Type.BIGINT).column("name", Type.varchar(9));
            rows.row(1L, "pen");
            assertThatThrownBy(() -> rows.row("2", "ink")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Row 2, column id of bulk insert into item is a String (2), but a column of type BIGINT "
                            + "takes an Integer, Long, Short or BigInteger");
            assertThatThrownBy(() -> rows.row(2L)).hasMessage("Row 2 of bulk insert into item has 1 value(s), but 2 "
                    + "column(s) are declared: [id, name]");
            assertThatThrownBy(() -> rows.row(Map.of("id", 2L, "colour", "red")))
                    .hasMessageContaining("has value(s) for [colour], which are not declared columns [id, name]");
            assertThatThrownBy(() -> rows.column("late", Type.TEXT)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Declare every column of bulk insert into item before its first row");
            assertThat(f.statements).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void executeBindsParametersOnline(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            f.op.createTable("item", Column.of("id", Type.BIGINT).primaryKey(), Column.of("name", Type.varchar(20)),
                    Column.of("added", Type.TIMESTAMP), Column.of("token", Type.UUID), Column.of("photo", Type.BINARY));
            f.op.execute("INSERT INTO item (id, name, added, token, photo) VALUES (?, ?, ?, ?, ?)", 1L, "it's ?",
                    LocalDateTime.of(2024, 5, 6, 7, 8, 9), TOKEN, new byte[] {1, 2, 3});
            f.op.execute("INSERT INTO item (id, name) VALUES (?, ?)", java.util.Arrays.asList(2L, null));
            f.op.execute("UPDATE item SET name = ? WHERE id = ? AND name <> '?'", "renamed", 1);
            f.connection.commit();
            assertThat(f.rows("SELECT id, name FROM item ORDER BY id")).containsExactly(List.of(1L, "renamed"),
                    java.util.Arrays.asList(2L, null));
            assertThat(f.value("SELECT added FROM item WHERE id = 1", LocalDateTime.class))
                    .isEqualTo(LocalDateTime.of(2024, 5, 6, 7, 8, 9));
            assertThat(f.value("SELECT token FROM item WHERE id = 1", UUID.class)).isEqualTo(TOKEN);
            assertThat(f.value("SELECT photo FROM item WHERE id = 1", byte[].class)).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> f.op.execute("UPDATE missing SET x = ?", 1))
                    .isInstanceOf(StatementFailedException.class)
                    .satisfies(e -> assertThat(((StatementFailedException) e).statement())
                            .isEqualTo("UPDATE missing SET x = ?"));
        }
    }
}
