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

    /**
     * The reader for {@code dialect}, by {@link Dialect#name()}. The dialect SPI has no
     * introspection hook yet, so the readers are keyed here.
     *
     * @throws UnsupportedOperationException for a database without a reader
     */
    static CatalogReader forDialect(Dialect dialect) {
        return switch (dialect.name()) {
            case "h2" -> new H2CatalogReader();
            case "postgresql" -> new PostgresCatalogReader();
            case "mariadb", "mysql" -> new MariaDbCatalogReader();
            case "sqlite" -> new SqliteCatalogReader();
            default -> throw new UnsupportedOperationException("Autogenerate cannot read a " + dialect.name()
                    + " schema yet: Retort reads H2, PostgreSQL, MariaDB/MySQL and SQLite. Compare on one of those, or write"
                    + " the revision by hand.");
        };
    }
}
