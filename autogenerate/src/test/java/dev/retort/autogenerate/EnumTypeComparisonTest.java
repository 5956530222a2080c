package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.Migration;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.CreateEnumType;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropEnumType;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.EnumType;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.LiveOperations;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL enum types: read with their labels; created, dropped and given new labels in
 * their place; a written revision compiles and runs, after which the comparison is clean.
 * Labels removed or reordered are a note. Other databases have no named enum types.
 */
class EnumTypeComparisonTest {

    @TempDir
    Path work;

    private static Metadata model(EnumType mood, UnaryOperator<Table.Builder> more) {
        Metadata.Builder builder = Metadata.builder();
        if (mood != null) {
            builder.enumType(mood);
        }
        return builder.table("person", t -> more.apply(t.column(Column.of("id", Type.BIGINT).primaryKey()))).build();
    }

    private static Metadata before() {
        return model(EnumType.of("mood", "sad", "ok"), t -> t.column(Column.of("mood", Type.raw("mood"))));
    }

    private static void createBefore(Connection connection) throws SQLException {
        execute(connection, "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE TABLE person (id BIGINT PRIMARY KEY, mood mood)", "INSERT INTO person VALUES (1, 'ok')");
    }

    @Test
    void anEnumTypeIsReadWithItsLabelsAndItsColumn() throws Exception {
        try (TestDatabase db = TestDatabases.open("postgresql"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            createBefore(connection);
            Metadata read = Introspection.read(connection, dialect);
            assertThat(read.enumTypes()).containsExactly(EnumType.of("mood", "sad", "ok"));
            assertThat(read.table("person").orElseThrow().column("mood").orElseThrow().type()).isEqualTo(Type.raw("mood"));
            assertClean(connection, dialect, before());
        }
    }

    @Test
    void newLabelsAreAddedInTheirPlace() throws Exception {
        try (TestDatabase db = TestDatabases.open("postgresql"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            createBefore(connection);
            EnumType more = EnumType.of("mood", "awful", "sad", "meh", "ok", "happy");
            Metadata model = model(more, t -> t.column(Column.of("mood", Type.raw("mood"))));
            Comparison found = compare(connection, dialect, model);
            assertThat(found.operations()).containsExactly(
                    new AddEnumValue(Optional.empty(), "mood", "awful", Optional.of("sad"), Optional.empty()),
                    new AddEnumValue(Optional.empty(), "mood", "meh", Optional.empty(), Optional.of("sad")),
                    new AddEnumValue(Optional.empty(), "mood", "happy", Optional.empty(), Optional.of("ok")));
            assertThat(found.changes()).allMatch(Change::needsReview);
            assertThat(found.downgradeOperations()).isEmpty();

            Migration migration = new RevisionRunner(work).compile(found);
            RevisionRunner.upgrade(migration, dialect, connection);
            assertClean(connection, dialect, model);
            execute(connection, "INSERT INTO person VALUES (2, 'meh')");
            // PostgreSQL cannot remove a label: the downgrade leaves them.
            RevisionRunner.downgrade(migration, dialect, connection);
            assertClean(connection, dialect, model);
        }
    }

    /** PostgreSQL 12+ adds a label inside a transaction, but that transaction cannot use it. */
    @Test
    void aLabelAddedInATransactionIsUsableOnlyAfterItCommits() throws Exception {
        try (TestDatabase db = TestDatabases.open("postgresql"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            createBefore(connection);
            connection.setAutoCommit(false);
            LiveOperations.on(dialect, connection).addEnumValue("mood", "happy");
            assertThatThrownBy(() -> execute(connection, "INSERT INTO person VALUES (3, 'happy')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("unsafe use of new value");
            connection.rollback();
            LiveOperations.on(dialect, connection).addEnumValue("mood", "happy");
            connection.commit();
            execute(connection, "INSERT INTO person VALUES (3, 'happy')");
            connection.commit();
        }
    }

    @Test
    void removedOrReorderedLabelsAreANoteNotAnOperation() throws Exception {
        try (TestDatabase db = TestDatabases.open("postgresql"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            createBefore(connection);
            Comparison found = compare(connection, dialect,
                    model(EnumType.of("mood", "ok", "sad"), t -> t.column(Column.of("mood", Type.raw("mood")))));
            assertThat(found.operations()).isEmpty();
            assertThat(found.notes()).singleElement().asString()
                    .contains("Enum type mood: the database has labels [sad, ok], the model [ok, sad]");
        }
    }

    @Test
    void aNewEnumTypeIsCreatedBeforeItsColumnAndDroppedAfterIt() throws Exception {
        try (TestDatabase db = TestDatabases.open("postgresql"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            createBefore(connection);
            Metadata model = Metadata.builder().enumType(EnumType.of("mood", "sad", "ok"))
                    .enumType(EnumType.of("status", "new", "done"))
                    .table("person", t -> t.column(Column.of("id", Type.BIGINT).primaryKey())
                            .column(Column.of("mood", Type.raw("mood")))
                            .column(Column.of("status", Type.raw("status")).notNull().serverDefault("new")))
                    .build();
            roundTrip(connection, dialect, model, List.of(CreateEnumType.class, AddColumn.class));
        }
    }

    @Test
    void anEnumTypeNoColumnUsesIsDroppedAndTheDowngradeRecreatesIt() throws Exception {
        try (TestDatabase db = TestDatabases.open("postgresql"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            createBefore(connection);
            roundTrip(connection, dialect, model(null, t -> t), List.of(DropColumn.class, DropEnumType.class));
            // A model that does not declare the type but whose column uses it keeps the type.
            Metadata undeclared = model(null, t -> t.column(Column.of("mood", Type.raw("mood"))));
            assertClean(connection, dialect, undeclared);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb", "sqlite"})
    void otherDatabasesLeaveTheModelsEnumTypesOut(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata model = Metadata.builder().enumType(EnumType.of("mood", "sad", "ok")).build();
            assertClean(connection, dialect, model);
            assertThat(dialect.supportsEnumTypes()).isFalse();
        }
        assertThatThrownBy(() -> new MariaDbDialect().render(new CreateEnumType(Optional.empty(), "mood",
                List.of("sad", "ok")))).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("ENUM('a', 'b')");
    }

    /** Exactly {@code expected}; the written revision run, clean; its downgrade run, the "before" state clean. */
    private void roundTrip(Connection connection, Dialect dialect, Metadata model, List<Class<?>> expected)
            throws Exception {
        Comparison found = compare(connection, dialect, model);
        assertThat(found.operations()).as(found.toString()).extracting(Object::getClass)
                .containsExactlyElementsOf(expected);
        Migration migration = new RevisionRunner(work).compile(found);
        RevisionRunner.upgrade(migration, dialect, connection);
        assertClean(connection, dialect, model);
        RevisionRunner.downgrade(migration, dialect, connection);
        assertClean(connection, dialect, before());
    }

    private static Comparison compare(Connection connection, Dialect dialect, Metadata model) throws Exception {
        return Comparison.compare(model, Introspection.read(connection, dialect),
                CompareOptions.defaults().compareServerDefaults(true).forDialect(dialect), connection);
    }

    private static void assertClean(Connection connection, Dialect dialect, Metadata model) throws Exception {
        Comparison found = compare(connection, dialect, model);
        assertThat(found.changes()).as(found.toString()).isEmpty();
        assertThat(found.notes()).as(found.toString()).isEmpty();
    }

    private static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
