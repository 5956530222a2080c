package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Migration;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import dev.retort.testing.LiveOperations;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Computed (generated) columns, on every database: read as computed, never as a server default (no {@code DROP
 * DEFAULT}, which PostgreSQL refuses); declared in the model, created, added, and recreated
 * when their expression changes; each change applied leaves the comparison clean, and its
 * downgrade restores the "before" state.
 */
class ComputedColumnComparisonTest {

    @TempDir
    Path work;
    private int revisions;

    private static final CompareOptions DEFAULTS_ON = CompareOptions.defaults().compareServerDefaults(true);

    /** The "before" state, in each database's own SQL. */
    private static final Map<String, String> BEFORE = Map.of(
            "postgresql", "CREATE TABLE item (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL,"
                    + " doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2) STORED)",
            "mariadb", "CREATE TABLE item (id BIGINT PRIMARY KEY, price DECIMAL(10, 2) NOT NULL,"
                    + " doubled DECIMAL(12, 2) AS (price * 2) PERSISTENT)",
            "h2", "CREATE TABLE item (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL,"
                    + " doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2))",
            "sqlite", "CREATE TABLE item (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL,"
                    + " doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2) STORED)");

    private static Metadata model(UnaryOperator<Table.Builder> more) {
        return Metadata.builder().table("item", t -> more.apply(t
                .column(Column.of("id", Type.BIGINT).primaryKey())
                .column(Column.of("price", Type.numeric(10, 2)).notNull())))
                .build();
    }

