package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sequence whose increment or start differs from the model's is reported as a note with no
 * operation (altering a sequence in use stays the author's choice); the statement the note
 * suggests, run by hand, leaves the comparison without notes.
 */
class SequenceComparisonTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2", "mariadb"})
    void aChangedIncrementOrStartIsANoteNotAnOperation(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            execute(connection, "CREATE SEQUENCE order_seq");
            Metadata model = Metadata.builder().sequence(Sequence.of("order_seq").startWith(100).incrementBy(50)).build();

            Comparison found = compare(connection, dialect, model);
            assertThat(found.operations()).isEmpty();
            assertThat(found.isEmpty()).isTrue();
            assertThat(found.notes()).singleElement().asString()
                    .contains("Sequence order_seq: increment 1 in the database, 50 in the model;")
                    .contains("start 1 in the database, 100 in the model;")
                    .contains("op.execute(\"ALTER SEQUENCE order_seq INCREMENT BY 50 START WITH 100\")");
            assertThat(found.toString()).startsWith("No changes\nNote: Sequence order_seq:");

            // The note's own statement, run by hand: nothing left to say, and the sequence was not restarted.
            execute(connection, "ALTER SEQUENCE order_seq INCREMENT BY 50 START WITH 100");
            Comparison after = compare(connection, dialect, model);
            assertThat(after.notes()).as(after.toString()).isEmpty();
            assertThat(after.toString()).isEqualTo("No changes");
        }
    }

    private static Comparison compare(Connection connection, Dialect dialect, Metadata model) throws Exception {
        return Comparison.compare(model, Introspection.read(connection, dialect),
                CompareOptions.defaults().forDialect(dialect), connection);
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
