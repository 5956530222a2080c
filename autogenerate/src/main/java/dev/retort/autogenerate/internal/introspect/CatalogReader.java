package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.Metadata;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads one schema of a live database into a {@link Metadata}, in a fixed number of
 * catalogue queries whatever the number of tables; and says which of the database's rules
 * about its catalogue a comparison must respect for its operations to apply.
 */
public interface CatalogReader {

    /**
     * @param schema the schema as the database stores it ({@code PUBLIC} on H2)
     * @param includeTable which tables to read, by name as a migration writes it
     */
    Metadata read(Connection connection, Dialect dialect, String schema, Predicate<String> includeTable)
            throws SQLException;

    /**
     * The schema a connection works in, as the database stores it, for a read that names
     * none: {@link Connection#getSchema()}, unless the database keeps it elsewhere (the
     * current database on MariaDB, {@code main} on SQLite).
     */
    default String currentSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /**
     * True when the database refuses to change the type of a column that a generated column
     * reads (PostgreSQL: "cannot alter type of a column used by a generated column"). MariaDB,
     * H2 and SQLite change it and compute the generated column again.
     */
    default boolean refusesTypeChangeUnderGeneratedColumns() {
        return false;
    }

    /**
     * The generated columns of one table by the columns they read, from the catalogue's
     * record of dependencies; empty where the catalogue keeps none (the caller then reads the
     * expressions). Names as a migration writes them.
     *
     * @param schema the schema as the database stores it
     * @param table the table as the database stores it
     */
    default Optional<Map<String, Set<String>>> generatedColumnReads(Connection connection, Dialect dialect,
            String schema, String table) throws SQLException {
        return Optional.empty();
    }

    /**
     * True when an auto-increment column must be the first column of some key (MariaDB and
     * MySQL's InnoDB: "there can be only one auto column and it must be defined as a key").
     */
    default boolean autoIncrementMustLeadAKey() {
        return false;
    }
}
