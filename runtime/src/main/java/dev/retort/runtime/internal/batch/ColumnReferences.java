package dev.retort.runtime.internal.batch;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The column names a SQL expression reads, found by a scan that knows SQL's literals and
 * quoted names: enough to tell which check constraints a dropped column takes with it and
 * to carry a rename into them, as PostgreSQL does on {@code DROP COLUMN} and {@code RENAME
 * COLUMN}. Not a parser: a name followed by {@code (} is a function, a name followed by
 * {@code .} a table, every other name a column; names compare without case, as SQLite's.
 */
final class ColumnReferences {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ColumnReferences() {
    }

    /** True when {@code sql} reads the column {@code column}. */
    static boolean reads(String sql, String column) {
        boolean[] found = {false};
        scan(sql, name -> {
            if (name.equalsIgnoreCase(column)) {
                found[0] = true;
            }
            return null;
        });
        return found[0];
    }

    /** {@code sql} with every reference to column {@code from} naming {@code to} instead. */
    static String renamed(String sql, String from, String to) {
        String replacement = PLAIN_NAME.matcher(to).matches() ? to : '"' + to.replace("\"", "\"\"") + '"';
        return scan(sql, name -> name.equalsIgnoreCase(from) ? replacement : null);
    }

    /**
     * Walks {@code sql}, offering each column reference (unquoted) to {@code rewrite}, which
     * returns the SQL to put in its place or null to keep it.
     */
    private static String scan(String sql, Function<String, String> rewrite) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            String name;
            if (c == '\'') {
                end = endOfQuoted(sql, i) + 1;
                name = null;
            } else if ((c == 'x' || c == 'X') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                end = endOfQuoted(sql, i + 1) + 1; // a blob literal
                name = null;
            } else if (c == '"' || c == '`' || c == '[') {
                end = endOfQuoted(sql, i) + 1;
                name = c == '[' ? sql.substring(i + 1, end - 1)
                        : sql.substring(i + 1, end - 1).replace(String.valueOf(c) + c, String.valueOf(c));
            } else if (Character.isLetter(c) || c == '_') {
                end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                name = sql.substring(i, end);
            } else if (Character.isDigit(c)) {
                end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++; // 12, 1.5e3, 0x1F: never a name
                }
                name = null;
            } else {
                end = i + 1;
                name = null;
            }
            String replacement = name != null && isColumn(sql, end) ? rewrite.apply(name) : null;
            out.append(replacement != null ? replacement : sql.substring(i, end));
            i = end;
        }
        return out.toString();
    }

    /** False when the name ending before {@code end} is a function ({@code f(}) or a table ({@code t.}). */
    private static boolean isColumn(String sql, int end) {
        int next = end;
        while (next < sql.length() && Character.isWhitespace(sql.charAt(next))) {
            next++;
        }
        return next >= sql.length() || sql.charAt(next) != '(' && sql.charAt(next) != '.';
    }

    /** The index of the last character of the quoted token starting at {@code start}: its closing quote, or the text's end. */
    private static int endOfQuoted(String text, int start) {
        char open = text.charAt(start);
        char close = open == '[' ? ']' : open;
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == close) {
                if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
                    i += 2; // a doubled quote inside
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length() - 1;
    }
}
