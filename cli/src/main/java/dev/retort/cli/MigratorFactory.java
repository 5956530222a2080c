package dev.retort.cli;

import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import javax.sql.DataSource;

/** Builds the runtime's {@link Migrator} from a configuration. */
final class MigratorFactory {

    private MigratorFactory() {
    }

    static Migrator build(MigrationRegistry registry, DataSource dataSource, Config config) {
        if (!config.versionTable().equals(Config.DEFAULT_VERSION_TABLE) || config.versionTableSchema().isPresent()) {
            throw new CommandException("This build of the runtime cannot use another version table than "
                    + Config.DEFAULT_VERSION_TABLE + ". Remove 'version_table'/'version_table_schema' from "
                    + Database.configName(config) + ".");
        }
        return Migrator.builder(registry).dataSource(dataSource).build();
    }
}
