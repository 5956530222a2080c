package dev.retort.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Migrator;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A version-table row that is not a revision id is refused, with one line naming the table
 * and the row, before anything runs: upgrade, downgrade, stamp and current alike. The
 * reproduction of the issue: with the row {@code ' OR 1=1;DROP TABLE s_one;--} in the
 * table, {@code stamp ab01} dropped {@code s_one} on PostgreSQL.
 */
class HostileVersionRowsTest {

    private static final String HOSTILE = "' OR 1=1;DROP TABLE s_one;--";
    private static final List<String> IDS = List.of("ab01", "bc02");

    @Test
    void stampAndUpgradeWithAnInjectedRowDropNothingOnPostgres() {
        try (TestDatabase db = TestDatabases.postgres()) {
            Migrator migrator = setUp(db, HOSTILE);

            for (Runnable command : List.<Runnable>of(() -> migrator.stamp("ab01"), () -> migrator.upgrade("head"))) {
                MigrationException e = catchThrowableOfType(command::run, MigrationException.class);
                assertThat(e.code()).isEqualTo("INVALID_VERSION_ROW");
                assertThat(Chain.tableExists(db, "s_one")).as("s_one after " + e.getMessage()).isTrue();
            }
            assertThat(Chain.query(db, "SELECT COUNT(*) FROM s_one")).containsExactly("1");
            assertThat(Chain.versions(db)).containsExactlyInAnyOrder("ab01", HOSTILE);
            assertThat(Chain.tableExists(db, "t_two")).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb"})
    void everyCommandRefusesAnInvalidRowWithOneLineNamingTableAndRow(String kind) {
        // MariaDB reads a backslash in a literal as an escape: the row carries one too.
        String row = kind.equals("mariadb") ? "\\" + HOSTILE : HOSTILE;
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = setUp(db, row);

            List<Consumer<Migrator>> commands = List.of(m -> m.upgrade("head"), m -> m.downgrade("base"),
                    m -> m.stamp("bc02"), m -> m.stamp(), Migrator::current);
            for (Consumer<Migrator> command : commands) {
                MigrationException e = catchThrowableOfType(() -> command.accept(migrator), MigrationException.class);
                assertThat(e).isNotNull();
                assertThat(e.code()).isEqualTo("INVALID_VERSION_ROW");
                assertThat(e.getMessage())
                        .doesNotContain("\n")
                        .startsWith("Version table retort_version holds a row that is not a revision id: '" + row + "'.")
                        .contains("1 to 32 letters, digits or '_'")
                        .contains("nothing was run")
                        .contains("Delete that row");
            }
            assertThat(Chain.tableExists(db, "s_one")).isTrue();
            assertThat(Chain.versions(db)).containsExactlyInAnyOrder("ab01", row);
            assertThat(Chain.tableExists(db, "t_two")).isFalse();
        }
    }

    @Test
    void controlCharactersInRowsAreShownEscapedOnOneLine() {
        try (TestDatabase db = TestDatabases.h2()) {
            Migrator migrator = setUp(db, "ab\n01");
            insertRow(db, "x".repeat(10) + "\r\n" + "y".repeat(10));
            MigrationException e = catchThrowableOfType(migrator::current, MigrationException.class);
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r")
                    .contains("holds 2 rows that are not revision ids: ")
                    .contains("'ab\\u000a01'")
                    .contains("'" + "x".repeat(10) + "\\u000d\\u000a" + "y".repeat(10) + "'");
        }
    }

    /** Upgrades to ab01, creates s_one with one row, and adds {@code row} to the version table by hand. */
    private static Migrator setUp(TestDatabase db, String row) {
        Migrator migrator = Migrator.builder(Chain.linear(IDS, List.of(Chain.createTable("t_one"),
                Chain.createTable("t_two")))).dataSource(db.dataSource()).build();
        migrator.upgrade("ab01");
        db.execute("CREATE TABLE s_one (id INTEGER)", "INSERT INTO s_one (id) VALUES (1)");
        insertRow(db, row);
        return migrator;
    }

    private static void insertRow(TestDatabase db, String row) {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO retort_version (version_num) VALUES (?)")) {
            insert.setString(1, row);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
