package dev.retort.autogenerate;

import dev.retort.autogenerate.internal.introspect.Defaults;
import dev.retort.runtime.schema.Expr;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a model's server default and the database's are the same. First by text, in one
 * spelling ({@link Defaults#canonical}); where the text still differs and a connection is
 * given, by asking the server for the value of both ({@code SELECT (a), (b)}) and comparing
 * the values in Java, as Alembic asks PostgreSQL {@code SELECT a = b}. Comparing in Java,
 * not with SQL {@code =}, keeps MariaDB's case-insensitive collations from calling {@code
 * 'A'} and {@code 'a'} equal.
 *
 * <p>Only expressions safe to run are sent: no statement separator or comment, no sub-query,
 * and no function outside a short list of ones without side effects ({@code nextval} draws
 * a number; a user's function may write). Two literals are never sent: their text decides.
 * A statement the server refuses (a default naming a column, say) leaves them different.
 */
final class ServerDefaults {

    private static final Set<String> SAFE_FUNCTIONS = Set.of("now", "current_timestamp", "current_date",
            "current_time", "localtimestamp", "localtime", "timezone", "lower", "upper", "lcase", "ucase", "trim", "length",
            "char_length", "coalesce", "concat", "abs", "round", "floor", "ceil", "ceiling", "cast", "date_trunc",
            "utc_timestamp", "curdate", "curtime", "to_char", "to_date", "to_timestamp", "make_date", "date",
            "interval", "least", "greatest", "nullif",
            // Type names a cast writes with a length: numeric(5, 2).
            "numeric", "decimal", "varchar", "char", "character", "timestamp", "time");
    private static final Pattern WORD_CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

    private final Connection connection;
    private final Map<String, Boolean> asked = new HashMap<>();

    /** @param connection the database compared, or null to compare by text only */
    ServerDefaults(Connection connection) {
        this.connection = connection;
    }

    /** The database compared, or null: other comparisons that may ask the catalogue use it too. */
    Connection connection() {
        return connection;
    }

    boolean same(Expr model, Expr database) {
        String a = Defaults.canonical(model);
        String b = Defaults.canonical(database);
        if (a.equals(b)) {
            return true;
        }
        if (connection == null || model == null || database == null
                || !(model instanceof Expr.Raw || database instanceof Expr.Raw)) {
            return false;
        }
        String left = sql(model);
        String right = sql(database);
        if (!safe(left) || !safe(right)) {
            return false;
        }
        return asked.computeIfAbsent(left + "\u0000" + right, key -> ask(left, right));
    }

    private boolean ask(String left, String right) {
        Savepoint savepoint = null;
        try {
            // A refused statement aborts PostgreSQL's open transaction: roll back to here.
            if (!connection.getAutoCommit()) {
                savepoint = connection.setSavepoint();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT (" + left + "), (" + right + ")")) {
                rs.next();
                boolean same = equal(rs.getObject(1), rs.getObject(2));
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
                return same;
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException ignored) {
                    // The comparison stands as "different"; the caller's own statements report a broken connection.
                }
            }
            return false;
        }
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Boolean x && b instanceof Number y) {
            return (x ? 1 : 0) == y.intValue();
        }
        if (a instanceof Number x && b instanceof Boolean y) {
            return equal(b, a);
        }
        return Objects.equals(a, b);
    }

    /** The default as SQL, the way the dialects write it. */
    private static String sql(Expr expression) {
        if (expression instanceof Expr.Raw raw) {
            return raw.sql();
        }
        if (expression instanceof Expr.Literal literal) {
            Object value = literal.value();
            if (value instanceof String string) {
                return "'" + string.replace("'", "''") + "'";
            }
            if (value instanceof Boolean bool) {
                return bool ? "TRUE" : "FALSE";
            }
            return new BigDecimal(value.toString()).toPlainString();
        }
        return "CURRENT_TIMESTAMP";
    }

    /** True when {@code sql} can be evaluated without side effects. */
    static boolean safe(String sql) {
        String code = STRING.matcher(sql).replaceAll("0");
        if (code.contains("'") || code.contains(";") || code.contains("--") || code.contains("/*")
                || code.contains("#") || code.contains("\\")) {
            return false;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*\\b(select|insert|update|delete|with|values|from|call|exec|execute)\\b.*")) {
            return false;
        }
        Matcher call = WORD_CALL.matcher(code);
        while (call.find()) {
            if (!SAFE_FUNCTIONS.contains(call.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
