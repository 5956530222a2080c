package dev.retort.cli;

import dev.retort.cli.internal.LineLogger;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.dialect.Dialect;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Builds the runtime's {@link Migrator} from a configuration. */
final class MigratorFactory {

    private MigratorFactory() {
    }

    /**
     * A migrator with the configured version table; its log lines go to {@code log}, or to
     * the runtime's default {@code System.Logger} when {@code log} is {@code null}.
     *
     * @param dataSource the database, or {@code null} for a migrator that only writes offline SQL
     * @param dialect    the dialect, or {@code null} to detect it from the connection
     */
    static Migrator build(MigrationRegistry registry, DataSource dataSource, Dialect dialect, Config config,
                          Consumer<String> log) {
        Migrator.Builder builder = Migrator.builder(registry).versionTable(config.versionTable());
        if (dataSource != null) {
            builder.dataSource(dataSource);
        }
        if (dialect != null) {
            builder.dialect(dialect);
        }
        config.versionTableSchema().ifPresent(builder::versionTableSchema);
        if (log != null) {
            builder.logger(new LineLogger(log));
        }
        return builder.build();
    }
}
