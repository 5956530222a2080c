package dev.retort.cli;

import dev.retort.cli.internal.ScratchDatabase;
import dev.retort.test.SchemaSnapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code retort snapshot}: the schema at each revision, applied to a scratch database made
 * beside the configured one (as {@code check --shadow} makes it), written or compared by the
 * test kit's {@link SchemaSnapshots}.
 */
final class Snapshots {

    private Snapshots() {
    }

    static <T> T onScratch(Config config, Path directory, Consumer<String> log,
                           Function<SchemaSnapshots, Function<javax.sql.DataSource, T>> action) {
        String url = config.url().orElseThrow(() -> new CommandException("No database URL configured. Set 'url=' in "
                + Database.configName(config) + " or pass --url; snapshot makes its scratch database beside it."));
        try (Database database = Database.open(config, log)) {
            String key = config.shadowUrl().isPresent() ? "shadow_url" : "url";
            SchemaSnapshots snapshots = SchemaSnapshots.of(database.registry(), directory)
                    .versionTable(config.versionTable());
            try (ScratchDatabase scratch = ScratchDatabase.create(url, config.shadowUrl(),
                    u -> database.dataSource(u, key))) {
                try {
                    return database.withArguments(() -> action.apply(snapshots).apply(scratch.dataSource()));
                } catch (IllegalStateException e) {
                    throw new CommandException(e.getMessage(), e);
                }
            }
        }
    }

    static List<Path> write(Config config, Path directory, Consumer<String> log) {
        return onScratch(config, directory, log, s -> s::write);
    }

    static List<SchemaSnapshots.Mismatch> verify(Config config, Path directory, Consumer<String> log) {
        return onScratch(config, directory, log, s -> s::verify);
    }
}
