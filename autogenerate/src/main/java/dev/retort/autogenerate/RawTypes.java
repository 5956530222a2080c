package dev.retort.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether two types written as SQL ({@code Type.raw}) are the same for the database, which
 * prints them back its own way: MariaDB writes {@code ENUM("a", 'b ')} back as {@code
 * enum('a','b')} (lower case, no spaces, single quotes, {@code ''} for a quote inside, and
 * an {@code ENUM} or {@code SET} member's trailing spaces cut), PostgreSQL {@code
 * timestamp(3)} as {@code timestamp(3) without time zone}. Outside quotes, case and spaces do
 * not count; inside, every character does: {@code ENUM('a')} and {@code ENUM('A')} differ.
 */
final class RawTypes {

    private static final Pattern MEMBERS = Pattern.compile("(?i)\\s*(enum|set)\\s*\\(.*", Pattern.DOTALL);

    private RawTypes() {
    }

    static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /** The type in one spelling: lower case and without spaces outside quotes, each literal in single quotes. */
    static String canonical(String sql) {
        boolean members = MEMBERS.matcher(sql).matches();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder literal = new StringBuilder();
                i = literal(sql, i, literal);
                String text = members ? literal.toString().stripTrailing() : literal.toString();
                out.append('\'').append(text.replace("'", "''")).append('\'');
            } else {
                if (!Character.isWhitespace(c)) {
                    out.append(Character.toLowerCase(c));
                }
                i++;
            }
        }
        return out.toString().replace("withouttimezone", "");
    }

    /** True for an {@code ENUM(…)} or {@code SET(…)}. */
    static boolean hasMembers(String sql) {
        return MEMBERS.matcher(sql).matches();
    }

    /**
     * A note when {@code to}, an {@code ENUM} or {@code SET} like {@code from}, lacks some of
     * its members: rows holding one make the change fail (MariaDB's strict mode) or lose it.
     */
    static Optional<String> removedMembers(String column, String from, String to) {
        List<String> removed = new ArrayList<>(members(from));
        removed.removeAll(members(to));
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Changes the type of " + column + " to " + to + ", without " + String.join(", ",
                removed.stream().map(m -> "'" + m.replace("'", "''") + "'").toList()) + ": rows holding"
                + (removed.size() == 1 ? " it" : " one") + " make this fail. Update them first"
                + " (op.execute(\"UPDATE …\")).");
    }

    /** The members of an {@code ENUM(…)} or {@code SET(…)}, unquoted. */
    private static List<String> members(String sql) {
        List<String> members = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder literal = new StringBuilder();
                i = literal(sql, i, literal);
                members.add(literal.toString().stripTrailing());
            } else {
                i++;
            }
        }
        return members;
    }

    /** Reads the literal opening at {@code start} into {@code text}; returns the index after it. */
    private static int literal(String sql, int start, StringBuilder text) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char d = sql.charAt(i);
            if (d == '\\' && i + 1 < sql.length()) {
                text.append(sql.charAt(i + 1));
                i += 2;
            } else if (d == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                text.append(quote);
                i += 2;
            } else if (d == quote) {
                return i + 1;
            } else {
                text.append(d);
                i++;
            }
        }
        return i;
    }
}
