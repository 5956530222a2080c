package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalogue reader of each dialect, keyed by {@link Dialect#name()}: the one place
 * autogenerate maps a database to the code that reads its catalogue. The runtime cannot
 * hold these readers (applications do not ship them), so a dialect is found here by the name
 * it gives itself; a new database adds its reader here.
 */
public final class CatalogReaders {

    private static final Map<String, Supplier<CatalogReader>> READERS = Map.of(
            "h2", H2CatalogReader::new,
            "postgresql", PostgresCatalogReader::new,
            "mariadb", () -> new MariaDbCatalogReader(false),
            "mysql", () -> new MariaDbCatalogReader(true),
            "sqlite", SqliteCatalogReader::new);

    private CatalogReaders() {
    }

    /**
     * The reader for {@code dialect}.
     *
     * @throws UnsupportedOperationException for a database without a reader
     */
    public static CatalogReader forDialect(Dialect dialect) {
        Supplier<CatalogReader> reader = READERS.get(dialect.name());
        if (reader == null) {
            throw new UnsupportedOperationException("Autogenerate cannot read a " + dialect.name()
                    + " schema yet: Retort reads H2, PostgreSQL, MariaDB/MySQL and SQLite. Compare on one of those, or"
                    + " write the revision by hand.");
        }
        return reader.get();
    }

    /** The reader for {@code dialect}; empty for a database without one. */
    public static Optional<CatalogReader> find(Dialect dialect) {
        return Optional.ofNullable(READERS.get(dialect.name())).map(Supplier::get);
    }
}