    private static Metadata before() {
        return model(t -> t.column(Column.of("doubled", Type.numeric(12, 2)).computed("price * 2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aComputedColumnIsReadAsComputedAndItsChangesRoundTrip(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(BEFORE.get(kind));
            }
            Column doubled = Introspection.read(connection, dialect).table("item").orElseThrow()
                    .column("doubled").orElseThrow();
            assertThat(doubled.serverDefault()).isEmpty();
            assertThat(doubled.computed()).hasValueSatisfying(c -> assertThat(c.stored()).isTrue());

            // The model that says what the SQL did: nothing to do, defaults compared or not.
            assertClean(connection, dialect, before());

            // Another expression: the column is dropped and added again.
            Metadata tripled = model(t -> t.column(Column.of("doubled", Type.numeric(12, 2)).computed("price * 3")));
            roundTrip(connection, dialect, tripled, List.of(DropColumn.class, AddColumn.class));

            // A new computed column, and a plain column becoming computed.
            Metadata added = model(t -> t.column(Column.of("doubled", Type.numeric(12, 2)).computed("price * 2"))
                    .column(Column.of("halved", Type.numeric(12, 2)).computed("price / 2")));
            roundTrip(connection, dialect, added, List.of(AddColumn.class));
            Metadata plain = model(t -> t.column(Column.of("doubled", Type.numeric(12, 2))));
            roundTrip(connection, dialect, plain, List.of(DropColumn.class, AddColumn.class));

            if (kind.equals("mariadb") || kind.equals("sqlite")) {
                Metadata virtual = model(t -> t.column(Column.of("doubled", Type.numeric(12, 2))
                        .computed("price * 2", false)));
                roundTrip(connection, dialect, virtual, List.of(DropColumn.class, AddColumn.class));
            }
        }
    }

    /**
     * A change of a computed column's type or comment is an {@code alterColumn} that keeps it
     * computed: MariaDB's {@code MODIFY COLUMN} restates the computation (without it the
     * column would become a plain one), SQLite rebuilds the table. A change of type of the
     * column it reads applies in place where the database allows it; on PostgreSQL see {@link
     * #aTypeChangeOfAColumnThatAComputedColumnReadsApplies}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aChangeToOrAroundAComputedColumnKeepsItComputed(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(BEFORE.get(kind));
                statement.execute("INSERT INTO item (id, price) VALUES (1, 2.50)");
            }
            Column wider = Column.of("doubled", Type.numeric(14, 2)).computed("price * 2");
            roundTrip(connection, dialect, model(t -> t.column(kind.equals("sqlite") ? wider
                    : wider.comment("twice the price"))), List.of(AlterColumn.class));
            if (!kind.equals("postgresql")) {
                Metadata widerPrice = Metadata.builder().table("item", t -> t
                        .column(Column.of("id", Type.BIGINT).primaryKey())
                        .column(Column.of("price", Type.numeric(12, 2)).notNull())
                        .column(Column.of("doubled", Type.numeric(12, 2)).computed("price * 2"))).build();
                roundTrip(connection, dialect, widerPrice, List.of(AlterColumn.class));
            }
            try (Statement statement = connection.createStatement()) {
                var rs = statement.executeQuery("SELECT doubled FROM item");
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("5.00");
            }
        }
    }

    /** Two computed columns, each reading another column, in each database's own SQL. */
    private static final Map<String, String> TWO_READERS = Map.of(
            "postgresql", "CREATE TABLE item (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL, tax NUMERIC(4, 2),"
                    + " doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2) STORED,"
                    + " tax_doubled NUMERIC(6, 2) GENERATED ALWAYS AS (tax * 2) STORED)",
            "mariadb", "CREATE TABLE item (id BIGINT PRIMARY KEY, price DECIMAL(10, 2) NOT NULL, tax DECIMAL(4, 2),"
                    + " doubled DECIMAL(12, 2) AS (price * 2) PERSISTENT,"
                    + " tax_doubled DECIMAL(6, 2) AS (tax * 2) PERSISTENT)",
            "h2", "CREATE TABLE item (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL, tax NUMERIC(4, 2),"
                    + " doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2),"
                    + " tax_doubled NUMERIC(6, 2) GENERATED ALWAYS AS (tax * 2))",
            "sqlite", "CREATE TABLE item (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL, tax NUMERIC(4, 2),"
                    + " doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2) STORED,"
                    + " tax_doubled NUMERIC(6, 2) GENERATED ALWAYS AS (tax * 2) STORED)");

    /** The table of {@link #TWO_READERS}, {@code price} of type {@code price}, {@code doubled} computed by {@code doubled} (none: no such column). */
    private static Metadata twoReaders(Type price, String doubled) {
        return Metadata.builder().table("item", t -> {
            t.column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("price", price).notNull())
                    .column(Column.of("tax", Type.numeric(4, 2)));
            if (doubled != null) {
                t.column(Column.of("doubled", Type.numeric(12, 2)).computed(doubled))
                        .index(Index.of("ix_item_doubled", "doubled"));
            }
            t.column(Column.of("tax_doubled", Type.numeric(6, 2)).computed("tax * 2"));
        }).build();
    }

