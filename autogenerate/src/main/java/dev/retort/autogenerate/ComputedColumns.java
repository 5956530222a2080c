package dev.retort.autogenerate;

import dev.retort.autogenerate.internal.introspect.Defaults;
import dev.retort.runtime.schema.Column;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a column is computed the same way in the model and the database. Databases print
 * the expression back their own way: PostgreSQL {@code (price * (2)::numeric)}, MariaDB
 * {@code `price` * 2}, H2 {@code "PRICE" * 2}; so the texts are compared without quotes,
 * case, spaces, casts, parentheses around a single term, or around the whole. Nothing is
 * asked of the server: the expression reads the row's columns.
 */
final class ComputedColumns {

    private static final Pattern CAST = Pattern.compile("::[a-z][a-z0-9_]*(\\([0-9,]*\\))?(\\[\\])?");
    private static final Pattern SINGLE_TERM = Pattern.compile("\\(([a-z0-9_.']+)\\)");

    private ComputedColumns() {
    }

    static boolean same(Column model, Column database) {
        Optional<Column.Computed> a = model.computed();
        Optional<Column.Computed> b = database.computed();
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get().stored() == b.get().stored()
                && normalise(a.get().expression()).equals(normalise(b.get().expression()));
    }

    static String normalise(String expression) {
        String text = Defaults.normalise(expression.replace("`", "").replace("\"", ""));
        String previous;
        do {
            previous = text;
            text = CAST.matcher(text).replaceAll("");
            text = SINGLE_TERM.matcher(text).replaceAll("$1");
            text = stripOuter(text);
        } while (!text.equals(previous));
        return text;
    }

    private static String stripOuter(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return text;
        }
        int depth = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return text; // "(a) + (b)"
            }
        }
        return text.substring(1, text.length() - 1);
    }
}
