package dev.retort.tests.reliability;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.testing.SimpleDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process the reliability tests start, and kill: migrates {@link KillRegistry} on a JDBC
 * URL. {@code head} upgrades in one run; {@code steps} upgrades one revision per run and
 * prints {@code COMMITTED <id>} after each returns, so a test knows what had committed when
 * it killed the process. With a barrier file it prints {@code READY} and waits for the file.
 * Exit 0 at head, 2 on a migration error (its message on standard output).
 *
 * <p>Usage: {@code MigrateMain <url> head|steps [barrier-file]}
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        boolean steps = args[1].equals("steps");
        Migrator migrator = Migrator.builder(KillRegistry.registry()).dataSource(new SimpleDataSource(url)).build();
        System.out.println("READY");
        System.out.flush();
        if (args.length > 2) {
            Path barrier = Path.of(args[2]);
            while (!Files.exists(barrier)) {
                Thread.sleep(2);
            }
        }
        System.out.println("START");
        System.out.flush();
        try {
            if (steps) {
                List<String> rows = migrator.current();
                while (!rows.equals(migrator.heads())) {
                    MigrationResult result = migrator.upgrade("+1");
                    rows = result.headsAfter();
                    System.out.println("COMMITTED " + String.join(",", rows));
                    System.out.flush();
                }
            } else {
                migrator.upgrade("head");
            }
            System.out.println("DONE");
        } catch (MigrationException e) {
            System.out.println("FAILED " + e.code() + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
