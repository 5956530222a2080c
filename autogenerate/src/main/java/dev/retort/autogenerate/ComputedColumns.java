package dev.retort.autogenerate;

import dev.retort.autogenerate.internal.introspect.CatalogReader;
import dev.retort.autogenerate.internal.introspect.CatalogReaders;
import dev.retort.autogenerate.internal.introspect.Defaults;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
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
    /** A string literal, to skip; or a name: quoted as PostgreSQL and H2 quote it, as MariaDB does, or bare. */
    private static final Pattern NAME = Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|`([^`]+)`"
            + "|([A-Za-z_][A-Za-z0-9_$]*)");

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

    /**
     * The drop of computed column {@code existing}, ahead of a change of type of a column it
     * reads that the database refuses while it exists; its downgrade adds it back as it was.
     */
    static Change dropAround(String table, Column model, Column existing) {
        String what = table + "." + existing.name();
        String back = model.computed().isPresent() ? "its values are computed anew"
                : "the model has it as a plain column, added back without values";
        return new Change(new DropColumn(Optional.empty(), table, existing.name()),
                List.of(new AddColumn(Optional.empty(), table, existing)), List.of("Drops computed column " + what
                        + " and adds it back after the type change of a column it reads, which the database refuses"
                        + " while it exists: " + back + "."));
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

    /**
     * The computed columns of a live table that a change of type of the columns it reads
     * requires to drop first and add again after, where the database refuses that change
     * while they exist (PostgreSQL); none elsewhere. Which columns a computed column reads
     * comes from the catalogue's dependencies when the comparison has a connection, else
     * from the names its expression holds outside string literals.
     */
    static final class Dependents {

        private final Connection connection;
        private final Optional<Dialect> dialect;
        private final Optional<String> schema;
        private final Optional<CatalogReader> reader;

        /**
         * @param connection the database compared, or null
         * @param schema the schema compared, empty for the connection's own
         */
        Dependents(Connection connection, Optional<Dialect> dialect, Optional<String> schema) {
            this.connection = connection;
            this.dialect = dialect;
            this.schema = schema;
            this.reader = dialect.flatMap(CatalogReaders::find).filter(CatalogReader::refusesTypeChangeUnderGeneratedColumns);
        }

        /** The computed columns of {@code existing} reading any of {@code retyped}, in table order. */
        Set<String> reading(Table existing, Set<String> retyped) {
            List<Column> computed = existing.columns().stream().filter(c -> c.computed().isPresent()).toList();
            if (reader.isEmpty() || retyped.isEmpty() || computed.isEmpty()) {
                return Set.of();
            }
            Map<String, Set<String>> reads = reads(existing, computed);
            Set<String> out = new LinkedHashSet<>();
            for (Column column : computed) {
                if (retyped.stream().anyMatch(r -> reads.getOrDefault(r, Set.of()).contains(column.name()))) {
                    out.add(column.name());
                }
            }
            return out;
        }

        private Map<String, Set<String>> reads(Table existing, List<Column> computed) {
            if (connection != null) {
                Dialect d = dialect.orElseThrow();
                try {
                    String stored = schema.isPresent() ? d.denormalizeName(schema.get())
                            : reader.orElseThrow().currentSchema(connection);
                    Optional<Map<String, Set<String>>> recorded = reader.orElseThrow().generatedColumnReads(connection,
                            d, stored, d.denormalizeName(existing.name()));
                    if (recorded.isPresent()) {
                        return recorded.get();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot read which columns the generated columns of "
                            + existing.name() + " read: " + e.getMessage(), e);
                }
            }
            Map<String, Set<String>> reads = new LinkedHashMap<>();
            for (Column column : computed) {
                Set<String> names = names(column.computed().orElseThrow().expression(), dialect.orElseThrow());
                existing.columns().stream().filter(c -> names.contains(c.name()))
                        .forEach(c -> reads.computeIfAbsent(c.name(), k -> new LinkedHashSet<>()).add(column.name()));
            }
            return reads;
        }

        /** The names an expression holds outside string literals, as a migration writes them. */
        private static Set<String> names(String expression, Dialect dialect) {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = NAME.matcher(expression);
            while (m.find()) {
                if (m.group(1) != null) {
                    names.add(dialect.normalizeName(m.group(1).replace("\"\"", "\"")));
                } else if (m.group(2) != null) {
                    names.add(dialect.normalizeName(m.group(2)));
                } else if (m.group(3) != null) {
                    // A bare name is folded as the database folds it.
                    names.add(dialect.foldUnquotedName(m.group(3)));
                }
            }
            return names;
        }
    }
}
