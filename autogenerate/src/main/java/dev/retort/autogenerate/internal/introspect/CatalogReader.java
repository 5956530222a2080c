package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.Metadata;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Reads one schema of a live database into a {@link Metadata}, in a fixed number of
 * catalogue queries whatever the number of tables.
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
}
