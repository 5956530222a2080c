package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB's inline {@code ENUM('a', 'b')} column type, compared as {@code Type.raw}: a member
 * added or removed is an {@code alterColumn} that applies and leaves the comparison clean,
 * and the spelling MariaDB prints back ({@code enum('sad','ok')}: lower case, no spaces,
 * single quotes, a member's trailing spaces cut) is no change.
 */
class EnumColumnComparisonTest {

    @TempDir
    Path work;

    private static Metadata person(String mood) {
        return Metadata.builder().table("person", t -> t
                .column(Column.of("id", Type.BIGINT).primaryKey())
                .column(Column.of("mood", Type.raw(mood)).notNull())).build();
    }

    @Test
    void membersAddedOrRemovedApplyAndTheServersSpellingIsNoChange() throws Exception {
        try (TestDatabase db = TestDatabases.open("mariadb"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE person (id BIGINT PRIMARY KEY,"
                        + " mood ENUM('sad', 'ok', 'it''s fine') NOT NULL)");
                statement.execute("INSERT INTO person (id, mood) VALUES (1, 'ok')");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            Metadata before = person("ENUM('sad', 'ok', 'it''s fine')");
            trip.assertClean(before);
            trip.assertClean(person("enum('sad','ok','it''s fine')"));
            trip.assertClean(person("Enum ( \"sad\" , 'ok ' , \"it's fine\" )"));
            trip.assertClean(person("ENUM('sad', 'ok', 'it\\'s fine')"));

            // A member is a value: its case, its inner spaces and its place count.
            assertThat(trip.compare(person("ENUM('sad', 'OK', 'it''s fine')")).operations()).hasSize(1);
            assertThat(trip.compare(person("ENUM('sad', 'o k', 'it''s fine')")).operations()).hasSize(1);
            assertThat(trip.compare(person("ENUM('ok', 'sad', 'it''s fine')")).operations()).hasSize(1);

            Comparison added = trip.roundTrip(before, person("ENUM('sad', 'ok', 'it''s fine', 'happy')"),
                    List.of(AlterColumn.class));
            assertThat(added.changes().get(0).notes()).isEmpty();
            Comparison removed = trip.roundTrip(before, person("ENUM('ok', 'it''s fine')"), List.of(AlterColumn.class));
            assertThat(removed.changes().get(0).notes()).singleElement().asString()
                    .contains("person.mood", "without 'sad'", "make this fail");

            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT mood FROM person")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }
}
