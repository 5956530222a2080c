package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.ExecuteWithParameters;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Values in SQL, the standard way: literals for offline scripts, bound parameters online, and
 * the two data statements that carry values ({@code BulkInsert}, {@code
 * ExecuteWithParameters}). {@link Dialect}'s protected hooks ({@code renderValueLiteral},
 * {@code renderJsonLiteral}, {@code bindJson}, {@code renderParameterMarker}, …) return these
 * forms by default; everything here reaches the other hooks through the dialect, never
 * directly, so a dialect that overrides one (MariaDB's UUID literal, SQLite's text dates, H2's
 * {@code ? FORMAT JSON}) has it used everywhere, bulk inserts included.
 */
final class ValueSql {

    private final Dialect dialect;

    ValueSql(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The literal of a canonical value (see {@link Dialect#renderValueLiteral}), dispatched on its class. */
    String valueLiteral(Object value, Type type) {
        if (value == null) {
            return "NULL";
        }
        if (type != null && type.kind() == Type.Kind.JSON) {
            return dialect.renderJsonLiteral((String) value);
        }
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(((Number) value).doubleValue())) {
            return dialect.renderNonFiniteLiteral(((Number) value).doubleValue());
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            return dialect.renderLiteral(value);
        }
        if (value instanceof LocalDate date) {
            return "DATE " + dialect.renderLiteral(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
        }
        if (value instanceof LocalTime time) {
            return "TIME " + dialect.renderLiteral(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
        }
        if (value instanceof LocalDateTime timestamp) {
            return "TIMESTAMP " + dialect.renderLiteral(DateTimeFormatter.ISO_LOCAL_DATE.format(timestamp) + " "
                    + DateTimeFormatter.ISO_LOCAL_TIME.format(timestamp));
        }
        if (value instanceof OffsetDateTime timestamp) {
            return dialect.renderTimestampTzLiteral(timestamp);
        }
        if (value instanceof UUID uuid) {
            return dialect.renderUuidLiteral(uuid);
        }
        if (value instanceof byte[] bytes) {
            return dialect.renderBinaryLiteral(bytes);
        }
        throw new IllegalArgumentException("No literal for a " + value.getClass().getName());
    }

    String timestampTzLiteral(OffsetDateTime timestamp) {
        ZoneOffset offset = timestamp.getOffset();
        return "TIMESTAMP WITH TIME ZONE " + dialect.renderLiteral(DateTimeFormatter.ISO_LOCAL_DATE.format(timestamp)
                + " " + DateTimeFormatter.ISO_LOCAL_TIME.format(timestamp)
                + (offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId()));
    }

    String uuidLiteral(UUID uuid) {
        return "UUID " + dialect.renderLiteral(uuid.toString());
    }

    static String binaryLiteral(byte[] bytes) {
        return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
    }

    String jsonLiteral(String json) {
        return "JSON " + dialect.renderLiteral(json);
    }

    String nonFiniteLiteral(double value) {
        String text = Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        return "CAST(" + dialect.renderLiteral(text) + " AS " + dialect.renderType(Type.DOUBLE) + ")";
    }

    /** Binds a value already brought to its canonical class (see {@link Dialect#bind}). */
    void bind(PreparedStatement statement, int index, Object value, Type type) throws SQLException {
        if (value == null) {
            statement.setNull(index, dialect.nullType(type));
        } else if (type != null && type.kind() == Type.Kind.JSON) {
            dialect.bindJson(statement, index, (String) value);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof BigInteger big) {
            statement.setBigDecimal(index, new BigDecimal(big));
        } else {
            statement.setObject(index, value);
        }
    }

    static int nullType(Type type) {
        if (type == null) {
            return Types.NULL;
        }
        return switch (type.kind()) {
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case SMALLINT -> Types.SMALLINT;
            case BOOLEAN -> Types.BOOLEAN;
            case VARCHAR, TEXT -> Types.VARCHAR;
            case CHAR -> Types.CHAR;
            case NUMERIC -> Types.NUMERIC;
            case DOUBLE -> Types.DOUBLE;
            case REAL -> Types.REAL;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BINARY -> Types.VARBINARY;
            case UUID, JSON, RAW -> Types.NULL;
        };
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)}, each marker the dialect's for its column's type. */
    String bulkInsertStatement(BulkInsert operation) {
        return insertInto(operation) + " " + operation.columns().stream()
                .map(column -> dialect.renderParameterMarker(column.type().orElse(null)))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** One {@code INSERT … VALUES} per batch of rows, one row a line, every value a literal. */
    List<String> bulkInsert(BulkInsert operation) {
        String head = insertInto(operation);
        List<BulkInsert.InsertColumn> columns = operation.columns();
        List<String> statements = new ArrayList<>();
        List<List<Object>> rows = operation.rows();
        for (int from = 0; from < rows.size(); from += operation.batchSize()) {
            int to = Math.min(rows.size(), from + operation.batchSize());
            StringBuilder sql = new StringBuilder(head);
            for (int r = from; r < to; r++) {
                List<Object> row = rows.get(r);
                // One row stays on the statement's line; several start a line each.
                sql.append(to - from == 1 ? " (" : r == from ? "\n    (" : ",\n    (");
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        sql.append(", ");
                    }
                    sql.append(dialect.renderValueLiteral(row.get(c), columns.get(c).type().orElse(null)));
                }
                sql.append(')');
            }
            statements.add(sql.toString());
        }
        return List.copyOf(statements);
    }

    List<String> executeWithParameters(ExecuteWithParameters operation) {
        return List.of(operation.inline(value -> dialect.renderValueLiteral(value, null)));
    }

    /** {@code INSERT INTO t (a, b) VALUES}: the head the online and offline forms share. */
    private String insertInto(BulkInsert operation) {
        return "INSERT INTO " + dialect.table(operation.schema(), operation.table()) + " "
                + dialect.columnList(operation.columns().stream().map(BulkInsert.InsertColumn::name).toList())
                + " VALUES";
    }
}
