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

    private static final Pattern CAST = Pattern.compile("^(.*)::[a-z][a-z0-9_ ]*(\\([0-9, ]*\\))?(\\[\\])?$",
            Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'", Pattern.DOTALL);

    private Defaults() {
    }

    /** The expression of a reported default; null for none. */
    public static Expr parse(String reported) {
        if (reported == null || reported.isBlank()) {
            return null;
        }
        String text = reported.strip();
        while (true) {
            String stripped = stripParentheses(text);
            var cast = CAST.matcher(stripped);
            if (cast.matches()) {
                stripped = cast.group(1).strip();
            }
            if (stripped.equals(text)) {
                break;
            }
            text = stripped;
        }
        var string = STRING.matcher(text);
        if (string.matches()) {
            return Expr.literal(string.group(1).replace("''", "'"));
        }
        if (NUMBER.matcher(text).matches()) {
            BigDecimal number = new BigDecimal(text);
            if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return Expr.literal(number.longValueExact());
            }
            return Expr.literal(number);
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
            return raw.sql().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
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
            return "'" + value + "'";
        }
        return "current_timestamp";
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
