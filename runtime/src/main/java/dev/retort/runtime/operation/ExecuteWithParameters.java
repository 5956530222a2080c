package dev.retort.runtime.operation;

import java.util.Optional;
import dev.retort.runtime.internal.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A SQL statement with positional {@code ?} parameters: online the values are bound to a
 * prepared statement, offline each {@code ?} is replaced by the value's literal.
 *
 * <p>A {@code ?} counts as a parameter unless it sits in a string literal ({@code '…'}),
 * a quoted identifier ({@code "…"}), a PostgreSQL dollar-quoted string ({@code $$…$$},
 * {@code $tag$…$tag$}) or a comment ({@code -- …}, {@code /* … *}{@code /}), as JDBC
 * drivers read it.
 *
 * @param sql the statement, without a terminator
 * @param parameters one value per {@code ?}, in order, in the classes {@link BulkInsert}
 *     lists for untyped values; {@code null} allowed
 */
public record ExecuteWithParameters(String sql, List<Object> parameters) implements Operation {

    /**
     * @throws IllegalArgumentException when the number of values differs from the number of
     *     {@code ?} placeholders, or a value has a class Retort cannot send
     */
    public ExecuteWithParameters {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameters, "parameters");
        int placeholders = placeholderOffsets(sql).size();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException("Statement [" + sql + "] has " + placeholders
                    + " ? placeholder(s) but " + parameters.size() + " parameter(s) were given; give one value per ?");
        }
        var values = new ArrayList<Object>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            int position = i + 1;
            values.add(Values.canonical(parameters.get(i), () -> "Parameter " + position + " of [" + sql + "]"));
        }
        parameters = Collections.unmodifiableList(values);
    }

    /** The statement with every {@code ?} placeholder replaced by {@code literal} of its value. */
    public String inline(Function<Object, String> literal) {
        List<Integer> offsets = placeholderOffsets(sql);
        StringBuilder out = new StringBuilder(sql.length() + 16 * offsets.size());
        int from = 0;
        for (int i = 0; i < offsets.size(); i++) {
            out.append(sql, from, offsets.get(i)).append(literal.apply(parameters.get(i)));
            from = offsets.get(i) + 1;
        }
        return out.append(sql, from, sql.length()).toString();
    }

    /** The offsets in {@code sql} of its {@code ?} placeholders, skipping quoted text and comments. */
    public static List<Integer> placeholderOffsets(String sql) {
        var offsets = new ArrayList<Integer>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                i = skipDollarQuoted(sql, i);
            } else {
                if (c == '?') {
                    offsets.add(i);
                }
                i++;
            }
        }
        return offsets;
    }

    /** Past the closing quote; a doubled quote is an escaped one. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** Past a {@code $tag$…$tag$} string, or one character on when {@code $} does not open one ({@code $1}). */
    private static int skipDollarQuoted(String sql, int start) {
        int i = start + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return i;
        }
        while (i < sql.length() && isIdentifierPart(sql.charAt(i))) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return start + 1;
        }
        String tag = sql.substring(start, i + 1);
        int end = sql.indexOf(tag, i + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** None: see the class description. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
