package dev.retort.runtime.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.SchemaSnapshot;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The comparison the offline proof rests on: equal for schemas built alike, even when
 * the database numbered its generated names differently, and unequal for each kind of
 * difference it claims to see.
 */
class SchemaSnapshotTest {

    private static final String[] SCHEMA = {
        "CREATE TABLE \"parent\" (\"id\" INTEGER NOT NULL, PRIMARY KEY (\"id\"))",
        "CREATE TABLE \"child\" (\"id\" BIGINT NOT NULL, \"parent_id\" INTEGER, \"name\" VARCHAR(40) DEFAULT 'x' NOT NULL,"
                + " \"code\" VARCHAR(10) UNIQUE, PRIMARY KEY (\"id\"))",
        "ALTER TABLE \"child\" ADD CONSTRAINT \"fk_child_parent\" FOREIGN KEY (\"parent_id\") REFERENCES \"parent\" (\"id\")"
                + " ON DELETE CASCADE",
        "CREATE INDEX \"ix_child_name\" ON \"child\" (\"name\", \"id\")",
        "CREATE TABLE \"retort_version\" (version_num VARCHAR(32) NOT NULL, PRIMARY KEY (version_num))",
        "INSERT INTO \"retort_version\" (version_num) VALUES ('b2'), ('a1')",
    };

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void sameSchemaGivesEqualSnapshotsWhateverTheGeneratedNames(String kind) {
        try (TestDatabase one = TestDatabases.open(kind); TestDatabase two = TestDatabases.open(kind)) {
            one.execute(SCHEMA);
            // The online migrator's lock table, created first, makes H2 pick another name for
            // the version table's primary-key index.
            two.execute("CREATE TABLE \"retort_version_lock\" (lock_id INTEGER NOT NULL, PRIMARY KEY (lock_id))");
            two.execute(SCHEMA);
            two.execute("DROP TABLE \"retort_version_lock\"");

            SchemaSnapshot snapshot = snapshot(one);
            assertThat(snapshot(two)).isEqualTo(snapshot);
            assertThat(snapshot.versions()).isEqualTo(Optional.of(List.of("a1", "b2")));
            SchemaSnapshot.Table child = snapshot.tables().get("child");
            assertThat(child.columns()).extracting(SchemaSnapshot.Column::name)
                    .containsExactly("id", "parent_id", "name", "code");
            assertThat(child.primaryKey()).containsExactly("id");
            assertThat(child.indexes().get("ix_child_name")).isEqualTo(new SchemaSnapshot.Index(false, List.of("name", "id")));
            assertThat(child.foreignKeys().get("fk_child_parent").referentTable()).isEqualTo("parent");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "ALTER TABLE \"child\" ALTER COLUMN \"name\" SET DATA TYPE VARCHAR(41)",
        "ALTER TABLE \"child\" ALTER COLUMN \"parent_id\" SET NOT NULL",
        "ALTER TABLE \"child\" ALTER COLUMN \"name\" SET DEFAULT 'y'",
        "ALTER TABLE \"child\" ADD COLUMN \"extra\" INTEGER",
        "DROP INDEX \"ix_child_name\"",
        "CREATE UNIQUE INDEX \"ix_child_code\" ON \"child\" (\"code\")",
        "ALTER TABLE \"child\" DROP CONSTRAINT \"fk_child_parent\"",
        "CREATE TABLE \"other\" (\"id\" INTEGER)",
        "DELETE FROM \"retort_version\" WHERE version_num = 'a1'",
        "DROP TABLE \"retort_version\"",
    })
    void eachKindOfDifferenceMakesSnapshotsUnequal(String change) {
        try (TestDatabase one = TestDatabases.h2(); TestDatabase two = TestDatabases.h2()) {
            one.execute(SCHEMA);
            two.execute(SCHEMA);
            two.execute(change);
            assertThat(snapshot(two)).isNotEqualTo(snapshot(one));
        }
    }

    private static SchemaSnapshot snapshot(TestDatabase db) {
        return SchemaSnapshot.read(db.dataSource(), db.schema(), "retort_version");
    }
}
