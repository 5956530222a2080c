package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static Metadata one(String table, Column... columns) {
        return Metadata.builder().table(table, t -> List.of(columns).forEach(t::column)).build();
    }

    @Test
    void theVersionAndLockTablesAreNeverCompared() {
        Metadata database = Metadata.builder()
                .table("retort_version", t -> t.column(Column.of("version_num", Type.varchar(32)).notNull()))
                .table("retort_version_lock", t -> t.column(Column.of("id", Type.INTEGER)))
                .build();
        assertThat(Comparison.compare(Metadata.empty(), database, CompareOptions.defaults()).isEmpty()).isTrue();
        Metadata custom = one("alembic_version", Column.of("version_num", Type.varchar(32)));
        assertThat(Comparison.compare(Metadata.empty(), custom, CompareOptions.defaults().versionTable("alembic_version"))
                .isEmpty()).isTrue();
        assertThat(Comparison.compare(Metadata.empty(), custom, CompareOptions.defaults()).operations())
                .containsExactly(new DropTable("alembic_version"));
    }

    @Test
    void aRenameIsADropAndAnAddWithNotesOnBoth() {
        Comparison tables = Comparison.compare(one("customer", Column.of("id", Type.BIGINT)),
                one("account", Column.of("id", Type.BIGINT)), CompareOptions.defaults());
        assertThat(tables.operations()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("CreateTable", "DropTable");
        assertThat(tables.changes()).allSatisfy(c -> assertThat(c.notes()).singleElement().asString()
                .contains("op.renameTable(\"account\", \"customer\")"));

        Comparison columns = Comparison.compare(one("account", Column.of("full_name", Type.TEXT)),
                one("account", Column.of("name", Type.TEXT)), CompareOptions.defaults());
        assertThat(columns.operations()).containsExactly(new AddColumn("account", Column.of("full_name", Type.TEXT)),
                new DropColumn("account", "name"));
        assertThat(columns.changes()).allSatisfy(c -> assertThat(c.notes()).singleElement().asString()
                .contains("op.renameColumn(\"account\", \"name\", \"full_name\")"));
    }

    @Test
    void changesThatNeedJudgementCarryNotesAndRoutineOnesDoNot() {
        Metadata database = one("account", Column.of("id", Type.BIGINT), Column.of("name", Type.varchar(100)),
                Column.of("code", Type.varchar(10)));
        Metadata model = one("account", Column.of("id", Type.BIGINT), Column.of("name", Type.varchar(50)),
                Column.of("code", Type.varchar(20)).notNull(), Column.of("tenant", Type.BIGINT).notNull());
        Comparison comparison = Comparison.compare(model, database, CompareOptions.defaults());
        assertThat(comparison.changes()).hasSize(3);
        Change narrowing = comparison.changes().stream()
                .filter(c -> c.operation() instanceof AlterColumn a && a.column().equals("name")).findFirst().orElseThrow();
        assertThat(narrowing.notes()).singleElement().asString().contains("narrows");
        Change notNull = comparison.changes().stream()
                .filter(c -> c.operation() instanceof AlterColumn a && a.column().equals("code")).findFirst().orElseThrow();
        assertThat(notNull.notes()).singleElement().asString().contains("NOT NULL");
        Change added = comparison.changes().stream().filter(c -> c.operation() instanceof AddColumn).findFirst()
                .orElseThrow();
        assertThat(added.notes()).singleElement().asString().contains("without a server default");

        Comparison widening = Comparison.compare(one("account", Column.of("name", Type.varchar(200))),
                one("account", Column.of("name", Type.varchar(100))), CompareOptions.defaults());
        assertThat(widening.changes()).singleElement().satisfies(c -> assertThat(c.needsReview()).isFalse());
    }

    /** The note a change of the column {@code v} from {@code database} to {@code model} carries; empty when none. */
    private static Optional<String> typeNote(Type database, Type model) {
        Comparison comparison = Comparison.compare(one("t", Column.of("v", model)), one("t", Column.of("v", database)),
                CompareOptions.defaults());
        assertThat(comparison.operations()).singleElement().isInstanceOf(AlterColumn.class);
        return comparison.changes().get(0).notes().stream().findFirst();
    }

    @Test
    void aRealIsNarrowerThanADoubleAndCharacterLengthsAndKindsAreChanges() {
        assertThat(typeNote(Type.REAL, Type.DOUBLE)).isEmpty();
        assertThat(typeNote(Type.DOUBLE, Type.REAL)).get().asString().contains("narrows");
        assertThat(typeNote(Type.numeric(12, 2), Type.REAL)).get().asString().contains("narrows");
        assertThat(typeNote(Type.REAL, Type.numeric(12, 2))).get().asString().contains("narrows");
        assertThat(typeNote(Type.character(2), Type.character(3))).isEmpty();
        assertThat(typeNote(Type.character(3), Type.character(2))).get().asString().contains("narrows");
        assertThat(typeNote(Type.varchar(10), Type.character(3))).get().asString().contains("narrows");
        assertThat(typeNote(Type.TEXT, Type.character(3))).get().asString().contains("narrows");
        assertThat(typeNote(Type.character(3), Type.varchar(2))).get().asString().contains("narrows");
        // Same length, other kind: padding appears or goes, so it is a change to check, not a narrowing.
        assertThat(typeNote(Type.varchar(3), Type.character(3))).get().asString()
                .doesNotContain("narrows").contains("convert every value");
        assertThat(typeNote(Type.character(3), Type.varchar(3))).get().asString()
                .doesNotContain("narrows").contains("convert every value");
    }

    @Test
    void typesAreComparedByDefaultAndServerDefaultsOnlyWhenAsked() {
        Metadata database = one("account", Column.of("n", Type.INTEGER).serverDefault("a"));
        Metadata model = one("account", Column.of("n", Type.BIGINT).serverDefault("b"));
        assertThat(Comparison.compare(model, database, CompareOptions.defaults()).operations())
                .containsExactly(AlterColumn.builder("account", "n").type(Type.BIGINT).existingType(Type.INTEGER)
                        .existingNullable(true).existingServerDefault(Expr.literal("a")).build());
        assertThat(Comparison.compare(model, database, CompareOptions.defaults().compareTypes(false)).isEmpty()).isTrue();
        assertThat(Comparison.compare(model, database, CompareOptions.defaults().compareTypes(false)
                .compareServerDefaults(true)).operations())
                .containsExactly(AlterColumn.builder("account", "n").serverDefault("b").existingServerDefault(
                        dev.retort.runtime.schema.Expr.literal("a")).existingType(Type.INTEGER).existingNullable(true)
                        .build());
    }

    @Test
    void equivalentDefaultsAreNotDifferences() {
        Metadata database = one("t", Column.of("a", Type.numeric(5, 2)).serverDefault(dev.retort.runtime.schema.Expr.raw("0.00")),
                Column.of("b", Type.TIMESTAMP).serverDefault(dev.retort.runtime.schema.Expr.raw("now()")));
        Metadata model = one("t", Column.of("a", Type.numeric(5, 2)).serverDefault(dev.retort.runtime.schema.Expr.literal(0)),
                Column.of("b", Type.TIMESTAMP).serverDefault(dev.retort.runtime.schema.Expr.currentTimestamp()));
        assertThat(Comparison.compare(model, database, CompareOptions.defaults().compareServerDefaults(true)).isEmpty())
                .isTrue();
    }

    @Test
    void nameFiltersAndIncludeObjectLeaveObjectsOut() {
        Metadata database = Metadata.builder()
                .table("audit_log", t -> t.column(Column.of("id", Type.BIGINT)))
                .table("account", t -> t.column(Column.of("id", Type.BIGINT)).column(Column.of("legacy", Type.TEXT)))
                .build();
        Metadata model = one("account", Column.of("id", Type.BIGINT));
        assertThat(Comparison.compare(model, database, CompareOptions.defaults()).operations())
                .containsExactly(new DropColumn("account", "legacy"), new DropTable("audit_log"));
        assertThat(Comparison.compare(model, database, CompareOptions.defaults().excludeTables("audit_*")).operations())
                .containsExactly(new DropColumn("account", "legacy"));
        assertThat(Comparison.compare(model, database, CompareOptions.defaults().includeTables("audit_log")).operations())
                .containsExactly(new DropTable("audit_log"));
        assertThat(Comparison.compare(model, database, CompareOptions.defaults().includeObject(
                o -> !(o.kind() == SchemaObject.Kind.COLUMN && o.name().orElseThrow().equals("legacy")))).operations())
                .containsExactly(new DropTable("audit_log"));
    }

    @Test
    void newTablesAreCreatedReferencedFirstAndDroppedReferencingFirst() {
        Metadata model = Metadata.builder()
                .table("orders", t -> t.column(Column.of("id", Type.BIGINT).primaryKey())
                        .column(Column.of("account_id", Type.BIGINT)).foreignKey("account_id", "account", "id"))
                .table("account", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .build();
        Comparison create = Comparison.compare(model, Metadata.empty(), CompareOptions.defaults());
        assertThat(create.operations()).extracting(o -> ((CreateTable) o).table()).containsExactly("account", "orders");
        Comparison drop = Comparison.compare(Metadata.empty(), model, CompareOptions.defaults());
        assertThat(drop.operations()).containsExactly(new DropTable("orders"), new DropTable("account"));
        assertThat(drop.downgradeOperations()).extracting(o -> ((CreateTable) o).table())
                .containsExactly("account", "orders");
    }

    @Test
    void whereTheDialectCannotAlterInPlaceEachTablesChangesBecomeOneBatchWithABatchToUndoThem() {
        Metadata database = Metadata.builder()
                .table("account", t -> t.column(Column.of("id", Type.BIGINT).primaryKey())
                        .column(Column.of("name", Type.varchar(50))).column(Column.of("legacy", Type.TEXT)))
                .table("tag", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .build();
        Metadata model = Metadata.builder()
                .table("account", t -> t.column(Column.of("id", Type.BIGINT).primaryKey())
                        .column(Column.of("name", Type.varchar(100)).notNull())
                        .column(Column.of("phone", Type.TEXT))
                        .unique("name"))
                // Only an in-place change to tag: no batch for it.
                .table("tag", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()).column(Column.of("label", Type.TEXT)))
                .build();
        CompareOptions sqlite = CompareOptions.defaults().forDialect(new dev.retort.runtime.dialect.SqliteDialect());
        Comparison comparison = Comparison.compare(model, database, sqlite);
        assertThat(comparison.operations()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("AddColumn", "BatchAlterTable");
        var batch = (dev.retort.runtime.operation.BatchAlterTable) comparison.operations().get(1);
        assertThat(batch.table()).isEqualTo("account");
        // The table's every change, in the order they would have run: the alter, the add, the drop, the unique.
        assertThat(batch.operations()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("AlterColumn", "AddColumn", "DropColumn", "CreateUniqueConstraint");
        // The batch carries its members' notes.
        assertThat(comparison.changes().get(1).notes()).hasSize(3).first().asString().contains("NOT NULL");
        assertThat(comparison.changes().get(1).notes()).filteredOn(n -> n.contains("renameColumn")).hasSize(2);
        var undo = (dev.retort.runtime.operation.BatchAlterTable) comparison.downgradeOperations().get(0);
        assertThat(undo.operations()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("DropConstraint", "AddColumn", "DropColumn", "AlterColumn");
        assertThat(undo.operations().get(1)).isEqualTo(new AddColumn("account", Column.of("legacy", Type.TEXT)));

        // A dialect that alters in place gets the plain operations.
        assertThat(Comparison.compare(model, database, CompareOptions.defaults()
                        .forDialect(new dev.retort.runtime.dialect.H2Dialect())).operations())
                .isEqualTo(Comparison.compare(model, database, CompareOptions.defaults()).operations());
    }

    @Test
    void sequencesAreCreatedBeforeNewTablesAndDroppedAfterDroppedTablesByNameOnly() {
        Metadata database = Metadata.builder()
                .table("legacy", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .sequence(Sequence.of("legacy_seq").startWith(7).incrementBy(50))
                .sequence(Sequence.of("kept_seq"))
                .build();
        Metadata model = Metadata.builder()
                .table("account", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .sequence(Sequence.of("account_seq").incrementBy(50))
                // A different start and increment are not altered: that would restart a sequence in use.
                .sequence(Sequence.of("kept_seq").startWith(100).incrementBy(10))
                .build();
        Comparison comparison = Comparison.compare(model, database, CompareOptions.defaults());
        assertThat(comparison.operations()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("CreateSequence", "CreateTable", "DropTable", "DropSequence");
        assertThat(comparison.operations().get(0)).isEqualTo(
                new CreateSequence(Optional.empty(), "account_seq", 1, 50));
        assertThat(comparison.operations().get(3)).isEqualTo(new DropSequence("legacy_seq"));
        // Routine: no note (the table pair carries the usual rename note).
        assertThat(List.of(comparison.changes().get(0), comparison.changes().get(3))).noneMatch(Change::needsReview);
        // The downgrade recreates the dropped sequence as the database had it, then drops the new one.
        assertThat(comparison.downgradeOperations()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("CreateSequence", "CreateTable", "DropTable", "DropSequence");
        assertThat(comparison.downgradeOperations().get(0)).isEqualTo(
                new CreateSequence(Optional.empty(), "legacy_seq", 7, 50));
        assertThat(comparison.downgradeOperations().get(3)).isEqualTo(new DropSequence("account_seq"));
    }

    @Test
    void includeObjectSeesSequencesAndSqliteLeavesTheModelsOut() {
        Metadata model = Metadata.builder().sequence(Sequence.of("account_seq").incrementBy(50)).build();
        Metadata database = Metadata.builder().sequence(Sequence.of("other_seq")).build();
        List<SchemaObject> seen = new java.util.ArrayList<>();
        Comparison filtered = Comparison.compare(model, database, CompareOptions.defaults().includeObject(o -> {
            seen.add(o);
            return !o.name().orElseThrow().equals("other_seq");
        }));
        assertThat(seen).containsExactly(
                new SchemaObject(SchemaObject.Kind.SEQUENCE, "account_seq", Optional.of("account_seq"), true, false),
                new SchemaObject(SchemaObject.Kind.SEQUENCE, "other_seq", Optional.of("other_seq"), false, true));
        assertThat(filtered.operations()).containsExactly(new CreateSequence(Optional.empty(), "account_seq", 1, 50));
        // SQLite has no sequences (Hibernate numbers rows without them there): the model's are left out.
        CompareOptions sqlite = CompareOptions.defaults().forDialect(new dev.retort.runtime.dialect.SqliteDialect());
        assertThat(Comparison.compare(model, Metadata.empty(), sqlite).isEmpty()).isTrue();
        assertThat(Comparison.compare(model, Metadata.empty(), CompareOptions.defaults()
                .forDialect(new dev.retort.runtime.dialect.H2Dialect())).operations())
                .containsExactly(new CreateSequence(Optional.empty(), "account_seq", 1, 50));
    }
}
