package dev.retort.autogenerate;

import dev.retort.autogenerate.internal.introspect.CatalogReader;
import dev.retort.autogenerate.internal.introspect.CatalogReaders;
import dev.retort.autogenerate.internal.introspect.SchemaNames;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the schema of a live database into a {@link Metadata}: tables, columns (types in
 * the portable set, others as {@code Type.raw}), nullability, server defaults, primary
 * keys, foreign keys with their actions, unique constraints, indexes (not those the
 * database made for a constraint), check constraints and comments; and sequences with their
 * start and increment, except those the database made for an identity or serial column
 * (they belong to the column). Names come back as a migration writes them ({@code ACCOUNT}
 * on H2 reads as {@code account}).
 *
 * <pre>{@code
 * try (Connection connection = dataSource.getConnection()) {
 *     Dialect dialect = Dialects.detect(connection);
 *     Metadata database = Introspection.read(connection, dialect);
 *     List<Operation> changes = Comparison.compare(model, database, CompareOptions.defaults()).operations();
 * }
 * }</pre>
 *
 * <p>A schema is read in a few catalogue queries whatever its number of tables; sequences
 * come with the tables' query on H2 and PostgreSQL, while MariaDB, whose catalogue lists a
 * sequence without its start and increment, costs one query per sequence. The
 * migrator's version table and its {@code <version table>_lock} and {@code _journal} tables are never read.
 * Reads H2, PostgreSQL, MariaDB/MySQL and SQLite (SQLite: a few pragma calls per table, in-process);
 * other databases fail with a message.
 */
public final class Introspection {

    private Introspection() {
    }

    /**
     * The connection's current schema, without the default version table {@value
     * Migrator#DEFAULT_VERSION_TABLE} and its lock table.
     *
     * @throws UnsupportedOperationException for a database Retort cannot read yet
     */
    public static Metadata read(Connection connection, Dialect dialect) throws SQLException {
        return read(connection, dialect, null, Migrator.DEFAULT_VERSION_TABLE);
    }

    /**
     * One schema, without the version table {@code versionTable} and its lock table.
     *
     * @param schema the schema as a migration writes it ({@code public}), or null for the
     *     connection's current schema
     * @param versionTable the migrator's version table, as configured on it
     * @throws UnsupportedOperationException for a database Retort cannot read yet
     */
    public static Metadata read(Connection connection, Dialect dialect, String schema, String versionTable)
            throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(versionTable, "versionTable");
        CatalogReader reader = CatalogReaders.forDialect(dialect);
        String stored = schema == null ? reader.currentSchema(connection) : dialect.denormalizeName(schema);
        if (stored == null) {
            throw new IllegalStateException("The connection has no current schema; pass the schema to read");
        }
        String lockTable = versionTable + "_lock";
        String journal = versionTable + "_journal";
        return reader.read(connection, dialect, stored,
                table -> !table.equals(versionTable) && !table.equals(lockTable) && !table.equals(journal));
    }

    /**
     * The connection's current schema and every other schema {@code options} takes in
     * ({@link CompareOptions#includeSchemas(String...)}), without {@code options}' version
     * table and its lock and journal tables in any of them. The tables and sequences of the
     * current schema have no schema; those of another carry its name ({@link Table#schema()}),
     * and a foreign key names its referent's schema when that is not its own table's. One
     * read per schema, plus one query listing the schemas.
     *
     * @throws UnsupportedOperationException for a database Retort cannot read yet
     */
    public static Metadata read(Connection connection, Dialect dialect, CompareOptions options) throws SQLException {
        Objects.requireNonNull(options, "options");
        Metadata current = read(connection, dialect, null, options.versionTable());
        CatalogReader reader = CatalogReaders.forDialect(dialect);
        String currentSchema = reader.currentSchema(connection);
        Metadata.Builder all = Metadata.builder().tables(current.tables());
        current.sequences().forEach(all::sequence);
        boolean others = false;
        for (String stored : SchemaNames.list(connection, dialect)) {
            String schema = dialect.normalizeName(stored);
            if (stored.equals(currentSchema) || !options.includesSchema(schema)) {
                continue;
            }
            others = true;
            Metadata other = read(connection, dialect, schema, options.versionTable());
            for (Table table : other.tables()) {
                all.table(table.withSchema(Optional.of(schema)));
            }
            other.sequences().forEach(s -> all.sequence(s.withSchema(Optional.of(schema))));
        }
        return others ? all.build() : current;
    }
}
