package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Online, the version table's changes bind their revisions as parameters: even a value
 * carrying SQL (which the migrator refuses to read, so this goes round it) is only ever
 * compared and stored, never run. Pasted into the statement, this one dropped {@code
 * s_one} on PostgreSQL.
 */
class VersionTableBindingTest {

    private static final String HOSTILE = "' OR 1=1;DROP TABLE s_one;--";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb"})
    void changesBindTheirValuesSoInjectedSqlNeverRuns(String kind) throws SQLException {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            VersionTable table = new VersionTable(Dialects.detect(connection), null, "retort_version");
            db.execute(table.createStatement(), "CREATE TABLE s_one (id INTEGER)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO retort_version (version_num) VALUES (?)")) {
                insert.setString(1, HOSTILE);
                insert.executeUpdate();
            }

            List<VersionTable.Change> update = table.changes(List.of(HOSTILE), List.of("ab01"));
            assertThat(update).singleElement().satisfies(change -> {
                assertThat(change.sql()).doesNotContain("OR 1=1").contains("?");
                assertThat(change.parameters()).containsExactly("ab01", HOSTILE);
            });
            assertThat(table.executeChange(connection, update.get(0))).isEqualTo(1);
            assertThat(Db.query(db, "SELECT COUNT(*) FROM s_one")).as("s_one is still there").containsExactly("0");
            assertThat(Db.versions(db)).containsExactly("ab01");

            for (VersionTable.Change change : table.changes(List.of("ab01"), List.of(HOSTILE, "cd03"))) {
                assertThat(table.executeChange(connection, change)).isEqualTo(1);
            }
            assertThat(table.executeChange(connection, table.changes(List.of(HOSTILE), List.of()).get(0))).isEqualTo(1);
            assertThat(Db.query(db, "SELECT COUNT(*) FROM s_one")).as("s_one is still there").containsExactly("0");
            assertThat(Db.versions(db)).containsExactly("cd03");
        }
    }
}
