package dev.retort.runtime.migrator;

import dev.retort.runtime.Migrator;
import dev.retort.testing.SimpleDataSource;
import java.util.List;

/**
 * Run in a JVM of its own by {@link KilledClientReleasesLockTest}: upgrades the database at
 * {@code args[0]} with one revision that prints {@value #LOCKED} (the migration lock is
 * held by then) and sleeps {@code args[1]} seconds inside a statement, until it is killed.
 */
public final class LockHolderMain {

    static final String LOCKED = "LOCKED";

    private LockHolderMain() {
    }

    public static void main(String[] args) {
        String seconds = args[1];
        Migrator migrator = Migrator.builder(Revisions.registry(Revisions.revision("ab01", List.of(), List.of(),
                List.of(), "sleep", Revisions.migration(op -> {
                    System.out.println(LOCKED);
                    System.out.flush();
                    op.execute("SELECT pg_sleep(?)", Integer.parseInt(seconds));
                }, op -> { })))).dataSource(new SimpleDataSource(args[0])).build();
        migrator.upgrade("head");
    }
}
