package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.LiveOperations;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model → compare with the real database → run the operations → read back → compare again
 * finds nothing; then each kind of change is found, applied and leaves nothing; and the
 * downgrade restores the schema before it.
 */
class RoundTripTest {

    static Metadata.Builder base() {
        return Metadata.builder()
                .table("account", t -> t
                        .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                        .column(Column.of("email", Type.varchar(200)).notNull().unique())
                        .column(Column.of("name", Type.varchar(50)).comment("Legal name"))
                        .column(Column.of("status", Type.varchar(20)).notNull().serverDefault("new"))
                        .column(Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()))
                        .index("ix_account_name", "name")
                        // Not on id: MariaDB refuses a check on an AUTO_INCREMENT column.
                        .check("length(status) > 0")
                        .comment("Customers"))
                .table("orders", t -> t
                        .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                        .column(Column.of("account_id", Type.BIGINT).notNull())
                        .column(Column.of("total", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)))
                        .foreignKey(ForeignKey.of(List.of("account_id"), "account", List.of("id"))
                                .onDelete(ReferentialAction.CASCADE).named("fk_orders_account"))
                        .index("ix_orders_account", "account_id"));
    }

    private static final CompareOptions ALL = CompareOptions.defaults().compareServerDefaults(true);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void aModelCreatedFromNothingComparesClean(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata model = base().build();
            Comparison first = Comparison.compare(model, Introspection.read(connection, dialect), all(dialect));
            assertThat(first.operations()).extracting(o -> o.getClass().getSimpleName())
                    .containsExactly("CreateTable", "CreateIndex", "CreateTable", "CreateIndex");
            run(connection, dialect, first.operations());
            assertThat(Comparison.compare(model, Introspection.read(connection, dialect), all(dialect)).changes())
                    .isEmpty();

            run(connection, dialect, first.downgradeOperations());
            assertThat(Introspection.read(connection, dialect).tables()).isEmpty();
        }
    }

    /**
     * Hibernate's ids draw from sequences: a model's sequences are created before its tables
     * and then compare clean; adding and dropping one is found, applied and undone, the
     * dropped one coming back with its start and increment. SQLite has no sequences: a
     * model's produce nothing there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void sequencesAreCreatedAddedAndDroppedAndCompareClean(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata model = base().sequence(Sequence.of("account_seq").incrementBy(50))
                    .sequence(Sequence.of("orders_seq").startWith(1000)).build();
            Comparison first = Comparison.compare(model, Introspection.read(connection, dialect), all(dialect));
            List<String> tables = List.of("CreateTable", "CreateIndex", "CreateTable", "CreateIndex");
            List<String> expected = new java.util.ArrayList<>(tables);
            if (!kind.equals("sqlite")) {
                expected.addAll(0, List.of("CreateSequence", "CreateSequence"));
            }
            assertThat(first.operations()).extracting(o -> o.getClass().getSimpleName())
                    .containsExactlyElementsOf(expected);
            run(connection, dialect, first.operations());
            assertNothingFound(connection, dialect, model);
            if (kind.equals("sqlite")) {
                assertThat(Introspection.read(connection, dialect).sequences()).isEmpty();
                return;
            }
            assertThat(Introspection.read(connection, dialect).sequences()).containsExactly(
                    Sequence.of("account_seq").incrementBy(50), Sequence.of("orders_seq").startWith(1000));
            // A new start or increment is not a change: altering a sequence in use would restart it.
            assertNothingFound(connection, dialect, base().sequence(Sequence.of("account_seq").incrementBy(1))
                    .sequence(Sequence.of("orders_seq")).build());

            Metadata added = base().sequence(Sequence.of("account_seq").incrementBy(50))
                    .sequence(Sequence.of("orders_seq").startWith(1000))
                    .sequence(Sequence.of("invoice_seq").incrementBy(5)).build();
            changes(connection, dialect, model, added, List.of(CreateSequence.class));
            Metadata dropped = base().sequence(Sequence.of("account_seq").incrementBy(50)).build();
            changes(connection, dialect, model, dropped, List.of(DropSequence.class));
            assertThat(Introspection.read(connection, dialect).sequence("orders_seq"))
                    .hasValue(Sequence.of("orders_seq").startWith(1000));

            run(connection, dialect, first.downgradeOperations());
            Metadata empty = Introspection.read(connection, dialect);
            assertThat(empty.isEmpty()).as(empty.toString()).isTrue();
        }
    }

    /**
     * Two new tables that reference each other: one key waits until both exist, except on
     * SQLite, which cannot add a key to a table but accepts one to a table not created yet.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void newTablesReferencingEachOtherAreCreatedAndDropped(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata model = Metadata.builder()
                    .table("department", t -> t
                            .column(Column.of("id", Type.BIGINT).primaryKey())
                            .column(Column.of("head_id", Type.BIGINT))
                            .foreignKey(ForeignKey.of(List.of("head_id"), "employee", List.of("id")).named("fk_department_head")))
                    .table("employee", t -> t
                            .column(Column.of("id", Type.BIGINT).primaryKey())
                            .column(Column.of("department_id", Type.BIGINT))
                            .foreignKey(ForeignKey.of(List.of("department_id"), "department", List.of("id"))
                                    .named("fk_employee_department"))
                            .index("ix_employee_department", "department_id"))
                    .build();
            Comparison found = Comparison.compare(model, Introspection.read(connection, dialect), all(dialect));
            assertThat(found.operations()).extracting(o -> o.getClass().getSimpleName()).as(found.toString())
                    .containsExactlyElementsOf(dialect.supportsAlterColumn()
                            ? List.of("CreateTable", "CreateTable", "CreateIndex", "CreateForeignKey")
                            : List.of("CreateTable", "CreateTable", "CreateIndex"));
            run(connection, dialect, found.operations());
            assertNothingFound(connection, dialect, model);
            assertThat(Introspection.read(connection, dialect).table("department").orElseThrow().foreignKeys())
                    .extracting(fk -> fk.name().orElse(null)).containsExactly("fk_department_head");
            run(connection, dialect, found.downgradeOperations());
            assertThat(Introspection.read(connection, dialect).tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void everyKindOfChangeIsFoundAppliedAndUndone(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata base = base().build();
            run(connection, dialect, Comparison.compare(base, Metadata.empty(), all(dialect)).operations());

            change(connection, dialect, base, m -> m.table("tag", t -> t
                    .column(Column.of("id", Type.INTEGER).primaryKey())
                    .column(Column.of("label", Type.varchar(30)).notNull())), CreateTable.class);
            change(connection, dialect, base, without(base(), "orders").build(), DropTable.class);
            change(connection, dialect, base, table("account", t -> t
                    .column(Column.of("phone", Type.varchar(30)))), AddColumn.class);
            alter(connection, dialect, base, table("orders", t -> { }, "total"), DropColumn.class);
            // status is read by account's check: the database drops the check with the column (SQLite
            // by rebuilding the table). Checks are not compared, so the model's check makes no difference.
            alter(connection, dialect, base, table("account", t -> { }, "status"), DropColumn.class);
            alter(connection, dialect, base, replace("account", "name", Column.of("name", Type.varchar(50))
                    .notNull().comment("Legal name")), AlterColumn.class);
            alter(connection, dialect, base, replace("account", "name", Column.of("name", Type.varchar(120))
                    .comment("Legal name")), AlterColumn.class);
            alter(connection, dialect, base, replace("account", "status", Column.of("status", Type.varchar(20))
                    .notNull().serverDefault("active")), AlterColumn.class);
            if (dialect.supportsComments()) {
                change(connection, dialect, base, replace("account", "name", Column.of("name", Type.varchar(50))
                        .comment("Full name")), AlterColumn.class);
            } else {
                assertNothingFound(connection, dialect, replace("account", "name", Column.of("name", Type.varchar(50))
                        .comment("Full name")).apply(rebuild(base)).build());
            }
            change(connection, dialect, base, table("orders", t -> t.index("ix_orders_total", "total")),
                    CreateIndex.class);
            change(connection, dialect, base, table("account", t -> { }, null, "ix_account_name"), DropIndex.class);
            alter(connection, dialect, base, table("orders", t -> t.unique("account_id", "total")),
                    CreateUniqueConstraint.class);
            // SQLite keeps email's inline UNIQUE unnamed: the batch rebuild drops it by its convention name.
            alter(connection, dialect, base, replace("account", "email", Column.of("email", Type.varchar(200))
                    .notNull()), DropConstraint.class);
            alter(connection, dialect, base, table("orders", t -> t.foreignKey("id", "account", "id")),
                    CreateForeignKey.class);
            alter(connection, dialect, base, withoutForeignKeys(), DropConstraint.class);
            if (dialect.supportsComments()) {
                change(connection, dialect, base, comment("account", "Paying customers"), CreateTableComment.class);
                change(connection, dialect, base, comment("account", null), DropTableComment.class);
            } else {
                // SQLite stores no comments: a comment changed in the model is no difference there.
                assertNothingFound(connection, dialect, comment("account", "Paying customers").apply(rebuild(base)).build());
                assertNothingFound(connection, dialect, comment("account", null).apply(rebuild(base)).build());
            }
        }
    }

    /**
     * A 4-byte float and a fixed-length text read back as the types they were made from, so
     * a model with them compares clean; widening the float to a double and lengthening the
     * text are each found, applied and undone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void realAndCharacterColumnsCompareCleanAndTheirTypeChangesAreFound(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata base = base().table("price", t -> t
                    .column(Column.of("id", Type.INTEGER).primaryKey())
                    .column(Column.of("rate", Type.REAL).notNull())
                    .column(Column.of("currency", Type.character(2)).notNull())).build();
            Comparison first = Comparison.compare(base, Introspection.read(connection, dialect), all(dialect));
            run(connection, dialect, first.operations());
            assertNothingFound(connection, dialect, base);

            alter(connection, dialect, base, replace("price", "rate", Column.of("rate", Type.DOUBLE).notNull()),
                    AlterColumn.class);
            alter(connection, dialect, base, replace("price", "currency",
                    Column.of("currency", Type.character(3)).notNull()), AlterColumn.class);
            // The same length, another kind: a fixed-length text is not a varchar.
            alter(connection, dialect, base, replace("price", "currency",
                    Column.of("currency", Type.varchar(2)).notNull()), AlterColumn.class);

            run(connection, dialect, first.downgradeOperations());
            assertThat(Introspection.read(connection, dialect).tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void aUniqueIndexOfTheModelComparesCleanAndIsAddedAndDroppedLikeAnyIndex(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            // MariaDB reads a unique index back as a unique key, which the comparison takes for the index.
            Metadata base = table("account", t -> t.uniqueIndex("ix_account_name_status", "name", "status"))
                    .apply(base()).build();
            Comparison first = Comparison.compare(base, Introspection.read(connection, dialect), all(dialect));
            assertThat(first.operations()).filteredOn(CreateIndex.class::isInstance)
                    .contains(new CreateIndex("ix_account_name_status", "account", List.of("name", "status"), true));
            run(connection, dialect, first.operations());
            assertNothingFound(connection, dialect, base);

            change(connection, dialect, base, table("account", t -> t.uniqueIndex("ix_account_status_email", "status",
                    "email")), CreateIndex.class);
            // Where the database cannot tell it from a unique constraint, it is dropped as the key it reads back.
            change(connection, dialect, base, table("account", t -> { }, null, "ix_account_name_status"),
                    dialect.uniqueIndexesAreConstraints() ? DropConstraint.class : DropIndex.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void anIndexAForeignKeyUsesIsDroppedWithTheKeyRebuiltAroundItWhereTheDatabaseNeedsThat(String kind)
            throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Metadata base = base().build();
            // The index first, then the foreign key: H2's key then takes the index over, as MariaDB's does always.
            run(connection, dialect, Comparison.compare(withoutForeignKeys().apply(rebuild(base)).build(),
                    Introspection.read(connection, dialect), all(dialect)).operations());
            run(connection, dialect, Comparison.compare(base, Introspection.read(connection, dialect), all(dialect))
                    .operations());
            assertNothingFound(connection, dialect, base);
            UnaryOperator<Metadata.Builder> withoutIndex = table("orders", t -> { }, null, "ix_orders_account");
            if (dialect.foreignKeysNeedIndexes()) {
                // What the rebuild is for: the index alone cannot go.
                assertThatThrownBy(() -> run(connection, dialect, List.of(new DropIndex(Optional.empty(),
                        "ix_orders_account", Optional.of("orders")))))
                        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("constraint"));
                assertNothingFound(connection, dialect, base);
            }

            // The foreign key stays.
            changes(connection, dialect, base, withoutIndex.apply(rebuild(base)).build(), dialect.foreignKeysNeedIndexes()
                    ? List.of(DropConstraint.class, DropIndex.class, CreateForeignKey.class)
                    : List.of(DropIndex.class));
            // The index is replaced by a wider one the foreign key can use.
            changes(connection, dialect, base, table("orders", t -> t.index("ix_orders_account", "account_id", "total"),
                    null, "ix_orders_account").apply(rebuild(base)).build(), dialect.foreignKeysNeedIndexes()
                    ? List.of(DropConstraint.class, DropIndex.class, CreateIndex.class, CreateForeignKey.class)
                    : List.of(DropIndex.class, CreateIndex.class));
            // The foreign key goes with it: dropped first, on every database.
            changes(connection, dialect, base, withoutForeignKeys().apply(withoutIndex.apply(rebuild(base))).build(),
                    dialect.supportsAlterColumn() ? List.of(DropConstraint.class, DropIndex.class)
                            : List.of(BatchAlterTable.class));
        }
    }

    /**
     * Applies the change from {@code base}: the comparison finds exactly one operation of
     * {@code expected}; after it, nothing; after the downgrade, the database is {@code base} again.
     */
    private static void change(Connection connection, Dialect dialect, Metadata base,
            UnaryOperator<Metadata.Builder> edit, Class<? extends Operation> expected) throws Exception {
        Metadata model = edit.apply(rebuild(base)).build();
        change(connection, dialect, base, model, expected);
    }

    private static void change(Connection connection, Dialect dialect, Metadata base, Metadata model,
            Class<? extends Operation> expected) throws Exception {
        Comparison found = changes(connection, dialect, base, model, List.of(expected));
        if (!dialect.supportsAlterColumn() && found.operations().get(0) instanceof BatchAlterTable batch) {
            // Only what SQLite refuses in place is batched; the batch holds the one change expected.
            assertThat(batch.operations()).as(found.toString()).hasSize(1);
        }
    }

    /**
     * Applies the change from {@code base}: the comparison finds operations of exactly the
     * {@code expected} classes, in order; after them, nothing; after the downgrade, the
     * database is {@code base} again.
     */
    private static Comparison changes(Connection connection, Dialect dialect, Metadata base, Metadata model,
            List<Class<? extends Operation>> expected) throws Exception {
        CompareOptions options = all(dialect);
        Comparison found = Comparison.compare(model, Introspection.read(connection, dialect), options);
        assertThat(found.operations()).as(found.toString()).extracting(Object::getClass)
                .containsExactlyElementsOf(expected);
        run(connection, dialect, found.operations());
        Comparison after = Comparison.compare(model, Introspection.read(connection, dialect), options);
        assertThat(after.changes()).as(after.toString()).isEmpty();
        run(connection, dialect, found.downgradeOperations());
        Comparison restored = Comparison.compare(base, Introspection.read(connection, dialect), options);
        assertThat(restored.changes()).as(restored.toString()).isEmpty();
        return found;
    }

    /** Applies the change from {@code base}, expecting {@code expected} where the dialect alters in place, else a batch. */
    private static void alter(Connection connection, Dialect dialect, Metadata base,
            UnaryOperator<Metadata.Builder> edit, Class<? extends Operation> expected) throws Exception {
        change(connection, dialect, base, edit, dialect.supportsAlterColumn() ? expected : BatchAlterTable.class);
    }

    private static void assertNothingFound(Connection connection, Dialect dialect, Metadata model) throws Exception {
        Comparison found = Comparison.compare(model, Introspection.read(connection, dialect), all(dialect));
        assertThat(found.changes()).as(found.toString()).isEmpty();
    }

    /** Everything compared, for what the dialect can run. */
    static CompareOptions all(Dialect dialect) {
        return ALL.forDialect(dialect);
    }

    static void run(Connection connection, Dialect dialect, List<Operation> operations) {
        LiveOperations.run(dialect, connection, operations);
    }

    // ---- Editing the base model ----

    private static Metadata.Builder rebuild(Metadata metadata) {
        return Metadata.builder().tables(metadata.tables());
    }

    private static Metadata.Builder without(Metadata.Builder builder, String table) {
        Metadata built = builder.build();
        return Metadata.builder().tables(built.tables().stream().filter(t -> !t.name().equals(table)).toList());
    }

    private static UnaryOperator<Metadata.Builder> table(String name, Consumer<dev.retort.runtime.schema.Table.Builder> more) {
        return table(name, more, null, null);
    }

    private static UnaryOperator<Metadata.Builder> table(String name, Consumer<dev.retort.runtime.schema.Table.Builder> more,
            String dropColumn) {
        return table(name, more, dropColumn, null);
    }

    /** The base with table {@code name} extended by {@code more}, less a column or an index. */
    private static UnaryOperator<Metadata.Builder> table(String name, Consumer<dev.retort.runtime.schema.Table.Builder> more,
            String dropColumn, String dropIndex) {
        return builder -> {
            Metadata base = builder.build();
            Metadata.Builder out = Metadata.builder();
            for (var table : base.tables()) {
                if (!table.name().equals(name)) {
                    out.table(table);
                    continue;
                }
                var copy = dev.retort.runtime.schema.Table.builder(name);
                table.columns().stream().filter(c -> !c.name().equals(dropColumn)).forEach(copy::column);
                table.indexes().stream().filter(i -> !i.name().equals(dropIndex)).forEach(copy::index);
                table.uniqueConstraints().forEach(copy::unique);
                table.foreignKeys().forEach(copy::foreignKey);
                table.checkConstraints().forEach(copy::check);
                table.comment().ifPresent(copy::comment);
                more.accept(copy);
                out.table(copy.build());
            }
            return out;
        };
    }

    private static UnaryOperator<Metadata.Builder> replace(String tableName, String columnName, Column column) {
        return builder -> {
            Metadata base = builder.build();
            Metadata.Builder out = Metadata.builder();
            for (var table : base.tables()) {
                if (!table.name().equals(tableName)) {
                    out.table(table);
                    continue;
                }
                var copy = dev.retort.runtime.schema.Table.builder(tableName);
                table.columns().forEach(c -> copy.column(c.name().equals(columnName) ? column : c));
                table.indexes().forEach(copy::index);
                table.uniqueConstraints().forEach(copy::unique);
                table.foreignKeys().forEach(copy::foreignKey);
                table.checkConstraints().forEach(copy::check);
                table.comment().ifPresent(copy::comment);
                out.table(copy.build());
            }
            return out;
        };
    }

    private static UnaryOperator<Metadata.Builder> withoutForeignKeys() {
        return builder -> {
            Metadata base = builder.build();
            Metadata.Builder out = Metadata.builder();
            for (var table : base.tables()) {
                var copy = dev.retort.runtime.schema.Table.builder(table.name());
                table.columns().forEach(copy::column);
                table.indexes().forEach(copy::index);
                table.uniqueConstraints().forEach(copy::unique);
                table.checkConstraints().forEach(copy::check);
                table.comment().ifPresent(copy::comment);
                out.table(copy.build());
            }
            return out;
        };
    }

    private static UnaryOperator<Metadata.Builder> comment(String tableName, String comment) {
        return builder -> {
            Metadata base = builder.build();
            Metadata.Builder out = Metadata.builder();
            for (var table : base.tables()) {
                var copy = dev.retort.runtime.schema.Table.builder(table.name());
                table.columns().forEach(copy::column);
                table.indexes().forEach(copy::index);
                table.uniqueConstraints().forEach(copy::unique);
                table.foreignKeys().forEach(copy::foreignKey);
                table.checkConstraints().forEach(copy::check);
                if (table.name().equals(tableName)) {
                    if (comment != null) {
                        copy.comment(comment);
                    }
                } else {
                    table.comment().ifPresent(copy::comment);
                }
                out.table(copy.build());
            }
            return out;
        };
    }
}
