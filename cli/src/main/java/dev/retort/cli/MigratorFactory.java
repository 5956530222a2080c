package dev.retort.cli;

import dev.retort.cli.internal.LineLogger;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Builds the runtime's {@link Migrator} from a configuration. */
final class MigratorFactory {

    private MigratorFactory() {
    }

    /**
     * A migrator with the configured version table; its log lines go to {@code log}, or to
     * the runtime's default {@code System.Logger} when {@code log} is {@code null}.
     */
    static Migrator build(MigrationRegistry registry, DataSource dataSource, Config config, Consumer<String> log) {
        Migrator.Builder builder = Migrator.builder(registry)
                .dataSource(dataSource)
                .versionTable(config.versionTable());
        config.versionTableSchema().ifPresent(builder::versionTableSchema);
        if (log != null) {
            builder.logger(new LineLogger(log));
        }
        return builder.build();
    }
}
