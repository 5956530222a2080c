package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How indexes, unique keys and the foreign keys that need them compare, with and without a dialect. */
class ComparisonIndexesAndKeysTest {

    private static final CompareOptions MARIADB = CompareOptions.defaults().forDialect(new MariaDbDialect());

    private static Metadata account(Consumer<Table.Builder> more) {
        return Metadata.builder().table("account", t -> {
            t.column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("email", Type.varchar(200)))
                    .column(Column.of("name", Type.varchar(50)));
            more.accept(t);
        }).build();
    }

    /** The unique key MariaDB reads back for {@code CREATE UNIQUE INDEX name ON account (columns)}. */
    private static UniqueConstraint key(String name, String... columns) {
        return new UniqueConstraint(Optional.of(name), List.of(columns));
    }

    // ---- A unique index where the database cannot tell it from a unique constraint ----

    @Test
    void aUniqueIndexOfTheModelMatchesTheUniqueKeyMariaDbReadsBack() {
        Metadata model = account(t -> t.uniqueIndex("ix_account_email", "email"));
        Metadata database = account(t -> t.unique(key("ix_account_email", "email")));

        assertThat(Comparison.compare(model, database, MARIADB).changes()).isEmpty();
        assertThat(Comparison.compare(model, database, CompareOptions.defaults()
                .forDialect(MariaDbDialect.mysql())).changes()).isEmpty();
        // Where the two are told apart, or no dialect is given, they differ as before.
        List<Operation> apart = List.of(
                new DropConstraint(Optional.empty(), "ix_account_email", "account", Optional.of(ConstraintType.UNIQUE)),
                new CreateIndex("ix_account_email", "account", List.of("email"), true));
        assertThat(Comparison.compare(model, database, CompareOptions.defaults()).operations())
                .containsExactlyElementsOf(apart);
        assertThat(Comparison.compare(model, database, CompareOptions.defaults().forDialect(new PostgresDialect()))
                .operations()).containsExactlyElementsOf(apart);
    }

    @Test
    void aMissingUniqueIndexIsCreatedAsAnIndexAndADroppedOneIsDroppedAsTheKeyTheDatabaseHas() {
        Metadata withIndex = account(t -> t.uniqueIndex("ix_account_email", "email"));
        Metadata without = account(t -> { });

        Comparison add = Comparison.compare(withIndex, without, MARIADB);
        assertThat(add.operations()).containsExactly(
                new CreateIndex("ix_account_email", "account", List.of("email"), true));

        Comparison drop = Comparison.compare(without, account(t -> t.unique(key("ix_account_email", "email"))), MARIADB);
        assertThat(drop.operations()).containsExactly(
                new DropConstraint(Optional.empty(), "ix_account_email", "account", Optional.of(ConstraintType.UNIQUE)));
        assertThat(drop.downgradeOperations()).containsExactly(
                new CreateUniqueConstraint(Optional.empty(), "ix_account_email", "account", List.of("email")));
    }

    @Test
    void aUniqueKeyThatDiffersFromTheModelsUniqueIndexStillShows() {
        Metadata model = account(t -> t.uniqueIndex("ix_account_email", "email"));

        // Same name, other columns: dropped, then created as the model has it.
        Comparison columns = Comparison.compare(model, account(t -> t.unique(key("ix_account_email", "email", "name"))),
                MARIADB);
        assertThat(columns.operations()).containsExactly(
                new DropConstraint(Optional.empty(), "ix_account_email", "account", Optional.of(ConstraintType.UNIQUE)),
                new CreateIndex("ix_account_email", "account", List.of("email"), true));

        // Same columns, other name: the index is named, so the key of the old name goes.
        Comparison renamed = Comparison.compare(model, account(t -> t.unique(key("uq_email", "email"))), MARIADB);
        assertThat(renamed.operations()).containsExactly(
                new DropConstraint(Optional.empty(), "uq_email", "account", Optional.of(ConstraintType.UNIQUE)),
                new CreateIndex("ix_account_email", "account", List.of("email"), true));

        // A model index of that name that is not unique: the unique key goes and the index comes.
        Comparison notUnique = Comparison.compare(account(t -> t.index("ix_account_email", "email")),
                account(t -> t.unique(key("ix_account_email", "email"))), MARIADB);
        assertThat(notUnique.operations()).containsExactly(
                new DropConstraint(Optional.empty(), "ix_account_email", "account", Optional.of(ConstraintType.UNIQUE)),
                new CreateIndex("ix_account_email", "account", List.of("email"), false));
    }

    @Test
    void aUniqueIndexOfTheDatabaseIsAUniqueKeyLikeAConstraintWhereTheyAreOne() {
        // A catalogue that reports a unique key as an index, for a database that cannot tell them apart.
        Metadata database = account(t -> t.index(Index.uniqueOf("uq_account_email", "email")));

        assertThat(Comparison.compare(account(t -> t.unique("email")), database, MARIADB).changes()).isEmpty();
        assertThat(Comparison.compare(account(t -> t.uniqueIndex("uq_account_email", "email")), database, MARIADB)
                .changes()).isEmpty();
        Comparison dropped = Comparison.compare(account(t -> { }), database, MARIADB);
        assertThat(dropped.operations()).containsExactly(
                new DropIndex(Optional.empty(), "uq_account_email", Optional.of("account")));
        assertThat(dropped.downgradeOperations()).containsExactly(
                new CreateIndex("uq_account_email", "account", List.of("email"), true));

        // Told apart: a constraint is not an index.
        assertThat(Comparison.compare(account(t -> t.unique("email")), database, CompareOptions.defaults()).operations())
                .containsExactly(new DropIndex(Optional.empty(), "uq_account_email", Optional.of("account")),
                        new CreateUniqueConstraint(Optional.empty(), "uq_account_email", "account", List.of("email")));
    }

    // ---- Dropping an index a foreign key needs ----

    private static final ForeignKey FK = ForeignKey.of(List.of("account_id"), "account", List.of("id"))
            .named("fk_orders_account");

    private static final CreateForeignKey RECREATE = new CreateForeignKey(Optional.empty(), "fk_orders_account",
            "orders", List.of("account_id"), Optional.empty(), "account", List.of("id"), Optional.empty(),
            Optional.empty());

    private static final DropConstraint DROP_FK = new DropConstraint(Optional.empty(), "fk_orders_account", "orders",
            Optional.of(ConstraintType.FOREIGN_KEY));

    private static Metadata orders(Consumer<Table.Builder> more) {
        return Metadata.builder()
                .table("account", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .table("orders", t -> {
                    t.column(Column.of("id", Type.BIGINT).primaryKey())
                            .column(Column.of("account_id", Type.BIGINT).notNull())
                            .column(Column.of("total", Type.INTEGER));
                    more.accept(t);
                })
                .build();
    }

    /** Order lines keyed by (account_id, line). */
    private static Metadata lines(Consumer<Table.Builder> more) {
        return Metadata.builder()
                .table("account", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .table("orders", t -> {
                    t.column(Column.of("account_id", Type.BIGINT).notNull())
                            .column(Column.of("line", Type.INTEGER).notNull())
                            .primaryKey(PrimaryKey.of("account_id", "line"))
                            .foreignKey(FK);
                    more.accept(t);
                })
                .build();
    }

    private static CompareOptions on(Dialect dialect) {
        return CompareOptions.defaults().forDialect(dialect);
    }

    @Test
    void droppingTheOnlyIndexBehindAForeignKeyThatStaysDropsTheKeyFirstAndRecreatesItAfter() {
        Metadata database = orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id"));
        Metadata model = orders(t -> t.foreignKey(FK));
        DropIndex dropIndex = new DropIndex(Optional.empty(), "ix_orders_account", Optional.of("orders"));
        CreateIndex createIndex = new CreateIndex("ix_orders_account", "orders", List.of("account_id"), false);

        for (Dialect dialect : List.of(new MariaDbDialect(), MariaDbDialect.mysql(), new H2Dialect())) {
            Comparison comparison = Comparison.compare(model, database, on(dialect));
            assertThat(comparison.operations()).as(dialect.name()).containsExactly(DROP_FK, dropIndex, RECREATE);
            assertThat(comparison.downgradeOperations()).as(dialect.name())
                    .containsExactly(DROP_FK, createIndex, RECREATE);
            assertThat(comparison.changes()).noneMatch(Change::needsReview);
        }
        // Where a foreign key needs no index, or no dialect is given, the index alone goes.
        for (CompareOptions options : List.of(CompareOptions.defaults(), on(new PostgresDialect()),
                on(new SqliteDialect()))) {
            assertThat(Comparison.compare(model, database, options).operations()).containsExactly(dropIndex);
        }
    }

    @Test
    void aKeyThatStaysAndCoversTheForeignKeySparesItTheRebuild() {
        Metadata model = orders(t -> t.foreignKey(FK).index("ix_orders_account_total", "account_id", "total"));
        Metadata database = orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id")
                .index("ix_orders_account_total", "account_id", "total"));
        assertThat(Comparison.compare(model, database, MARIADB).operations())
                .containsExactly(new DropIndex(Optional.empty(), "ix_orders_account", Optional.of("orders")));

        // Led by the foreign key's column, the primary key serves it too.
        assertThat(Comparison.compare(lines(t -> { }), lines(t -> t.index("ix_orders_account", "account_id")), MARIADB)
                .operations()).containsExactly(new DropIndex(Optional.empty(), "ix_orders_account", Optional.of("orders")));

        // An index the foreign key's column does not lead cannot serve it: no rebuild when it goes.
        Metadata trailing = orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id")
                .index("ix_orders_total_account", "total", "account_id"));
        assertThat(Comparison.compare(orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id")),
                trailing, MARIADB).operations())
                .containsExactly(new DropIndex(Optional.empty(), "ix_orders_total_account", Optional.of("orders")));
    }

    @Test
    void anIndexReplacedByAnotherOnTheSameColumnsHasTheForeignKeyRecreatedAfterTheNewIndex() {
        Metadata database = orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id"));
        Metadata model = orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id", "total"));
        assertThat(Comparison.compare(model, database, MARIADB).operations()).containsExactly(DROP_FK,
                new DropIndex(Optional.empty(), "ix_orders_account", Optional.of("orders")),
                new CreateIndex("ix_orders_account", "orders", List.of("account_id", "total"), false),
                RECREATE);
    }

    @Test
    void aDroppedUniqueKeyBehindAForeignKeyGetsTheSameRebuild() {
        Metadata database = orders(t -> t.foreignKey(FK).unique(key("uq_orders_account_total", "account_id", "total")));
        Metadata model = orders(t -> t.foreignKey(FK));
        assertThat(Comparison.compare(model, database, MARIADB).operations()).containsExactly(DROP_FK,
                new DropConstraint(Optional.empty(), "uq_orders_account_total", "orders",
                        Optional.of(ConstraintType.UNIQUE)),
                RECREATE);
    }

    @Test
    void aForeignKeyDroppedWithItsIndexIsDroppedOnceAndNotRecreated() {
        Metadata database = orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id"));
        Comparison comparison = Comparison.compare(orders(t -> { }), database, MARIADB);
        assertThat(comparison.operations()).containsExactly(DROP_FK,
                new DropIndex(Optional.empty(), "ix_orders_account", Optional.of("orders")));
    }

    @Test
    void aForeignKeyLeftOutOfTheComparisonIsNotTouched() {
        Metadata database = orders(t -> t.foreignKey(FK).index("ix_orders_account", "account_id"));
        CompareOptions options = MARIADB.includeObject(o -> o.kind() != SchemaObject.Kind.FOREIGN_KEY);
        assertThat(Comparison.compare(orders(t -> t.foreignKey(FK)), database, options).operations())
                .containsExactly(new DropIndex(Optional.empty(), "ix_orders_account", Optional.of("orders")));
    }
}
