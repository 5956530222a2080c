package dev.retort.cli;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.cli.internal.DriverDataSource;
import dev.retort.cli.internal.ModelLoader;
import dev.retort.cli.internal.ScratchDatabase;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.Metadata;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/** The comparison behind {@code revision --autogenerate} and {@code check}: model against database. */
final class Autogenerate {

    private Autogenerate() {
    }

    /** The model the configuration names ({@code metadata=}), from the project's class loader. */
    static Metadata model(Config config, Database database) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(database.classLoader());
        try {
            return ModelLoader.load(database.classLoader(), config.metadata(), config.requirePackage(),
                    Database.configName(config));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Refuses a configured database that is not at the heads of the revisions, as Alembic's
     * "Target database is not up to date."; returns the heads.
     */
    static List<String> requireAtHead(Config config, Database database, SourceGraph source, String command) {
        List<String> current = database.online(Migrator::current);
        List<String> heads = source.graph().heads();
        if (!new TreeSet<>(current).equals(new TreeSet<>(heads))) {
            throw new CommandException("Target database is not up to date: it is at "
                    + Formats.revisionsOrBase(current) + ", the revisions' head is " + Formats.revisionsOrBase(heads)
                    + ". Run 'retort upgrade head' first, then '" + command + "' again"
                    + (command.startsWith("retort check") ? " (or 'retort check --shadow', which needs no shared database)."
                            : "."));
        }
        return heads;
    }

    /** Compares the configured database (which must be at head) with the model. */
    static Comparison compareConfigured(Config config, Database database, Metadata model, CompareOptions options) {
        return compare(config, database.dataSource(), model, options);
    }

    /**
     * Builds a scratch database, applies every revision from base to it, compares it with
     * the model and drops it; the configured database is only used to reach the server.
     */
    static CheckResult compareShadow(Config config, Database database, Metadata model, CompareOptions options) {
        String url = config.url().orElseThrow(() -> new CommandException("No database URL configured. Set 'url=' in "
                + Database.configName(config) + " or pass --url; check --shadow makes its scratch database beside it."));
        String key = config.shadowUrl().isPresent() ? "shadow_url" : "url";
        ScratchDatabase scratch = ScratchDatabase.create(url, config.shadowUrl(), u -> database.dataSource(u, key));
        CheckResult result;
        try {
            Config shadowConfig = config.toBuilder().url(scratch.dataSource().url()).versionTableSchema(null).build();
            Dialect dialect = config.dialect().isPresent() ? Database.dialect(config) : null;
            Migrator migrator = database.migrator(scratch.dataSource(), dialect, shadowConfig);
            List<String> heads = migrator.heads();
            if (!database.registry().revisions().isEmpty()) {
                database.withArguments(() -> migrator.upgrade("heads"));
            }
            Comparison comparison = compare(config, scratch.dataSource(), model, options);
            result = new CheckResult(comparison.changes(), comparison.notes(), heads,
                    "shadow " + scratch.description());
        } catch (RuntimeException e) {
            try {
                scratch.close();
            } catch (RuntimeException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
        scratch.close();
        return result;
    }

    private static Comparison compare(Config config, DataSource dataSource, Metadata model, CompareOptions options) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = dialect(config, connection);
            // The database's dialect decides what must be grouped into batch mode (SQLite),
            // unless the caller's options name one.
            CompareOptions effective = options.versionTable(config.versionTable());
            if (effective.dialect().isEmpty()) {
                effective = effective.forDialect(dialect);
            }
            try {
                return Comparison.compareLive(model, connection, effective);
            } catch (UnsupportedOperationException e) {
                throw new CommandException(e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                // A model the database cannot hold: the message names the table and column.
                throw new CommandException("The model cannot be compared: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new CommandException("Cannot read the schema of " + describe(dataSource) + ": " + e.getMessage()
                    + ". Check that the user may read the catalogue.", e);
        }
    }

    private static Dialect dialect(Config config, Connection connection) throws SQLException {
        if (config.dialect().isPresent()) {
            return Database.dialect(config);
        }
        try {
            return Dialects.detect(connection);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static String describe(DataSource dataSource) {
        String text = dataSource instanceof DriverDataSource d ? d.toString() : String.valueOf(dataSource);
        int question = text.indexOf('?');
        return question < 0 ? text : text.substring(0, question);
    }
}
