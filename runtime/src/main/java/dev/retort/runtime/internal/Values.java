package dev.retort.runtime.internal;

import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Java values a bulk insert, a statement parameter or an inline literal may hold,
 * brought to one canonical class per SQL type, so that binding (online) and literal
 * rendering (offline) see the same small set of classes and agree.
 *
 * <p>Canonical classes: {@code String}, {@code Boolean}, {@code Short}, {@code Integer},
 * {@code Long}, {@code BigInteger}, {@code BigDecimal}, {@code Double}, {@code LocalDate},
 * {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code UUID} and {@code
 * byte[]}; {@code null} stays {@code null}.
 */
public final class Values {

    private Values() {
    }

    /**
     * The canonical form of a value whose SQL type is not declared: {@code java.sql} date
     * types become {@code java.time} ones, an {@code Instant} or {@code ZonedDateTime} an
     * {@code OffsetDateTime}, a {@code Float} the {@code Double} it prints as, a {@code
     * Character} a {@code String}, a {@code Byte} a {@code Short}.
     *
     * @param where names the value in an error, e.g. "parameter 2 of [UPDATE …]"
     * @throws IllegalArgumentException for any other class
     */
    public static Object canonical(Object value, Supplier<String> where) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigInteger
                || value instanceof BigDecimal || value instanceof Double || value instanceof LocalDate
                || value instanceof LocalTime || value instanceof LocalDateTime || value instanceof OffsetDateTime
                || value instanceof UUID || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Byte b) {
            return b.shortValue();
        }
        if (value instanceof Float f) {
            // Through the decimal text, so 0.1f stays 0.1 rather than 0.10000000149011612.
            return Double.valueOf(f.toString());
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        throw new IllegalArgumentException(where.get() + " is a " + value.getClass().getName()
                + ", which Retort cannot send as a SQL value. Use a String, Boolean, Integer, Long, BigDecimal, "
                + "Double, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID or byte[]");
    }

    /**
     * The canonical form of a value for a column of {@code type}: an {@code Integer} for
     * {@code INTEGER}, a {@code BigDecimal} for {@code NUMERIC}, a {@code UUID} parsed from
     * a {@code String} for {@code UUID}, the JSON text for {@code JSON}, and so on. A
     * {@link Type#raw raw} type takes any {@linkplain #canonical canonical} value.
     *
     * @param where names the value in an error, e.g. "row 3, column id of bulk insert into account"
     * @throws IllegalArgumentException when the value does not fit the type (a string for a
     *     number, an integer out of range, a non-finite number for {@code NUMERIC}, …)
     */
    public static Object forType(Object value, Type type, Supplier<String> where) {
        Object v = canonical(value, where);
        if (v == null) {
            return null;
        }
        return switch (type.kind()) {
            case INTEGER -> Integer.valueOf((int) integral(v, type, Integer.MIN_VALUE, Integer.MAX_VALUE, where));
            case SMALLINT -> Short.valueOf((short) integral(v, type, Short.MIN_VALUE, Short.MAX_VALUE, where));
            case BIGINT -> Long.valueOf(integral(v, type, Long.MIN_VALUE, Long.MAX_VALUE, where));
            case BOOLEAN -> require(v, Boolean.class, type, "a Boolean", where);
            case VARCHAR, CHAR, TEXT -> require(v, String.class, type, "a String", where);
            case JSON -> require(v, String.class, type, "the JSON text as a String", where);
            case NUMERIC -> decimal(v, type, where);
            case DOUBLE -> {
                if (v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof BigInteger)) {
                    yield Double.valueOf(n.doubleValue());
                }
                throw mismatch(v, type, "a Double, Float, Integer or Long", where);
            }
            case REAL -> {
                if (v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof BigInteger)) {
                    yield Float.valueOf(n.floatValue());
                }
                throw mismatch(v, type, "a Float, Double, Integer or Long", where);
            }
            case DATE -> require(v, LocalDate.class, type, "a LocalDate or java.sql.Date", where);
            case TIME -> require(v, LocalTime.class, type, "a LocalTime or java.sql.Time", where);
            case TIMESTAMP -> require(v, LocalDateTime.class, type, "a LocalDateTime or java.sql.Timestamp", where);
            case TIMESTAMP_TZ -> require(v, OffsetDateTime.class, type, "an OffsetDateTime, ZonedDateTime or Instant",
                    where);
            case BINARY -> require(v, byte[].class, type, "a byte[]", where);
            case UUID -> uuid(v, type, where);
            case RAW -> v;
        };
    }

    private static <T> T require(Object v, Class<T> wanted, Type type, String accepted, Supplier<String> where) {
        if (wanted.isInstance(v)) {
            return wanted.cast(v);
        }
        throw mismatch(v, type, accepted, where);
    }

    private static long integral(Object v, Type type, long min, long max, Supplier<String> where) {
        long x;
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            x = ((Number) v).longValue();
        } else if (v instanceof BigInteger big && big.bitLength() < 64) {
            x = big.longValue();
        } else if (v instanceof BigInteger) {
            throw outOfRange(v, type, min, max, where);
        } else {
            throw mismatch(v, type, "an Integer, Long, Short or BigInteger", where);
        }
        if (x < min || x > max) {
            throw outOfRange(v, type, min, max, where);
        }
        return x;
    }

    private static IllegalArgumentException outOfRange(Object v, Type type, long min, long max, Supplier<String> where) {
        return new IllegalArgumentException(where.get() + " is " + v + ", outside the range of " + type
                + " (" + min + " to " + max + ")");
    }

    private static BigDecimal decimal(Object v, Type type, Supplier<String> where) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException(where.get() + " is " + d + ", which a " + type
                        + " column cannot hold");
            }
            return BigDecimal.valueOf(d);
        }
        throw mismatch(v, type, "a BigDecimal, Integer, Long or Double", where);
    }

    private static UUID uuid(Object v, Type type, Supplier<String> where) {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof String s) {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where.get() + " is the String \"" + s
                        + "\", which is not a UUID; give a java.util.UUID", e);
            }
        }
        throw mismatch(v, type, "a java.util.UUID or its text", where);
    }

    private static IllegalArgumentException mismatch(Object v, Type type, String accepted, Supplier<String> where) {
        String shown = v instanceof byte[] bytes ? "byte[" + bytes.length + "]" : String.valueOf(v);
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return new IllegalArgumentException(where.get() + " is a " + v.getClass().getSimpleName() + " (" + shown
                + "), but a column of type " + type + " takes " + accepted);
    }
}
