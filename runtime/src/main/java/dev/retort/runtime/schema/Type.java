package dev.retort.runtime.schema;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A portable column type. Each dialect maps it to its own SQL: {@code Type.JSON} is
 * {@code JSONB} on PostgreSQL and {@code JSON} on H2, {@code Type.BINARY} is {@code BYTEA}
 * on PostgreSQL and {@code BINARY VARYING} on H2. {@link #raw(String)} passes a type the
 * portable set lacks through unchanged, to every dialect.
 *
 * <pre>{@code
 * Column.of("price", Type.numeric(12, 2))
 * Column.of("name", Type.varchar(100))
 * Column.of("location", Type.raw("GEOMETRY(Point, 4326)"))
 * }</pre>
 *
 * <p>Instances are immutable and compare by value.
 */
public final class Type {

    /** What a type is; dialects map each kind to their SQL. */
    public enum Kind {
        /** A 32-bit integer. */
        INTEGER,
        /** A 64-bit integer. */
        BIGINT,
        /** A 16-bit integer. */
        SMALLINT,
        /** True or false. */
        BOOLEAN,
        /** A character string of at most {@link Type#length()} characters. */
        VARCHAR,
        /**
         * A character string of exactly {@link Type#length()} characters, blank-padded when
         * shorter (SQL's {@code CHAR(n)}).
         */
        CHAR,
        /** A character string of unbounded length. */
        TEXT,
        /** An exact decimal number of {@link Type#precision()} digits, {@link Type#scale()} of them after the point. */
        NUMERIC,
        /** An 8-byte floating-point number. */
        DOUBLE,
        /** A 4-byte floating-point number. */
        REAL,
        /** A calendar date. */
        DATE,
        /** A time of day without time zone. */
        TIME,
        /** A date and time without time zone. */
        TIMESTAMP,
        /** A date and time with time zone (an instant). */
        TIMESTAMP_TZ,
        /** A byte string, unbounded unless {@link Type#length()} is set. */
        BINARY,
        /** A UUID. */
        UUID,
        /** A JSON document. */
        JSON,
        /** SQL written by the user, passed through unchanged. */
        RAW
    }

    /** {@code INTEGER}: a 32-bit integer. */
    public static final Type INTEGER = new Type(Kind.INTEGER, -1, -1, -1, null);
    /** {@code BIGINT}: a 64-bit integer. */
    public static final Type BIGINT = new Type(Kind.BIGINT, -1, -1, -1, null);
    /** {@code SMALLINT}: a 16-bit integer. */
    public static final Type SMALLINT = new Type(Kind.SMALLINT, -1, -1, -1, null);
    /** {@code BOOLEAN}. */
    public static final Type BOOLEAN = new Type(Kind.BOOLEAN, -1, -1, -1, null);
    /** Text of unbounded length: {@code TEXT} on PostgreSQL, {@code CHARACTER VARYING} (no length) on H2. */
    public static final Type TEXT = new Type(Kind.TEXT, -1, -1, -1, null);
    /** {@code DOUBLE PRECISION}: an 8-byte floating-point number. */
    public static final Type DOUBLE = new Type(Kind.DOUBLE, -1, -1, -1, null);
    /**
     * {@code REAL}: a 4-byte floating-point number (about 7 significant digits), {@code FLOAT}
     * on MariaDB; what Hibernate makes of a Java {@code float}. SQLite stores it in 8 bytes.
     */
    public static final Type REAL = new Type(Kind.REAL, -1, -1, -1, null);
    /** {@code DATE}. */
    public static final Type DATE = new Type(Kind.DATE, -1, -1, -1, null);
    /** {@code TIME}: a time of day without time zone. */
    public static final Type TIME = new Type(Kind.TIME, -1, -1, -1, null);
    /** {@code TIMESTAMP}: a date and time without time zone. */
    public static final Type TIMESTAMP = new Type(Kind.TIMESTAMP, -1, -1, -1, null);
    /** {@code TIMESTAMP WITH TIME ZONE}: an instant; read it as {@code OffsetDateTime}. */
    public static final Type TIMESTAMP_TZ = new Type(Kind.TIMESTAMP_TZ, -1, -1, -1, null);
    /** Bytes of unbounded length: {@code BYTEA} on PostgreSQL, {@code BINARY VARYING} on H2. */
    public static final Type BINARY = new Type(Kind.BINARY, -1, -1, -1, null);
    /** {@code UUID}; read and write it as {@code java.util.UUID}. */
    public static final Type UUID = new Type(Kind.UUID, -1, -1, -1, null);
    /** A JSON document: {@code JSONB} on PostgreSQL (indexable, normalised), {@code JSON} on H2. */
    public static final Type JSON = new Type(Kind.JSON, -1, -1, -1, null);

    private final Kind kind;
    private final int length;
    private final int precision;
    private final int scale;
    private final String sql;

    private Type(Kind kind, int length, int precision, int scale, String sql) {
        this.kind = kind;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.sql = sql;
    }

    /**
     * {@code VARCHAR(length)}: text of at most {@code length} characters.
     *
     * @throws IllegalArgumentException when {@code length} is not positive
     */
    public static Type varchar(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("varchar length must be at least 1, was " + length);
        }
        return new Type(Kind.VARCHAR, length, -1, -1, null);
    }

    /**
     * {@code CHAR(length)}: text of exactly {@code length} characters, blank-padded when
     * shorter, for codes of fixed width such as {@code character(3)} for an ISO currency.
     * MariaDB and MySQL drop the padding when the value is read; SQLite neither pads nor
     * checks the length. On MySQL {@code character(36)} is the column {@link #UUID} is made
     * of, and reads back as {@code UUID}.
     *
     * @throws IllegalArgumentException when {@code length} is not positive
     */
    public static Type character(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("character length must be at least 1, was " + length);
        }
        return new Type(Kind.CHAR, length, -1, -1, null);
    }

    /**
     * {@code NUMERIC(precision, scale)}: an exact decimal, {@code numeric(12, 2)} holds
     * {@code 9999999999.99}. Read and write it as {@code BigDecimal}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= precision} and {@code 0 <= scale <= precision}
     */
    public static Type numeric(int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("numeric needs 1 <= precision and 0 <= scale <= precision, was numeric("
                    + precision + ", " + scale + ")");
        }
        return new Type(Kind.NUMERIC, -1, precision, scale, null);
    }

    /**
     * Bytes of at most {@code length}: {@code BINARY VARYING(length)} on H2. PostgreSQL has
     * no bounded byte type, so there it is {@code BYTEA} and the bound is not enforced.
     *
     * @throws IllegalArgumentException when {@code length} is not positive
     */
    public static Type varbinary(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("varbinary length must be at least 1, was " + length);
        }
        return new Type(Kind.BINARY, length, -1, -1, null);
    }

    /**
     * A type written in the database's own SQL, passed through unchanged by every dialect:
     * the escape hatch for what the portable set lacks. The migration is then tied to the
     * databases that understand {@code sql}.
     *
     * @throws IllegalArgumentException when {@code sql} is blank
     */
    public static Type raw(String sql) {
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("A raw type needs its SQL, e.g. Type.raw(\"INTERVAL\")");
        }
        return new Type(Kind.RAW, -1, -1, -1, sql.strip());
    }

    /** What this type is. */
    public Kind kind() {
        return kind;
    }

    /** The maximum length of a {@code varchar} or {@code varbinary}, the length of a {@code character}; empty otherwise. */
    public OptionalInt length() {
        return length < 0 ? OptionalInt.empty() : OptionalInt.of(length);
    }

    /** The total digits of a {@code numeric}; empty otherwise. */
    public OptionalInt precision() {
        return precision < 0 ? OptionalInt.empty() : OptionalInt.of(precision);
    }

    /** The digits after the point of a {@code numeric}; empty otherwise. */
    public OptionalInt scale() {
        return scale < 0 ? OptionalInt.empty() : OptionalInt.of(scale);
    }

    /** The SQL of a {@link #raw(String)} type; {@code null} for every other kind. */
    public String rawSql() {
        return sql;
    }

    /** True for the integer kinds, the only ones that can auto-increment. */
    public boolean isInteger() {
        return kind == Kind.INTEGER || kind == Kind.BIGINT || kind == Kind.SMALLINT;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Type that && kind == that.kind && length == that.length
                && precision == that.precision && scale == that.scale && Objects.equals(sql, that.sql);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, length, precision, scale, sql);
    }

    /**
     * The type for messages, as SQL names it: {@code VARCHAR(50)}, {@code NUMERIC(12, 2)},
     * {@code TIMESTAMP_TZ}, a raw type's own SQL. Not the Java a migration writes (autogenerate's
     * renderer writes that).
     */
    @Override
    public String toString() {
        return switch (kind) {
            case VARCHAR -> "VARCHAR(" + length + ")";
            case CHAR -> "CHAR(" + length + ")";
            case NUMERIC -> "NUMERIC(" + precision + ", " + scale + ")";
            case BINARY -> length < 0 ? "BINARY" : "VARBINARY(" + length + ")";
            case RAW -> sql;
            default -> kind.name();
        };
    }
}
