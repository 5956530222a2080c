package dev.retort.autogenerate;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check constraints by name: a named check the database rewrites ({@code (total >= (0)::numeric)})
 * compares clean; a named check added or dropped is found exactly, written, applied and undone
 * (on SQLite in a batch); an unnamed check of the model is not compared, and while the model
 * has one the database's other checks are kept.
 */
class CheckConstraintComparisonTest {

    private static final String BEFORE = "CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY,"
            + " total NUMERIC(10, 2) NOT NULL, quantity INTEGER NOT NULL,"
            + " CONSTRAINT ck_orders_total CHECK (total >= 0))";

    @TempDir
    Path work;

    private static final CompareOptions CHECKS = CompareOptions.defaults().compareCheckConstraints(true);

    private static Metadata model(UnaryOperator<Table.Builder> checks) {
        return Metadata.builder().table("orders", t -> checks.apply(t
                .column(Column.of("id", Type.BIGINT).primaryKey())
                .column(Column.of("total", Type.numeric(10, 2)).notNull())
                .column(Column.of("quantity", Type.INTEGER).notNull())))
                .build();
    }

    private static Metadata before() {
        return model(t -> t.check(CheckConstraint.of("total >= 0").named("ck_orders_total")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void namedChecksAreAddedAndDroppedByNameAndRoundTrip(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(BEFORE);
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CHECKS);
            // The database prints the condition its own way; by name it is the same check.
            trip.assertClean(before());
            // A new condition under the same name is not a change: rename the check to replace it.
            trip.assertClean(model(t -> t.check(CheckConstraint.of("total > 0").named("ck_orders_total"))));

            Metadata added = model(t -> t.check(CheckConstraint.of("total >= 0").named("ck_orders_total"))
                    .check(CheckConstraint.of("quantity > 0").named("ck_orders_quantity")));
            trip.roundTrip(before(), added, List.of(batched(dialect, new CreateCheckConstraint(Optional.empty(),
                    "ck_orders_quantity", "orders", "quantity > 0"))));

            Metadata dropped = model(t -> t);
            trip.roundTrip(before(), dropped, List.of(batched(dialect, new DropConstraint(Optional.empty(),
                    "ck_orders_total", "orders", Optional.of(ConstraintType.CHECK)))));

            // Both at once: a renamed check is a drop and an add.
            Metadata renamed = model(t -> t.check(CheckConstraint.of("total >= 0").named("ck_orders_total_positive")));
            trip.roundTrip(before(), renamed, dialect.supportsAlterColumn()
                    ? List.of(new DropConstraint(Optional.empty(), "ck_orders_total", "orders",
                            Optional.of(ConstraintType.CHECK)), new CreateCheckConstraint(Optional.empty(),
                            "ck_orders_total_positive", "orders", "total >= 0"))
                    : List.of(BatchAlterTable.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void anUnnamedCheckOfTheModelIsNotComparedAndKeepsTheDatabasesChecks(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(BEFORE);
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CHECKS);
            // The database would name it (orders_quantity_check, CONSTRAINT_…): it cannot be found by name.
            trip.assertClean(model(t -> t.check("quantity > 0")));
            trip.assertClean(model(t -> t.check(CheckConstraint.of("total >= 0").named("ck_orders_total"))
                    .check("quantity > 0")));
            // Created with a new table, it comes back under the database's name and still compares clean.
            Metadata withTag = Metadata.builder().tables(before().tables()).table("tag", t -> t
                    .column(Column.of("id", Type.INTEGER).primaryKey())
                    .column(Column.of("label", Type.varchar(30)).notNull())
                    .check("length(label) > 0")).build();
            trip.roundTrip(before(), withTag, List.of(dev.retort.runtime.operation.CreateTable.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void byDefaultChecksAreNotCompared(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(BEFORE);
            }
            // A model without the database's check (as one read from JPA entities, which lacks the
            // checks Hibernate writes for enum columns) and one with a check the database lacks.
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            trip.assertClean(model(t -> t));
            trip.assertClean(model(t -> t.check(CheckConstraint.of("quantity > 0").named("ck_orders_quantity"))));
        }
    }

    /** The change itself where the database alters in place, else one batch holding it. */
    static Operation batched(Dialect dialect, Operation change) {
        return dialect.supportsAlterColumn() ? change : new BatchAlterTable(Optional.empty(),
                ((dev.retort.runtime.operation.TableChange) change).changedTable().orElseThrow(), List.of(change),
                BatchAlterTable.Recreate.AUTO, Optional.empty());
    }
}
