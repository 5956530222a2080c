package dev.retort.runtime.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The literal of every kind of value on H2 and PostgreSQL: first as text, then run by the
 * database itself ({@code SELECT <literal>}) and read back as the value it stands for.
 */
class LiteralRenderingTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private final Dialect h2 = new H2Dialect();
    private final Dialect postgres = new PostgresDialect();

    @Test
    void nullStringsNumbersAndBooleansAreTheSameOnBoth() {
        for (Dialect d : new Dialect[] {h2, postgres}) {
            assertThat(d.literal(null)).isEqualTo("NULL");
            assertThat(d.literal(null, Type.JSON)).isEqualTo("NULL");
            assertThat(d.literal("it's")).isEqualTo("'it''s'");
            assertThat(d.literal("")).isEqualTo("''");
            assertThat(d.literal('x')).isEqualTo("'x'");
            assertThat(d.literal(42)).isEqualTo("42");
            assertThat(d.literal(-9_000_000_000L)).isEqualTo("-9000000000");
            assertThat(d.literal((short) 7)).isEqualTo("7");
            assertThat(d.literal((byte) -3)).isEqualTo("-3");
            assertThat(d.literal(new BigInteger("123456789012345678901234567890")))
                    .isEqualTo("123456789012345678901234567890");
            assertThat(d.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(d.literal(new BigDecimal("-0.000001"))).isEqualTo("-0.000001");
            assertThat(d.literal(1.0E10)).isEqualTo("10000000000");
            assertThat(d.literal(0.1f)).isEqualTo("0.1");
            assertThat(d.literal(Double.NaN)).isEqualTo("CAST('NaN' AS DOUBLE PRECISION)");
            assertThat(d.literal(Double.NEGATIVE_INFINITY)).isEqualTo("CAST('-Infinity' AS DOUBLE PRECISION)");
            assertThat(d.literal(true)).isEqualTo("TRUE");
            assertThat(d.literal(false)).isEqualTo("FALSE");
        }
    }

    @Test
    void datesAndTimesAreTypedLiteralsWithSecondsAlwaysWritten() {
        for (Dialect d : new Dialect[] {h2, postgres}) {
            assertThat(d.literal(LocalDate.of(2024, 1, 31))).isEqualTo("DATE '2024-01-31'");
            assertThat(d.literal(java.sql.Date.valueOf("2024-01-31"))).isEqualTo("DATE '2024-01-31'");
            assertThat(d.literal(LocalTime.of(12, 30))).isEqualTo("TIME '12:30:00'");
            assertThat(d.literal(LocalTime.of(12, 30, 1, 500_000_000))).isEqualTo("TIME '12:30:01.5'");
            assertThat(d.literal(java.sql.Time.valueOf("08:00:00"))).isEqualTo("TIME '08:00:00'");
            assertThat(d.literal(LocalDateTime.of(2024, 1, 31, 12, 30, 0, 123_456_000)))
                    .isEqualTo("TIMESTAMP '2024-01-31 12:30:00.123456'");
            assertThat(d.literal(java.sql.Timestamp.valueOf("2024-01-31 00:00:00")))
                    .isEqualTo("TIMESTAMP '2024-01-31 00:00:00'");
            assertThat(d.literal(OffsetDateTime.of(2024, 1, 31, 12, 30, 0, 0, ZoneOffset.ofHours(2))))
                    .isEqualTo("TIMESTAMP WITH TIME ZONE '2024-01-31 12:30:00+02:00'");
            assertThat(d.literal(Instant.parse("2024-01-31T10:30:00Z")))
                    .isEqualTo("TIMESTAMP WITH TIME ZONE '2024-01-31 10:30:00+00:00'");
            assertThat(d.literal(ZonedDateTime.of(2024, 7, 1, 9, 0, 0, 0, ZoneId.of("Europe/Paris"))))
                    .isEqualTo("TIMESTAMP WITH TIME ZONE '2024-07-01 09:00:00+02:00'");
        }
    }

    @Test
    void uuidBinaryAndJsonAreEachDatabasesOwn() {
        assertThat(h2.literal(ID)).isEqualTo("UUID '0f8fad5b-d9cb-469f-a165-70867728950e'");
        assertThat(postgres.literal(ID)).isEqualTo("UUID '0f8fad5b-d9cb-469f-a165-70867728950e'");
        assertThat(h2.literal(ID.toString(), Type.UUID)).isEqualTo("UUID '0f8fad5b-d9cb-469f-a165-70867728950e'");

        byte[] bytes = {(byte) 0xCA, (byte) 0xFE, 0x00, 0x7F};
        assertThat(h2.literal(bytes)).isEqualTo("X'CAFE007F'");
        assertThat(postgres.literal(bytes)).isEqualTo("'\\xcafe007f'::bytea");
        assertThat(h2.literal(new byte[0])).isEqualTo("X''");

        String json = "{\"name\": \"it's\"}";
        assertThat(h2.literal(json, Type.JSON)).isEqualTo("JSON '{\"name\": \"it''s\"}'");
        assertThat(postgres.literal(json, Type.JSON)).isEqualTo("'{\"name\": \"it''s\"}'::jsonb");
        // Without the type a String is a string, whatever it holds.
        assertThat(postgres.literal(json)).isEqualTo("'{\"name\": \"it''s\"}'");
    }

    @Test
    void aDeclaredTypeConvertsTheValueOrSaysWhyNot() {
        assertThat(postgres.literal(7, Type.numeric(10, 2))).isEqualTo("7");
        assertThat(postgres.literal(7, Type.DOUBLE)).isEqualTo("7.0");
        assertThat(postgres.literal(0.25, Type.numeric(10, 2))).isEqualTo("0.25");
        assertThat(postgres.literal(5L, Type.INTEGER)).isEqualTo("5");
        assertThat(postgres.literal("x", Type.raw("CITEXT"))).isEqualTo("'x'");
        assertThatThrownBy(() -> postgres.literal("5", Type.INTEGER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The inline INTEGER literal is a String (5), but a column of type INTEGER takes an "
                        + "Integer, Long, Short or BigInteger");
        assertThatThrownBy(() -> postgres.literal(40_000, Type.SMALLINT))
                .hasMessageContaining("is 40000, outside the range of SMALLINT (-32768 to 32767)");
        assertThatThrownBy(() -> postgres.literal("not-a-uuid", Type.UUID))
                .hasMessageContaining("is the String \"not-a-uuid\", which is not a UUID");
        assertThatThrownBy(() -> postgres.literal(Double.NaN, Type.numeric(5, 2)))
                .hasMessageContaining("NaN, which a NUMERIC(5, 2) column cannot hold");
        assertThatThrownBy(() -> postgres.literal(new Object()))
                .hasMessageContaining("is a java.lang.Object, which Retort cannot send as a SQL value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theDatabaseReadsEachLiteralAsTheValueItStandsFor(String kind) throws SQLException {
        try (TestDatabase db = TestDatabases.open(kind); Connection c = db.dataSource().getConnection()) {
            Dialect d = Dialects.detect(c);
            assertThat(select(c, d.literal("it's \"quoted\" -- not a comment"), String.class))
                    .isEqualTo("it's \"quoted\" -- not a comment");
            assertThat(select(c, d.literal(-9_000_000_000L), Long.class)).isEqualTo(-9_000_000_000L);
            assertThat(select(c, d.literal(new BigDecimal("12345.6789")), BigDecimal.class))
                    .isEqualByComparingTo("12345.6789");
            assertThat(select(c, d.literal(0.1f), BigDecimal.class)).isEqualByComparingTo("0.1");
            assertThat(select(c, d.literal(Double.NaN), Double.class)).isNaN();
            assertThat(select(c, d.literal(Double.POSITIVE_INFINITY), Double.class)).isInfinite();
            assertThat(select(c, d.literal(true), Boolean.class)).isTrue();
            assertThat(select(c, d.literal(LocalDate.of(2024, 2, 29)), LocalDate.class))
                    .isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(select(c, d.literal(LocalTime.of(23, 59, 58, 250_000_000)), LocalTime.class))
                    .isEqualTo(LocalTime.of(23, 59, 58, 250_000_000));
            LocalDateTime at = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000);
            assertThat(select(c, d.literal(at), LocalDateTime.class)).isEqualTo(at);
            OffsetDateTime instant = OffsetDateTime.of(2024, 1, 31, 12, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
            assertThat(select(c, d.literal(instant), OffsetDateTime.class)).isAtSameInstantAs(instant);
            assertThat(select(c, d.literal(ID), UUID.class)).isEqualTo(ID);
            byte[] bytes = {(byte) 0xCA, (byte) 0xFE, 0x00, 0x7F, 0x27};
            assertThat(select(c, d.literal(bytes), byte[].class)).isEqualTo(bytes);
            assertThat(select(c, d.literal(new byte[0]), byte[].class)).isEmpty();
            assertThat(select(c, "(" + d.literal(null) + ") IS NULL", Boolean.class)).isTrue();
            String json = "{\"name\": \"it's\", \"n\": [1, 2]}";
            // Read back as text: a JSON object, not a JSON string holding the text (which starts with a quote).
            assertThat(select(c, "CAST(" + d.literal(json, Type.JSON) + " AS VARCHAR(100))", String.class))
                    .startsWith("{").contains("\"name\"").contains("it's").containsPattern("\\[1, ?2]");
        }
    }

    private static <T> T select(Connection connection, String expression, Class<T> type) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + expression)) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1, type);
        }
    }
}
