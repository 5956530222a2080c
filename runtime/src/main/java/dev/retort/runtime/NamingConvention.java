package dev.retort.runtime;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How constraints and indexes created without a name are named, like SQLAlchemy's {@code
 * naming_convention}: a predictable name lets a later revision drop what an earlier one
 * created, on every database. Set it once on the migrator:
 *
 * <pre>{@code
 * Migrator.builder(registry).dataSource(ds).namingConvention(NamingConvention.standard()).build();
 * ...
 * op.createUniqueConstraint(null, "account", "email");   // uq_account_email
 * op.dropConstraint("uq_account_email", "account", ConstraintType.UNIQUE);
 * }</pre>
 *
 * <p>A pattern is text with tokens in braces:
 * <ul>
 * <li>{@code {table}}: the constrained or indexed table;</li>
 * <li>{@code {column}}: its columns joined by {@code _} (SQLAlchemy's {@code column_0_N_name});</li>
 * <li>{@code {column_0}}: the first column only (SQLAlchemy's {@code column_0_name});</li>
 * <li>{@code {referred_table}}: the table a foreign key references;</li>
 * <li>{@code {constraint_name}}: for a check, the name given to it; a check without a name
 *     cannot fill this token, so its pattern then fails with a message.</li>
 * </ul>
 *
 * <p>The migrator's default is {@link #none()}, as Alembic's: a constraint declared without a
 * name inside {@code createTable} is named by the database, and {@code createPrimaryKey},
 * {@code createUniqueConstraint}, {@code createForeignKey}, {@code createCheckConstraint} and
 * {@code createIndex} need a name. That keeps migrations ported from Alembic producing the
 * same names; {@link #standard()} is the convention SQLAlchemy's documentation recommends.
 * Instances are immutable.
 */
public final class NamingConvention {

    /** What a pattern names. */
    public enum Kind {
        /** Primary keys. */
        PRIMARY_KEY,
        /** Foreign keys. */
        FOREIGN_KEY,
        /** Unique constraints. */
        UNIQUE,
        /** Check constraints. */
        CHECK,
        /** Indexes. */
        INDEX
    }

    /** Compiled when a pattern is first parsed: the default convention, {@link #none()}, never needs it. */
    private static final class Tokens {
        static final Pattern TOKEN = Pattern.compile("\\{([a-z_0-9]*)}");
    }

    private static final List<String> TOKENS = List.of("table", "column", "column_0", "referred_table", "constraint_name");
    private static final NamingConvention NONE = new NamingConvention(new EnumMap<>(Kind.class));

    private final Map<Kind, String> patterns;

    private NamingConvention(Map<Kind, String> patterns) {
        this.patterns = patterns;
    }

    /** No convention: unnamed constraints are left to the database (Alembic's default). */
    public static NamingConvention none() {
        return NONE;
    }

    /**
     * {@code pk_{table}}, {@code fk_{table}_{column}_{referred_table}}, {@code
     * uq_{table}_{column}}, {@code ck_{table}_{constraint_name}}, {@code ix_{table}_{column}}.
     */
    public static NamingConvention standard() {
        return NONE.with(Kind.PRIMARY_KEY, "pk_{table}")
                .with(Kind.FOREIGN_KEY, "fk_{table}_{column}_{referred_table}")
                .with(Kind.UNIQUE, "uq_{table}_{column}")
                .with(Kind.CHECK, "ck_{table}_{constraint_name}")
                .with(Kind.INDEX, "ix_{table}_{column}");
    }

    /**
     * This convention with {@code pattern} for {@code kind}.
     *
     * @throws IllegalArgumentException for a token other than those listed in the class comment
     */
    public NamingConvention with(Kind kind, String pattern) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Matcher tokens = Tokens.TOKEN.matcher(pattern);
        while (tokens.find()) {
            if (!TOKENS.contains(tokens.group(1))) {
                throw new IllegalArgumentException("Naming convention pattern '" + pattern + "' for " + kind
                        + " has unknown token {" + tokens.group(1) + "}; use " + TOKENS.stream().map(t -> "{" + t + "}").toList());
            }
        }
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("Naming convention pattern for " + kind + " must not be blank");
        }
        var copy = new EnumMap<Kind, String>(Kind.class);
        copy.putAll(patterns);
        copy.put(kind, pattern);
        return new NamingConvention(copy);
    }

    /** The pattern for {@code kind}, if this convention has one. */
    public Optional<String> pattern(Kind kind) {
        return Optional.ofNullable(patterns.get(kind));
    }

    /**
     * The name for an unnamed constraint or index, if this convention has a pattern for
     * its kind.
     *
     * @param table the constrained or indexed table
     * @param columns its columns (empty for a check)
     * @param referredTable the referenced table of a foreign key, else {@code null}
     * @param constraintName the name given to a check, else {@code null}
     * @throws IllegalArgumentException when the pattern needs a value this constraint lacks
     */
    public Optional<String> name(Kind kind, String table, List<String> columns, String referredTable,
            String constraintName) {
        String pattern = patterns.get(kind);
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher tokens = Tokens.TOKEN.matcher(pattern);
        StringBuilder name = new StringBuilder();
        while (tokens.find()) {
            String value = switch (tokens.group(1)) {
                case "table" -> table;
                case "column" -> columns.isEmpty() ? null : String.join("_", columns);
                case "column_0" -> columns.isEmpty() ? null : columns.get(0);
                case "referred_table" -> referredTable;
                default -> constraintName;
            };
            if (value == null) {
                throw new IllegalArgumentException("The naming convention's " + kind + " pattern '" + pattern
                        + "' needs {" + tokens.group(1) + "}, which an unnamed " + kind + " on table " + table
                        + " does not have; give the constraint a name");
            }
            tokens.appendReplacement(name, Matcher.quoteReplacement(value));
        }
        tokens.appendTail(name);
        return Optional.of(name.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamingConvention that && patterns.equals(that.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return "NamingConvention" + patterns;
    }
}
