package dev.retort.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.autogenerate.snapshot.SchemaSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots are written once per revision, read back equal, and stable from run to run. */
class SchemaSnapshotsTest {

    private static final Path EDITED = Path.of("src/test/resources/retort/schemas/edited");
    private static final Path GOOD = Path.of("src/test/resources/retort/schemas/good");
    /** The edited fixture's snapshots as written before snapshots had a format entry; never rewritten. */
    private static final Path FORMAT_ONE = Path.of("src/test/resources/retort/schemas/format1");

    @Test
    void oneFilePerRevisionEachColumnOnItsOwnLine(@TempDir Path directory) throws Exception {
        SchemaSnapshots snapshots = SchemaSnapshots.of(dev.retort.test.fixtures.good.GeneratedMigrations.REGISTRY,
                directory);

        List<Path> written;
        try (FreshDatabase h2 = new H2TestDatabase().create()) {
            written = snapshots.write(h2.dataSource());
        }

        assertThat(written).containsExactly(directory.resolve("a1000000001a.json"),
                directory.resolve("b2000000002b.json"), directory.resolve("c3000000003c.json"));
        assertThat(Files.readString(directory.resolve("b2000000002b.json"))).isEqualTo("""
                {
                  "revision": "b2000000002b",
                  "database": "h2",
                  "format": 2,
                  "tables": {
                    "account": {
                      "columns": {
                        "id": {"type": "Type.BIGINT", "nullable": false},
                        "name": {"type": "Type.varchar(50)", "nullable": false},
                        "email": {"type": "Type.varchar(100)", "nullable": true}
                      },
                      "primaryKey": {"columns": ["id"], "name": "constraint_e"},
                      "indexes": {
                        "ix_account_email": {"columns": ["email"], "unique": false}
                      },
                      "uniqueConstraints": {},
                      "foreignKeys": {},
                      "checks": {}
                    }
                  },
                  "sequences": {}
                }
                """);
        try (FreshDatabase h2 = new H2TestDatabase().create()) {
            assertThat(snapshots.verify(h2.dataSource())).isEmpty();
        }
        try (FreshDatabase h2 = new H2TestDatabase().create()) {
            assertThat(snapshots.write(h2.dataSource())).as("a second run rewrites nothing").isEmpty();
        }
        assertThat(snapshots.missing()).isEmpty();
        assertThat(snapshots.orphans()).isEmpty();
    }

    /**
     * The committed snapshots of the healthy fixture are what its revisions produce
     * ({@code -Dretort.snapshots.write=true} rewrites them).
     */
    @Test
    void theGoodFixtureSnapshotsComeFromItsRevisions() throws Exception {
        SchemaSnapshots snapshots = SchemaSnapshots.of(dev.retort.test.fixtures.good.GeneratedMigrations.REGISTRY, GOOD);
        if (Boolean.getBoolean(RetortTestContext.WRITE_SNAPSHOTS_PROPERTY)) {
            try (FreshDatabase h2 = new H2TestDatabase().create()) {
                snapshots.write(h2.dataSource());
            }
        }
        try (FreshDatabase h2 = new H2TestDatabase().create()) {
            assertThat(snapshots.verify(h2.dataSource())).isEmpty();
        }
        assertThat(snapshots.missing()).isEmpty();
    }

    /**
     * Files committed before snapshots recorded primary-key names (which H2 reports) and had a
     * format entry still match their revisions, and an edit of a revision is still found in
     * them, with no other line.
     */
    @Test
    void filesOfTheFirstFormatAreComparedOnWhatTheyRecord() throws Exception {
        try (FreshDatabase h2 = new H2TestDatabase().create()) {
            assertThat(SchemaSnapshots.of(dev.retort.test.fixtures.edited.before.GeneratedMigrations.REGISTRY,
                    FORMAT_ONE).verify(h2.dataSource())).isEmpty();
        }
        List<SchemaSnapshots.Mismatch> edited;
        try (FreshDatabase h2 = new H2TestDatabase().create()) {
            edited = SchemaSnapshots.of(dev.retort.test.fixtures.edited.after.GeneratedMigrations.REGISTRY, FORMAT_ONE)
                    .verify(h2.dataSource());
        }
        assertThat(edited).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.revision()).isEqualTo("b2000000002b");
            assertThat(mismatch.differences()).containsExactly("column account.email: {\"type\": \"Type.varchar(100)\","
                    + " \"nullable\": true} in the snapshot, {\"type\": \"Type.varchar(255)\", \"nullable\": true} now");
        });
    }

    /**
     * The committed snapshots of the edited-revision fixture are what its revisions produced
     * before the edit ({@code -Dretort.snapshots.write=true} rewrites them from there).
     */
    @Test
    void theEditedFixtureSnapshotsComeFromTheRevisionsBeforeTheEdit() throws Exception {
        SchemaSnapshots snapshots = SchemaSnapshots.of(
                dev.retort.test.fixtures.edited.before.GeneratedMigrations.REGISTRY, EDITED);
        if (Boolean.getBoolean(RetortTestContext.WRITE_SNAPSHOTS_PROPERTY)) {
            try (FreshDatabase h2 = new H2TestDatabase().create()) {
                snapshots.write(h2.dataSource());
            }
        }
        try (FreshDatabase h2 = new H2TestDatabase().create()) {
            assertThat(snapshots.verify(h2.dataSource())).isEmpty();
        }
        assertThat(snapshots.missing()).isEmpty();
    }
}
