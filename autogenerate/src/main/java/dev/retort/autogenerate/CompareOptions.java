package dev.retort.autogenerate;

import dev.retort.runtime.Migrator;
import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.dialect.Dialect;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What {@link Comparison#compare} compares. Immutable: each method returns new options.
 *
 * <pre>{@code
 * CompareOptions options = CompareOptions.defaults()
 *     .compareServerDefaults(true)
 *     .excludeTables("audit_*", "spring_session")
 *     .includeObject(object -> object.kind() != SchemaObject.Kind.INDEX || object.inModel());
 * }</pre>
 *
 * <p>By default, as Alembic: types are compared, server defaults and CHECK constraints are
 * not; every table but
 * the version table {@value Migrator#DEFAULT_VERSION_TABLE} and its lock and journal tables
 * is compared, in the connection's current schema only ({@link #includeSchemas(String...)}
 * takes in others); unnamed unique constraints and foreign keys added to existing tables are named
 * by {@link NamingConvention#standard()}; no dialect is assumed, so every operation is a
 * plain one (call {@link #forDialect(Dialect)} to write what a given database can run).
 */
public final class CompareOptions {

    private static final CompareOptions DEFAULTS = new CompareOptions(true, false, List.of(), List.of(), o -> true,
            Migrator.DEFAULT_VERSION_TABLE, NamingConvention.standard(), null, schema -> false);

    private final boolean compareTypes;
    private final boolean compareServerDefaults;
    private final List<Pattern> includeTables;
    private final List<Pattern> excludeTables;
    private final Predicate<SchemaObject> includeObject;
    private final String versionTable;
    private final NamingConvention namingConvention;
    private final Dialect dialect;
    private final Predicate<String> includeSchema;
    private final boolean compareCheckConstraints;

    private CompareOptions(boolean compareTypes, boolean compareServerDefaults, List<Pattern> includeTables,
            List<Pattern> excludeTables, Predicate<SchemaObject> includeObject, String versionTable,
            NamingConvention namingConvention, Dialect dialect, Predicate<String> includeSchema) {
        this(compareTypes, compareServerDefaults, includeTables, excludeTables, includeObject, versionTable,
                namingConvention, dialect, includeSchema, false);
    }

    private CompareOptions(boolean compareTypes, boolean compareServerDefaults, List<Pattern> includeTables,
            List<Pattern> excludeTables, Predicate<SchemaObject> includeObject, String versionTable,
            NamingConvention namingConvention, Dialect dialect, Predicate<String> includeSchema,
            boolean compareCheckConstraints) {
        this.compareCheckConstraints = compareCheckConstraints;
        this.includeSchema = includeSchema;
        this.compareTypes = compareTypes;
        this.compareServerDefaults = compareServerDefaults;
        this.includeTables = includeTables;
        this.excludeTables = excludeTables;
        this.includeObject = includeObject;
        this.versionTable = versionTable;
        this.namingConvention = namingConvention;
        this.dialect = dialect;
    }

    /** Types compared, server defaults not, every table but the version table. */
    public static CompareOptions defaults() {
        return DEFAULTS;
    }

    /** Whether a column's type is compared (on by default). */
    public CompareOptions compareTypes(boolean compare) {
        return new CompareOptions(compare, compareServerDefaults, includeTables, excludeTables, includeObject,
                versionTable, namingConvention, dialect, includeSchema, compareCheckConstraints);
    }

    /**
     * Whether server defaults are compared (off by default, as Alembic's {@code
     * compare_server_default}: databases rewrite defaults, so a comparison may report one
     * that only looks different).
     */
    public CompareOptions compareServerDefaults(boolean compare) {
        return new CompareOptions(compareTypes, compare, includeTables, excludeTables, includeObject, versionTable,
                namingConvention, dialect, includeSchema, compareCheckConstraints);
    }

    /**
     * Whether CHECK constraints are compared, by name (off by default; Alembic compares none).
     * Turn it on only when the model declares every check the database has: a model read
     * from JPA entities lacks the checks Hibernate writes for enum columns and those that
     * migrations created by hand, and the comparison would propose dropping them.
     */
    public CompareOptions compareCheckConstraints(boolean compare) {
        return new CompareOptions(compareTypes, compareServerDefaults, includeTables, excludeTables, includeObject,
                versionTable, namingConvention, dialect, includeSchema, compare);
    }

    /**
     * Compares only the tables named, by name or pattern ({@code *} matches any text:
     * {@code "billing_*"}). Without a call, every table.
     */
    public CompareOptions includeTables(String... names) {
        return new CompareOptions(compareTypes, compareServerDefaults, patterns(names), excludeTables, includeObject,
                versionTable, namingConvention, dialect, includeSchema, compareCheckConstraints);
    }

    /** Leaves the tables named out, by name or pattern ({@code *} matches any text). */
    public CompareOptions excludeTables(String... names) {
        return new CompareOptions(compareTypes, compareServerDefaults, includeTables, patterns(names), includeObject,
                versionTable, namingConvention, dialect, includeSchema, compareCheckConstraints);
    }

    /**
     * Compares only the objects {@code include} accepts: tables, columns, indexes, unique
     * constraints, foreign keys and sequences, each described by a {@link SchemaObject}. An
     * excluded table takes its columns and constraints with it. The table filters ({@link
     * #includeTables}, {@link #excludeTables}) do not apply to sequences: filter them here.
     */
    public CompareOptions includeObject(Predicate<SchemaObject> include) {
        return new CompareOptions(compareTypes, compareServerDefaults, includeTables, excludeTables,
                Objects.requireNonNull(include, "include"), versionTable, namingConvention, dialect, includeSchema, compareCheckConstraints);
    }

    /**
     * The migrator's version table, when not {@value Migrator#DEFAULT_VERSION_TABLE}: never
     * compared, nor its lock table ({@code <version table>_lock}) and its journal ({@code
     * <version table>_journal}, kept on databases without transactional DDL).
     */
    public CompareOptions versionTable(String versionTable) {
        Objects.requireNonNull(versionTable, "versionTable");
        return new CompareOptions(compareTypes, compareServerDefaults, includeTables, excludeTables, includeObject,
                versionTable, namingConvention, dialect, includeSchema, compareCheckConstraints);
    }

    /**
     * Names the unnamed unique constraints and foreign keys of the model that are added to
     * existing tables (their operations need a name); use the migrator's convention.
     */
    public CompareOptions namingConvention(NamingConvention convention) {
        return new CompareOptions(compareTypes, compareServerDefaults, includeTables, excludeTables, includeObject,
                versionTable, Objects.requireNonNull(convention, "convention"), dialect, includeSchema, compareCheckConstraints);
    }

    /**
     * Writes operations the database of {@code dialect} can run: where it cannot alter a
     * column or add or drop a constraint in place ({@link Dialect#supportsAlterColumn()} is
     * false, as SQLite), each existing table's changes go into one {@code batchAlterTable},
     * which rebuilds the table; where it stores no comments ({@link
     * Dialect#supportsComments()} is false), comments are neither compared nor written; where
     * it has no sequences ({@link Dialect#supportsSequences()} is false, as SQLite), the
     * model's sequences are left out; where
     * it cannot tell a unique index from a unique constraint ({@link
     * Dialect#uniqueIndexesAreConstraints()}, as MariaDB and MySQL), a unique index of the model
     * matches the database's unique key of the same name and columns; where it refuses to drop
     * the index a foreign key uses ({@link Dialect#foreignKeysNeedIndexes()}, as MariaDB, MySQL
     * and H2), a foreign key that stays but loses every index covering it is dropped before
     * that index and recreated after the new indexes; a model of unquoted names is compared
     * with its names as the database stores them bare ({@link Dialect#foldUnquotedName}).
     */
    public CompareOptions forDialect(Dialect dialect) {
        return new CompareOptions(compareTypes, compareServerDefaults, includeTables, excludeTables, includeObject,
                versionTable, namingConvention, Objects.requireNonNull(dialect, "dialect"), includeSchema, compareCheckConstraints);
    }

    /**
     * Compares the schemas named besides the connection's current one, by name or pattern
     * ({@code *} matches any text: {@code "*"} takes in every schema but the database's own
     * catalogue, as {@code information_schema} and {@code pg_catalog}), as Alembic's {@code
     * include_schemas}. Without a call only the current schema is compared: the tables and
     * sequences of the model in other schemas are left out, as are the database's. On MariaDB
     * and MySQL a schema is a database. Each call replaces the one before.
     *
     * <pre>{@code
     * CompareOptions.defaults().includeSchemas("billing", "audit_*")
     * }</pre>
     *
     * <p>Read the database with {@link Introspection#read(java.sql.Connection, Dialect,
     * CompareOptions)} so that it reads those schemas too. The version table and its lock and
     * journal tables are left out in every schema.
     */
    public CompareOptions includeSchemas(String... names) {
        List<Pattern> patterns = patterns(names);
        return includeSchemas(schema -> patterns.stream().anyMatch(p -> p.matcher(schema).matches()));
    }

    /**
     * Compares, besides the connection's current schema, every schema {@code include} accepts,
     * by name as a migration writes it ({@code billing}): Alembic's {@code include_schemas}
     * with an {@code include_name} filter for schemas. The database's catalogue schemas are
     * never offered.
     */
    public CompareOptions includeSchemas(Predicate<String> include) {
        return new CompareOptions(compareTypes, compareServerDefaults, includeTables, excludeTables, includeObject,
                versionTable, namingConvention, dialect, Objects.requireNonNull(include, "include"), compareCheckConstraints);
    }

    /** True when the schema {@code schema} (not the current one) is compared. */
    public boolean includesSchema(String schema) {
        return includeSchema.test(schema);
    }

    /** The dialect the operations are written for; empty when none was given. */
    public Optional<Dialect> dialect() {
        return Optional.ofNullable(dialect);
    }

    /** True when the model's sequences are compared: no dialect was given, or its database has sequences. */
    boolean comparesSequences() {
        return dialect == null || dialect.supportsSequences();
    }

    /** True when comments are compared: no dialect was given, or its database stores comments. */
    boolean comparesComments() {
        return dialect == null || dialect.supportsComments();
    }

    /** True when an existing table's changes that the dialect refuses in place go into one batch. */
    boolean batchesAlterations() {
        return dialect != null && !dialect.supportsAlterColumn();
    }

    /** True when a unique index and a unique constraint are one thing to the dialect's database. */
    boolean matchesUniqueIndexesToConstraints() {
        return dialect != null && dialect.uniqueIndexesAreConstraints();
    }

    /** True when a foreign key's index cannot be dropped while the key exists. */
    boolean keepsForeignKeyIndexes() {
        return dialect != null && dialect.foreignKeysNeedIndexes();
    }

    /** True when types are compared. */
    public boolean comparesTypes() {
        return compareTypes;
    }

    /** True when server defaults are compared. */
    public boolean comparesServerDefaults() {
        return compareServerDefaults;
    }

    /** Whether CHECK constraints are compared ({@link #compareCheckConstraints(boolean)}). */
    public boolean comparesCheckConstraints() {
        return compareCheckConstraints;
    }

    /** The version table, never compared. */
    public String versionTable() {
        return versionTable;
    }

    /** The convention naming unnamed constraints added to existing tables. */
    public NamingConvention namingConvention() {
        return namingConvention;
    }

    /**
     * True when the table named {@code name} takes part: not one of the migrator's own tables
     * (version, lock, journal: the names {@code Introspection} leaves out too), and through the
     * name filters.
     */
    boolean includesTable(String name) {
        if (name.equals(versionTable) || name.equals(versionTable + "_lock")
                || name.equals(versionTable + "_journal")) {
            return false;
        }
        if (!includeTables.isEmpty() && includeTables.stream().noneMatch(p -> p.matcher(name).matches())) {
            return false;
        }
        return excludeTables.stream().noneMatch(p -> p.matcher(name).matches());
    }

    boolean includes(SchemaObject object) {
        return includeObject.test(object);
    }

    private static List<Pattern> patterns(String... names) {
        return java.util.Arrays.stream(names)
                .map(n -> Pattern.compile(Pattern.quote(Objects.requireNonNull(n, "table name")).replace("*", "\\E.*\\Q")))
                .toList();
    }
}