    /**
     * A change of type of a column that a computed column reads. PostgreSQL refuses it while
     * the computed column exists, so the computed columns that read it (from {@code
     * pg_depend}: {@code tax_doubled} reads another column and stays) are dropped before it
     * and added after it, once each even when the model changes or drops them too, their
     * indexes dropped before them and created again after. MariaDB, H2 and SQLite change it
     * in place and compute the column again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aTypeChangeOfAColumnThatAComputedColumnReadsApplies(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(TWO_READERS.get(kind));
                statement.execute("CREATE INDEX ix_item_doubled ON item (doubled)");
                statement.execute("INSERT INTO item (id, price, tax) VALUES (1, 2.50, 0.20)");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, DEFAULTS_ON);
            Metadata before = twoReaders(Type.numeric(10, 2), "price * 2");
            boolean postgres = kind.equals("postgresql");
            List<?> batch = List.of(BatchAlterTable.class);
            DropColumn drop = new DropColumn(Optional.empty(), "item", "doubled");

            Metadata wider = twoReaders(Type.numeric(12, 2), "price * 2");
            Comparison kept = trip.roundTrip(before, wider, !dialect.supportsAlterColumn() ? batch
                    : postgres ? List.of(DropIndex.class, drop, AlterColumn.class, AddColumn.class, CreateIndex.class)
                    : List.of(AlterColumn.class));
            if (postgres) {
                assertThat(kept.changes().get(1).notes()).singleElement().asString()
                        .contains("item.doubled", "computed anew");
                assertThat(JavaRenderer.render(kept.changes()).upgrade().toString()).contains(".computed(");
                // Without a connection the expressions say which columns read price: the same operations.
                assertThat(Comparison.compare(wider, Introspection.read(connection, dialect),
                        DEFAULTS_ON.forDialect(dialect)).operations()).isEqualTo(kept.operations());
            }

            // The model computes doubled another way as well: one drop and one add.
            trip.roundTrip(before, twoReaders(Type.numeric(12, 2), "price * 3"), !dialect.supportsAlterColumn() ? batch
                    : postgres ? List.of(DropIndex.class, drop, AlterColumn.class, AddColumn.class, CreateIndex.class)
                    : List.of(DropIndex.class, AlterColumn.class, DropColumn.class, AddColumn.class, CreateIndex.class));

            // The model drops doubled and its index: dropped before the type change, once.
            trip.roundTrip(before, twoReaders(Type.numeric(12, 2), null), !dialect.supportsAlterColumn() ? batch
                    : postgres ? List.of(DropIndex.class, drop, AlterColumn.class)
                    : List.of(DropIndex.class, AlterColumn.class, DropColumn.class));

            try (Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT doubled, tax_doubled FROM item")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("5.00");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("0.40");
            }
        }
    }

    /**
     * A unique key on a computed column that is dropped and added back (its computation
     * changes) goes with the column on every database: it is dropped before it and created
     * after it, so the check is clean afterwards and the downgrade brings the key back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aUniqueKeyOnARecomputedColumnComesBackWithIt(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            String create = TWO_READERS.get(kind);
            try (Statement statement = connection.createStatement()) {
                statement.execute(create.substring(0, create.length() - 1)
                        + ", CONSTRAINT uq_item_tax_doubled UNIQUE (tax_doubled))");
                statement.execute("INSERT INTO item (id, price, tax) VALUES (1, 2.50, 0.20)");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, DEFAULTS_ON);
            trip.roundTrip(uniqueTaxDoubled("tax * 2"), uniqueTaxDoubled("tax * 3"), !dialect.supportsAlterColumn()
                    ? List.of(BatchAlterTable.class)
                    : List.of(DropConstraint.class, DropColumn.class, AddColumn.class, CreateUniqueConstraint.class));
            try (Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT tax_doubled FROM item")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("0.40");
            }
        }
    }

    /** The table of {@link #TWO_READERS} with a unique key on {@code tax_doubled}, computed as {@code taxDoubled}. */
    private static Metadata uniqueTaxDoubled(String taxDoubled) {
        return Metadata.builder().table("item", t -> t
                .column(Column.of("id", Type.BIGINT).primaryKey())
                .column(Column.of("price", Type.numeric(10, 2)).notNull())
                .column(Column.of("tax", Type.numeric(4, 2)))
                .column(Column.of("doubled", Type.numeric(12, 2)).computed("price * 2"))
                .column(Column.of("tax_doubled", Type.numeric(6, 2)).computed(taxDoubled))
                .unique(UniqueConstraint.of("tax_doubled").named("uq_item_tax_doubled"))).build();
    }

