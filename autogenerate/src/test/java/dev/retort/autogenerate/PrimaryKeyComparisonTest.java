package dev.retort.autogenerate;

import static dev.retort.autogenerate.CheckConstraintComparisonTest.batched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A primary key moved to other columns, dropped, or added, compared by its columns: found
 * exactly, written as a revision, applied (on SQLite in a batch that rebuilds the table) and
 * undone, each leaving the comparison clean.
 */
class PrimaryKeyComparisonTest {

    @TempDir
    Path work;

    private static Metadata item(Optional<PrimaryKey> key) {
        return Metadata.builder().table("item", t -> {
            t.column(Column.of("tenant_id", Type.BIGINT).notNull())
                    .column(Column.of("id", Type.BIGINT).notNull())
                    .column(Column.of("name", Type.varchar(50)));
            key.ifPresent(t::primaryKey);

        }).build();
    }

    /** The table without a key: {@code code} nullable, as the "before" SQL made it. */
    private static Metadata tag(Optional<PrimaryKey> key) {
        return Metadata.builder().table("tag", t -> {
            t.column(Column.of("code", Type.varchar(10)))
                    .column(Column.of("label", Type.varchar(30)));
            key.ifPresent(t::primaryKey);

        }).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aPrimaryKeyMovedOrDroppedIsFoundAndRoundTrips(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE item (tenant_id BIGINT NOT NULL, id BIGINT NOT NULL,"
                        + " name VARCHAR(50), CONSTRAINT item_key PRIMARY KEY (id))");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            Metadata before = item(Optional.of(PrimaryKey.of("id").named("item_key")));
            trip.assertClean(before);
            // Not by name: MariaDB calls every key PRIMARY, SQLite keeps none.
            trip.assertClean(item(Optional.of(PrimaryKey.of("id"))));

            // MariaDB and SQLite read no name: the drop names the key by the naming convention, which they ignore.
            String existing = kind.equals("mariadb") || kind.equals("sqlite") ? "pk_item" : "item_key";
            DropConstraint drop = new DropConstraint(Optional.empty(), existing, "item",
                    Optional.of(ConstraintType.PRIMARY_KEY));
            CreatePrimaryKey moved = new CreatePrimaryKey(Optional.empty(), "pk_item", "item", List.of("tenant_id", "id"));
            trip.roundTrip(before, item(Optional.of(PrimaryKey.of("tenant_id", "id").named("pk_item"))),
                    dialect.supportsAlterColumn() ? List.of(drop, moved)
                            : List.of(new BatchAlterTable(Optional.empty(), "item", List.of(drop, moved),
                                    BatchAlterTable.Recreate.AUTO, Optional.empty())));

            // Dropped: the columns stay NOT NULL, as the model declares them.
            trip.roundTrip(before, item(Optional.empty()), List.of(batched(dialect, drop)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aPrimaryKeyAddedToATableWithoutOneIsFoundAndRoundTrips(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE tag (code VARCHAR(10), label VARCHAR(30))");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            Metadata before = tag(Optional.empty());
            // The key's column becomes NOT NULL first, then the key is added under the naming convention's name.
            CreatePrimaryKey added = new CreatePrimaryKey(Optional.empty(), "pk_tag", "tag", List.of("code"));
            trip.roundTrip(before, tag(Optional.of(PrimaryKey.of("code"))), dialect.supportsAlterColumn()
                    ? List.of(AlterColumn.class, added) : List.of(BatchAlterTable.class));
        }
    }

    /**
     * Where the database needs an index for a foreign key (MariaDB, H2), the table's foreign
     * key that used the old key's index is dropped before the key and recreated after.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2", "sqlite"})
    void aForeignKeyThatUsedTheOldKeyIsRebuiltAroundItWhereTheDatabaseNeedsThat(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY)");
                statement.execute("CREATE TABLE line (order_id BIGINT NOT NULL, n INTEGER NOT NULL,"
                        + " CONSTRAINT line_key PRIMARY KEY (order_id, n),"
                        + " CONSTRAINT fk_line_order FOREIGN KEY (order_id) REFERENCES orders (id))");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            Metadata before = lines(PrimaryKey.of("order_id", "n"));
            if (!dialect.supportsAlterColumn()) {
                // Batch mode writes a key's columns in table order: on SQLite the order is no change it could make.
                trip.assertClean(lines(PrimaryKey.of("n", "order_id")));
                return;
            }
            trip.roundTrip(before, lines(PrimaryKey.of("n", "order_id")), dialect.foreignKeysNeedIndexes()
                    ? List.of(DropConstraint.class, DropConstraint.class, CreatePrimaryKey.class, CreateForeignKey.class)
                    : List.of(DropConstraint.class, CreatePrimaryKey.class));
        }
    }

    /** {@code id} numbered by the database and the table's key, in each database's own SQL. */
    private static final Map<String, String> NUMBERED = Map.of(
            "postgresql", "CREATE TABLE item (id BIGINT GENERATED BY DEFAULT AS IDENTITY, tenant_id BIGINT NOT NULL,"
                    + " name VARCHAR(50), CONSTRAINT item_key PRIMARY KEY (id))",
            "h2", "CREATE TABLE item (id BIGINT GENERATED BY DEFAULT AS IDENTITY, tenant_id BIGINT NOT NULL,"
                    + " name VARCHAR(50), CONSTRAINT item_key PRIMARY KEY (id))",
            "mariadb", "CREATE TABLE item (id BIGINT NOT NULL AUTO_INCREMENT, tenant_id BIGINT NOT NULL,"
                    + " name VARCHAR(50), PRIMARY KEY (id))");

    private static Metadata numbered(boolean autoIncrement, Optional<PrimaryKey> key, Index... indexes) {
        return Metadata.builder().table("item", t -> {
            Column id = Column.of("id", Type.BIGINT).notNull();
            t.column(autoIncrement ? id.autoIncrement() : id)
                    .column(Column.of("tenant_id", Type.BIGINT).notNull())
                    .column(Column.of("name", Type.varchar(50)));
            key.ifPresent(t::primaryKey);
            for (Index index : indexes) {
                t.index(index);
            }
        }).build();
    }

    /**
     * A key on an auto-increment column moved or dropped. MariaDB refuses to leave such a
     * column leading no key, even between two statements ("there can be only one auto column
     * and it must be defined as a key"): there a temporary index holds it from before the
     * key's drop until the model's keys exist, in the upgrade and the downgrade alike. A
     * model whose auto-increment column leads no key is an error there, naming the column.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void aKeyOnAnAutoIncrementColumnMovesOrGoes(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(NUMBERED.get(kind));
                statement.execute("INSERT INTO item (tenant_id, name) VALUES (7, 'seven')");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            Metadata before = numbered(true, Optional.of(PrimaryKey.of("id")));
            boolean mariadb = kind.equals("mariadb");
            CreateIndex hold = new CreateIndex(Optional.empty(), "tmp_item_id", "item", List.of("id"), false);
            DropIndex release = new DropIndex(Optional.empty(), "tmp_item_id", Optional.of("item"));

            // The key gains a column after id: id still leads it.
            Comparison widened = trip.roundTrip(before, numbered(true, Optional.of(PrimaryKey.of("id", "tenant_id"))),
                    mariadb ? List.of(hold, DropConstraint.class, CreatePrimaryKey.class, release)
                            : List.of(DropConstraint.class, CreatePrimaryKey.class));
            if (mariadb) {
                assertThat(widened.changes().get(0).notes()).singleElement().asString().contains("item.id");
            }

            // The key moves to (tenant_id, id), an index of the model starting with id.
            Index byId = Index.of("ix_item_id", "id");
            trip.roundTrip(before, numbered(true, Optional.of(PrimaryKey.of("tenant_id", "id")), byId), mariadb
                    ? List.of(hold, DropConstraint.class, CreateIndex.class, CreatePrimaryKey.class, release)
                    : List.of(DropConstraint.class, CreateIndex.class, CreatePrimaryKey.class));

            // The model stops numbering id, and moves the key or drops it.
            trip.roundTrip(before, numbered(false, Optional.of(PrimaryKey.of("tenant_id", "id"))), mariadb
                    ? List.of(hold, DropConstraint.class, AlterColumn.class, CreatePrimaryKey.class, release)
                    : List.of(DropConstraint.class, AlterColumn.class, CreatePrimaryKey.class));
            trip.roundTrip(before, numbered(false, Optional.empty()), mariadb
                    ? List.of(hold, DropConstraint.class, AlterColumn.class, release)
                    : List.of(DropConstraint.class, AlterColumn.class));

            // Numbered, and no key starting with it: what MariaDB cannot hold.
            Metadata unkeyed = numbered(true, Optional.of(PrimaryKey.of("tenant_id", "id")));
            if (mariadb) {
                assertThatThrownBy(() -> trip.compare(unkeyed)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("Column item.id is auto-increment but no key of the model starts with it")
                        .message().doesNotContain("\n");
            } else {
                trip.roundTrip(before, unkeyed, List.of(DropConstraint.class, CreatePrimaryKey.class));
            }
        }
    }

    private static Metadata lines(PrimaryKey key) {
        return Metadata.builder()
                .table("orders", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .table("line", t -> t
                        .column(Column.of("order_id", Type.BIGINT).notNull())
                        .column(Column.of("n", Type.INTEGER).notNull())
                        .primaryKey(key)
                        .foreignKey(ForeignKey.of(List.of("order_id"), "orders", List.of("id")).named("fk_line_order")))
                .build();
    }
}
