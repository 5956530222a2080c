package dev.retort.autogenerate.internal;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;

/**
 * Schema values as the Java a migration writes for them ({@code Column.of("id", Type.BIGINT).primaryKey()}):
 * the renderer's vocabulary, kept here so that the schema model's {@code toString()} stays plain.
 */
public final class JavaSource {

    private JavaSource() {
    }

    /** A Java string literal, quotes and backslashes escaped. */
    public static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The type as a migration writes it, e.g. {@code Type.varchar(50)}. */
    public static String type(Type type) {
        return switch (type.kind()) {
            case VARCHAR -> "Type.varchar(" + type.length().getAsInt() + ")";
            case CHAR -> "Type.character(" + type.length().getAsInt() + ")";
            case NUMERIC -> "Type.numeric(" + type.precision().getAsInt() + ", " + type.scale().getAsInt() + ")";
            case BINARY -> type.length().isEmpty() ? "Type.BINARY" : "Type.varbinary(" + type.length().getAsInt() + ")";
            case RAW -> "Type.raw(" + string(type.rawSql()) + ")";
            default -> "Type." + type.kind().name();
        };
    }

    /** The expression as a migration writes it, e.g. {@code Expr.literal("new")} or {@code Expr.raw("now()")}. */
    public static String expr(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            Object value = literal.value();
            String source;
            if (value instanceof String s) {
                source = string(s);
            } else if (value instanceof BigDecimal decimal) {
                source = "new BigDecimal(\"" + decimal + "\")";
            } else if (value instanceof Long) {
                source = value + "L";
            } else if (value instanceof Float) {
                source = value + "f";
            } else {
                source = value.toString();
            }
            return "Expr.literal(" + source + ")";
        }
        if (expr instanceof Expr.Raw raw) {
            return "Expr.raw(" + string(raw.sql()) + ")";
        }
        return "Expr.currentTimestamp()";
    }

    /** The column as a migration writes it, e.g. {@code Column.of("id", Type.BIGINT).primaryKey()}. */
    public static String column(Column column) {
        StringBuilder out = new StringBuilder("Column.of(").append(string(column.name())).append(", ")
                .append(type(column.type())).append(')');
        if (column.isPrimaryKey()) {
            out.append(".primaryKey()");
        } else if (!column.isNullable()) {
            out.append(".notNull()");
        }
        column.autoIncrementKind().ifPresent(k -> out.append(k == Column.AutoIncrement.BY_DEFAULT ? ".autoIncrement()"
                : ".autoIncrement(Column.AutoIncrement." + k.name() + ")"));
        if (column.isUnique()) {
            out.append(".unique()");
        }
        column.serverDefault().ifPresent(d -> out.append(".serverDefault(").append(expr(d)).append(')'));
        column.computed().ifPresent(c -> out.append(".computed(").append(string(c.expression()))
                .append(c.stored() ? ")" : ", false)"));
        column.comment().ifPresent(c -> out.append(".comment(").append(string(c)).append(')'));
        return out.toString();
    }
}
