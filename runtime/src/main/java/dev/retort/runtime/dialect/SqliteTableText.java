package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SQLite's pragmas leave out of a table's definition, read from its {@code CREATE
 * TABLE} statement: the names of unique and foreign-key constraints (keyed by their
 * columns), and the check constraints. A small tokenizer, not a SQL parser: it splits the
 * column list at top-level commas, honouring parentheses and every SQLite quoting style.
 *
 * <p>Part of the SQLite dialect's reading of its own catalogue: batch mode reads a table
 * with it before a rebuild, and autogenerate's SQLite catalogue reader before a comparison,
 * so both see the same names, checks and types.
 *
 * @param uniqueNames named {@code UNIQUE (…)} constraints by their columns
 * @param foreignKeyNames named {@code FOREIGN KEY (…)} constraints by their columns
 * @param checks every {@code CHECK}, table-level or on a column
 */
public record SqliteTableText(Map<List<String>, String> uniqueNames, Map<List<String>, String> foreignKeyNames,
        List<TableDefinition.CheckConstraint> checks) {

    /**
     * Reads the constraint names and checks of a {@code CREATE TABLE} statement as SQLite
     * keeps it in {@code sqlite_master}.
     *
     * @param sql the statement, from its {@code CREATE} to its closing parenthesis
     * @return the names and checks found; empty maps and list when there are none
     * @throws IllegalArgumentException when the parentheses do not balance
     */
    public static SqliteTableText parse(String sql) {
        Map<List<String>, String> uniqueNames = new HashMap<>();
        Map<List<String>, String> foreignKeyNames = new HashMap<>();
        List<TableDefinition.CheckConstraint> checks = new ArrayList<>();
        int open = sql.indexOf('(');
        int close = matching(sql, open);
        for (String item : splitTopLevel(sql.substring(open + 1, close))) {
            Tokens tokens = new Tokens(item);
            Optional<String> name = Optional.empty();
            if (tokens.peekKeyword("CONSTRAINT")) {
                tokens.next();
                name = Optional.of(unquote(tokens.next()));
            }
            if (tokens.peekKeyword("UNIQUE")) {
                tokens.next();
                List<String> columns = columnList(tokens.next());
                name.ifPresent(n -> uniqueNames.put(columns, n));
            } else if (tokens.peekKeyword("FOREIGN")) {
                tokens.next();
                tokens.next(); // KEY
                List<String> columns = columnList(tokens.next());
                name.ifPresent(n -> foreignKeyNames.put(columns, n));
            } else if (tokens.peekKeyword("CHECK")) {
                tokens.next();
                checks.add(new TableDefinition.CheckConstraint(name, inner(tokens.next())));
            } else if (!tokens.peekKeyword("PRIMARY")) {
                // A column: its own CHECKs, each maybe named.
                Optional<String> pending = Optional.empty();
                while (tokens.hasNext()) {
                    String token = tokens.next();
                    if (token.equalsIgnoreCase("CONSTRAINT") && tokens.hasNext()) {
                        pending = Optional.of(unquote(tokens.next()));
                    } else if (token.equalsIgnoreCase("CHECK") && tokens.hasNext()) {
                        checks.add(new TableDefinition.CheckConstraint(pending, inner(tokens.next())));
                        pending = Optional.empty();
                    }
                }
            }
        }
        return new SqliteTableText(uniqueNames, foreignKeyNames, checks);
    }

    /**
     * A column's declared SQLite type: the integer kinds stay portable (so a rowid key keeps
     * AUTOINCREMENT), any other declared type is kept as written, none is {@code BLOB}.
     *
     * @param declared the type as {@code PRAGMA table_info} reports it, or null
     */
    public static Type declaredType(String declared) {
        String upper = declared == null ? "" : declared.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "INTEGER", "INT" -> Type.INTEGER;
            case "BIGINT" -> Type.BIGINT;
            case "SMALLINT" -> Type.SMALLINT;
            // A column declared without a type has no affinity, as BLOB.
            case "" -> Type.raw("BLOB");
            default -> Type.raw(declared.strip());
        };
    }

    private static List<String> splitTopLevel(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = endOfQuoted(body, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(body.substring(start).strip());
        return items;
    }

    /** The index of the last character of the quoted token starting at {@code start}: its closing quote, or the text's end. */
    static int endOfQuoted(String text, int start) {
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

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = endOfQuoted(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced parentheses in " + text);
    }

    /** {@code (a, "b")} → {@code [a, b]}. */
    private static List<String> columnList(String parenthesized) {
        List<String> columns = new ArrayList<>();
        for (String part : splitTopLevel(inner(parenthesized))) {
            // A column may carry COLLATE or ASC/DESC after its name.
            columns.add(unquote(new Tokens(part).next()));
        }
        return columns;
    }

    /** The text inside a parenthesized token. */
    private static String inner(String parenthesized) {
        String trimmed = parenthesized.strip();
        if (trimmed.startsWith("(") && trimmed.endsWith(")")) {
            return trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    private static String unquote(String token) {
        if (token.length() >= 2) {
            char first = token.charAt(0);
            char last = token.charAt(token.length() - 1);
            if ((first == '"' || first == '`' || first == '\'') && last == first) {
                String quote = String.valueOf(first);
                return token.substring(1, token.length() - 1).replace(quote + quote, quote);
            }
            if (first == '[' && last == ']') {
                return token.substring(1, token.length() - 1);
            }
        }
        return token;
    }

    /** Words, quoted names and whole parenthesized groups, one at a time. */
    private static final class Tokens {
        private final String text;
        private int position;

        Tokens(String text) {
            this.text = text;
        }

        boolean hasNext() {
            skipSpace();
            return position < text.length();
        }

        boolean peekKeyword(String keyword) {
            int saved = position;
            boolean match = hasNext() && next().toUpperCase(Locale.ROOT).equals(keyword);
            position = saved;
            return match;
        }

        String next() {
            skipSpace();
            if (position >= text.length()) {
                return "";
            }
            int start = position;
            char c = text.charAt(position);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                position = endOfQuoted(text, position) + 1;
            } else if (c == '(') {
                position = matching(text, position) + 1;
            } else {
                while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                        && text.charAt(position) != '(' && text.charAt(position) != ',') {
                    position++;
                }
                if (position == start) {
                    position++;
                }
            }
            return text.substring(start, position);
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }

    /**
     * The expression of generated column {@code column} ({@code GENERATED ALWAYS AS (…)} or
     * {@code AS (…)}) in {@code CREATE TABLE} text {@code sql}: SQLite's pragmas mark a column
     * generated but do not give its expression.
     *
     * @throws IllegalStateException when the text has no such column or expression
     */
    public static String generatedExpression(String sql, String column, String table) {
        int depth = 0;
        int start = -1;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int close = sql.indexOf(c == '[' ? ']' : c, i + 1);
                if (close < 0) {
                    break;
                }
                i = close;
                continue;
            }
            boolean endOfDefinition = depth == 1 && (c == ',' || c == ')');
            if (endOfDefinition) {
                String expression = expressionOf(sql.substring(start, i).strip(), column);
                if (expression != null) {
                    return expression;
                }
                start = i + 1;
            }
            if (c == '(') {
                depth++;
                if (depth == 1) {
                    start = i + 1;
                }
            } else if (c == ')') {
                depth--;
            }
        }
        throw new IllegalStateException("Cannot find the expression of generated column " + table + "." + column
                + " in its CREATE TABLE statement");
    }

    private static final Pattern GENERATED_AS = Pattern.compile("(?is)\\bAS\\s*\\(");

    private static String expressionOf(String definition, String column) {
        String name = definition.split("\\s+", 2)[0].replaceAll("^[\"`\\[]|[\"`\\]]$", "");
        if (!name.equalsIgnoreCase(column)) {
            return null;
        }
        Matcher as = GENERATED_AS.matcher(definition);
        if (!as.find()) {
            return null;
        }
        int depth = 1;
        for (int i = as.end(); i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (c == '\'') {
                i = definition.indexOf('\'', i + 1);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return definition.substring(as.end(), i).strip();
            }
        }
        return null;
    }
}
