package dev.retort.runtime.schema;

import java.util.Objects;

/**
 * A SQL expression the database evaluates, used as a column's server default. A dialect
 * renders it: a {@link #literal(String) literal} is quoted and escaped for that
 * database, {@link #currentTimestamp()} is its current-time function, and {@link
 * #raw(String)} is passed through as written.
 *
 * <pre>{@code
 * Column.of("status", Type.varchar(20)).serverDefault(Expr.literal("new"))
 * Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp())
 * Column.of("token", Type.UUID).serverDefault(Expr.raw("gen_random_uuid()"))
 * }</pre>
 */
public sealed interface Expr permits Expr.Literal, Expr.CurrentTimestamp, Expr.Raw {

    /** A string literal: {@code 'it''s'}. The dialect escapes it. */
    static Expr literal(String value) {
        return new Literal(value);
    }

    /** A numeric literal, written as digits: {@code 42}, {@code 9.99}. */
    static Expr literal(Number value) {
        return new Literal(value);
    }

    /** A boolean literal, written {@code TRUE} or {@code FALSE}. */
    static Expr literal(boolean value) {
        return new Literal(value);
    }

    /** The time the row is written: SQL {@code CURRENT_TIMESTAMP}. */
    static Expr currentTimestamp() {
        return CurrentTimestamp.INSTANCE;
    }

    /**
     * SQL passed through unchanged, for functions and expressions the portable set lacks:
     * {@code Expr.raw("gen_random_uuid()")}. It is not escaped: never build it from input.
     */
    static Expr raw(String sql) {
        return new Raw(sql);
    }

    /**
     * A literal value.
     *
     * @param value a {@code String}, a {@code Number} ({@code Integer}, {@code Long},
     *     {@code BigDecimal}, …) or a {@code Boolean}
     */
    record Literal(Object value) implements Expr {

        /** @throws IllegalArgumentException for anything but a string, number or boolean */
        public Literal {
            Objects.requireNonNull(value, "value (a missing default is no serverDefault at all)");
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("A literal is a String, Number or Boolean, not "
                        + value.getClass().getName() + "; use Expr.raw(sql) for anything else");
            }
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                    || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                throw new IllegalArgumentException("A numeric literal must be finite, was " + value);
            }
        }

        /** The literal for messages: a string in single quotes, any other value as Java prints it. */
        @Override
        public String toString() {
            return value instanceof String string ? "'" + string + "'" : value.toString();
        }
    }

    /** SQL {@code CURRENT_TIMESTAMP}. */
    enum CurrentTimestamp implements Expr {
        /** The only instance. */
        INSTANCE;

        /** {@code CURRENT_TIMESTAMP}. */
        @Override
        public String toString() {
            return "CURRENT_TIMESTAMP";
        }
    }

    /**
     * SQL written by the user.
     *
     * @param sql the expression, passed through unchanged
     */
    record Raw(String sql) implements Expr {

        /** @throws IllegalArgumentException when {@code sql} is blank */
        public Raw {
            Objects.requireNonNull(sql, "sql");
            if (sql.isBlank()) {
                throw new IllegalArgumentException("A raw expression needs its SQL, e.g. Expr.raw(\"now()\")");
            }
        }

        /** The SQL itself. */
        @Override
        public String toString() {
            return sql;
        }
    }
}
