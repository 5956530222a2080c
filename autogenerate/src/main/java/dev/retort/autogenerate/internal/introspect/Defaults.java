package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.schema.Expr;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a server default as a catalogue reports it into an {@link Expr}: {@code 'new'} and
 * PostgreSQL's {@code 'new'::character varying} are the literal {@code "new"}, {@code 0}
 * and {@code (-1)} numbers, {@code TRUE} a boolean, {@code CURRENT_TIMESTAMP} and {@code
 * now()} the current timestamp; anything else stays raw SQL. Autogenerate also uses it to
 * put a model's default in the same form before comparing.
 */
public final class Defaults {

    private static final Pattern CAST = Pattern.compile("^(.*)::([a-z][a-z0-9_ ]*(\\([0-9, ]*\\))?)(\\[\\])?$",
            Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(smallint|integer|bigint|int[248]?|numeric|decimal|real|double precision|float[48]?)(\\([0-9, ]*\\))?");
    private static final Pattern LITERAL_CAST = Pattern.compile(
            "\\s*::\\s*[a-zA-Z][a-zA-Z0-9_ ]*?(\\s*\\([0-9, ]*\\))?(\\[\\])?(?=$|[^a-zA-Z0-9_ (])");
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'", Pattern.DOTALL);

    private Defaults() {
    }

    /** The expression of a reported default; null for none. */
    public static Expr parse(String reported) {
        if (reported == null || reported.isBlank()) {
            return null;
        }
        String text = reported.strip();
        boolean numericCast = false;
        while (true) {
            String stripped = stripParentheses(text);
            var cast = CAST.matcher(stripped);
            if (cast.matches() && !STRING.matcher(stripped).matches()) {
                stripped = cast.group(1).strip();
                numericCast |= cast.group(4) == null && NUMERIC_TYPE.matcher(cast.group(2).strip()).matches();
            }
            if (stripped.equals(text)) {
                break;
            }
            text = stripped;
        }
        var string = STRING.matcher(text);
        if (string.matches()) {
            String value = string.group(1).replace("''", "'");
            // PostgreSQL writes DEFAULT 5 on a numeric column as '5'::numeric: the number.
            if (numericCast && NUMBER.matcher(value.strip()).matches()) {
                return number(value.strip());
            }
            return Expr.literal(value);
        }
        if (NUMBER.matcher(text).matches()) {
            return number(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Expr.literal(Boolean.parseBoolean(lower));
        }
        if (lower.equals("current_timestamp") || lower.equals("current_timestamp()") || lower.equals("now()")) {
            return Expr.currentTimestamp();
        }
        return Expr.raw(text);
    }

    /**
     * One canonical text per default, so the same default read from the database and
     * declared in the model compare equal: {@code Expr.literal(0)} and {@code 0.0}, {@code
     * Expr.raw("now()")} and {@code Expr.currentTimestamp()}.
     */
    public static String canonical(Expr expression) {
        if (expression == null) {
            return "";
        }
        if (expression instanceof Expr.Raw raw) {
            Expr parsed = parse(raw.sql());
            if (!(parsed instanceof Expr.Raw)) {
                return canonical(parsed);
            }
            return normalise(raw.sql());
        }
        if (expression instanceof Expr.Literal literal) {
            Object value = literal.value();
            if (value instanceof Number number) {
                BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
                return decimal.signum() == 0 ? "0" : decimal.toPlainString();
            }
            if (value instanceof Boolean bool) {
                return bool.toString();
            }
            // A number written as a string reads back as the column's type makes it ('5'::numeric,
            // '5'::character varying): one default either way.
            String text = value.toString().strip();
            if (NUMBER.matcher(text).matches()) {
                return canonical(number(text));
            }
            return "'" + value + "'";
        }
        return "current_timestamp";
    }

    private static Expr number(String text) {
        BigDecimal number = new BigDecimal(text);
        if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return Expr.literal(number.longValueExact());
        }
        return Expr.literal(number);
    }

    /**
     * A raw expression in one spelling: outside string literals, case and spaces dropped,
     * the casts PostgreSQL adds to literals ({@code 'utc'::text}, {@code '0'::bigint})
     * removed, and {@code now()} / {@code current_timestamp()} written {@code
     * current_timestamp}, so {@code timezone('utc'::text, now())} and {@code timezone('utc',
     * CURRENT_TIMESTAMP)} read the same. String literals keep their text.
     */
    public static String normalise(String sql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == '\'') {
                        if (end + 1 < n && sql.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(sql, i, end);
                i = skipCast(sql, end);
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) && (out.length() == 0 || !isWordChar(out.charAt(out.length() - 1)))) {
                int end = i;
                while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                out.append(sql, i, end);
                i = skipCast(sql, end);
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && isWordChar(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
                int next = end;
                while (next < n && Character.isWhitespace(sql.charAt(next))) {
                    next++;
                }
                boolean emptyCall = next + 1 < n && sql.charAt(next) == '(' && sql.charAt(next + 1) == ')';
                if ((word.equals("now") || word.equals("current_timestamp")) && emptyCall) {
                    out.append("current_timestamp");
                    i = next + 2;
                } else {
                    out.append(word);
                    i = end;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after a {@code ::type} cast at {@code from} (with its length and array marks), or {@code from}. */
    private static int skipCast(String sql, int from) {
        var cast = LITERAL_CAST.matcher(sql);
        cast.region(from, sql.length());
        return cast.lookingAt() ? cast.end() : from;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String stripParentheses(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return text;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return text; // "(a) + (b)": the outer parentheses do not enclose the whole
                }
            }
        }
        return text.substring(1, text.length() - 1).strip();
    }
}