    /**
     * In a schema other than the connection's, the catalogue is asked about that schema's
     * table: the current schema has a table of the same name whose {@code doubled} reads
     * {@code tax}, not {@code price}.
     */
    @Test
    void theComputedColumnsOfATableInAnotherSchemaAreFoundThere() throws Exception {
        try (TestDatabase db = TestDatabases.open("postgresql"); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            String other = db.schema() + "_o";
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + other);
                statement.execute(TWO_READERS.get("postgresql").replace("(price * 2)", "(tax * 4)"));
                statement.execute(TWO_READERS.get("postgresql").replace("CREATE TABLE item", "CREATE TABLE " + other + ".item"));
                statement.execute("CREATE INDEX ix_item_doubled ON item (doubled)");
                statement.execute("CREATE INDEX ix_item_doubled ON " + other + ".item (doubled)");
                try {
                    CompareOptions options = DEFAULTS_ON.includeSchemas(other);
                    Metadata model = Metadata.builder().tables(List.of(
                            twoReaders(Type.numeric(10, 2), "tax * 4").table("item").orElseThrow(),
                            twoReaders(Type.numeric(12, 2), "price * 2").table("item").orElseThrow()
                                    .withSchema(Optional.of(other)))).build();
                    Comparison found = Comparison.compare(model, Introspection.read(connection, dialect, options),
                            options.forDialect(dialect), connection);
                    assertThat(found.operations()).as(found.toString()).extracting(Object::getClass)
                            .containsExactly(DropIndex.class, DropColumn.class, AlterColumn.class, AddColumn.class,
                                    CreateIndex.class);
                    assertThat(((DropColumn) found.operations().get(1)).schema()).contains(other);
                    RevisionRunner.upgrade(RevisionRunner.compile(work, "OtherSchema", found.changes()), dialect,
                            connection);
                    Comparison after = Comparison.compare(model, Introspection.read(connection, dialect, options),
                            options.forDialect(dialect), connection);
                    assertThat(after.changes()).as(after.toString()).isEmpty();
                } finally {
                    statement.execute("DROP SCHEMA " + other + " CASCADE");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aTableWithAComputedColumnIsCreatedAndComparesClean(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata model = before();
            Comparison found = Comparison.compare(model, Introspection.read(connection, dialect),
                    DEFAULTS_ON.forDialect(dialect), connection);
            assertThat(found.operations()).extracting(Object::getClass).containsExactly(CreateTable.class);
            RoundTripTest.run(connection, dialect, found.operations());
            assertClean(connection, dialect, model);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO item (id, price) VALUES (1, 2.50)");
                var rs = statement.executeQuery("SELECT doubled FROM item");
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("5.00");
            }
        }
    }

    private static void assertClean(Connection connection, Dialect dialect, Metadata model) throws Exception {
        Comparison found = Comparison.compare(model, Introspection.read(connection, dialect),
                DEFAULTS_ON.forDialect(dialect), connection);
        assertThat(found.changes()).as(found.toString()).isEmpty();
    }

    /** From the "before" state: exactly {@code expected}; applied, clean; downgraded, the "before" state again. */
    private void roundTrip(Connection connection, Dialect dialect, Metadata model, List<Class<?>> expected)
            throws Exception {
        CompareOptions options = DEFAULTS_ON.forDialect(dialect);
        Comparison found = Comparison.compare(model, Introspection.read(connection, dialect), options, connection);
        // SQLite cannot add a stored generated column in place: its changes come as one batch, which
        // rebuilds the table with every generated column.
        List<Operation> operations = options.batchesAlterations() ? found.operations().size() == 1
                && found.operations().get(0) instanceof BatchAlterTable batch ? batch.operations() : List.of()
                : found.operations();
        assertThat(operations).as(found.toString()).extracting(Object::getClass)
                .containsExactlyElementsOf(expected);
        String java = JavaRenderer.render(found.changes()).upgrade().toString();
        if (model.table("item").orElseThrow().column("doubled").orElseThrow().computed().isPresent()
                && expected.contains(DropColumn.class)) {
            assertThat(java).contains(".computed(");
        }
        // The revision as written, compiled and run.
        Migration revision = RevisionRunner.compile(work, "Revision" + ++revisions, found.changes());
        revision.upgrade(LiveOperations.on(dialect, connection));
        assertClean(connection, dialect, model);
        revision.downgrade(LiveOperations.on(dialect, connection));
        assertClean(connection, dialect, before());
    }
}
