package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Migration;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.LiveOperations;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code timestamp(3)} is not {@code TIMESTAMP} (six digits): the model's {@code TIMESTAMP}
 * against a millisecond column is a type change, applied it compares clean, and a model that
 * declares the database's own {@code timestamp(3)} compares clean too.
 */
class TimestampPrecisionComparisonTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({"postgresql, timestamp(3)", "mariadb, datetime(3)", "h2, timestamp(3)"})
    void aTimestampsPrecisionIsComparedAndItsChangeRoundTrips(String kind, String millis) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE event (id BIGINT PRIMARY KEY, at " + millis + " NULL)");
            }
            CompareOptions options = CompareOptions.defaults().forDialect(dialect);
            Metadata asIs = model(Type.raw(millis));
            assertThat(Comparison.compare(asIs, Introspection.read(connection, dialect), options).changes()).isEmpty();

            Metadata micros = model(Type.TIMESTAMP);
            Comparison found = Comparison.compare(micros, Introspection.read(connection, dialect), options);
            assertThat(found.operations()).as(found.toString()).singleElement().isInstanceOfSatisfying(
                    AlterColumn.class, alter -> assertThat(alter.type()).contains(Type.TIMESTAMP));
            // The revision as written, compiled and run.
            Migration revision = RevisionRunner.compile(work, "Widen", found.changes());
            revision.upgrade(LiveOperations.on(dialect, connection));
            Comparison after = Comparison.compare(micros, Introspection.read(connection, dialect), options);
            assertThat(after.changes()).as(after.toString()).isEmpty();
            revision.downgrade(LiveOperations.on(dialect, connection));
            Comparison restored = Comparison.compare(asIs, Introspection.read(connection, dialect), options);
            assertThat(restored.changes()).as(restored.toString()).isEmpty();
        }
    }

    private static Metadata model(Type type) {
        return Metadata.builder().table("event", t -> t
                .column(Column.of("id", Type.BIGINT).primaryKey())
                .column(Column.of("at", type)))
                .build();
    }
}
