package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateEnumType;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropEnumType;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.ExecuteWithParameters;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A comparison over several schemas puts each operation it finds in its schema: every
 * operation that names a schema takes it, every other part kept.
 */
class SchemaSplitTest {

    private static final Optional<String> BILLING = Optional.of("billing");
    private static final Column ID = Column.of("id", Type.BIGINT).primaryKey();

    /** One operation of each kind, in the connection's current schema. */
    private static List<Operation> everyKind() {
        Optional<String> none = Optional.empty();
        CreateForeignKey key = new CreateForeignKey(none, "fk_invoice_account", "invoice", List.of("account_id"),
                none, "account", List.of("id"), Optional.empty(), Optional.empty(), false, false);
        return List.of(
                new CreateTable(none, "invoice", List.of(ID), List.of(), Optional.of("Invoices")),
                new DropTable(none, "invoice"),
                new RenameTable(none, "invoice", "bill"),
                new AddColumn(none, "invoice", Column.of("total", Type.numeric(12, 2))),
                new DropColumn(none, "invoice", "total"),
                new AlterColumn(none, "invoice", "total", Optional.of(Type.numeric(14, 2)), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of(Type.numeric(12, 2)), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                new CreateIndex(none, "ix_invoice_total", "invoice", List.of("total"), false),
                new DropIndex(none, "ix_invoice_total", Optional.of("invoice")),
                key,
                new DropConstraint(none, "fk_invoice_account", "invoice", Optional.empty()),
                new CreatePrimaryKey(none, "pk_invoice", "invoice", List.of("id")),
                new CreateUniqueConstraint(none, "uq_invoice_number", "invoice", List.of("number")),
                new CreateCheckConstraint(none, "ck_invoice_total", "invoice", "total >= 0"),
                new CreateIndexWithOptions(none, "ix_invoice_open", "invoice",
                        List.of(CreateIndexWithOptions.Element.column("number")), true, Optional.of("paid IS NULL"),
                        false, false),
                new DropIndexWithOptions(none, "ix_invoice_open", Optional.of("invoice"), false, true),
                new CreateExcludeConstraint(none, "ex_invoice_period", "invoice",
                        List.of(new CreateExcludeConstraint.Element("period", "&&")), Optional.of("gist"),
                        Optional.empty()),
                new CreateTableComment(none, "invoice", "Invoices", Optional.empty()),
                new DropTableComment(none, "invoice", Optional.of("Invoices")),
                new CreateSequence(none, "invoice_seq", 1000, 50),
                new DropSequence(none, "invoice_seq"),
                new Execute("UPDATE invoice SET total = 0"),
                new ExecuteWithParameters("UPDATE invoice SET total = ?", List.of(0L)),
                BulkInsert.into("invoice").column("id", Type.BIGINT).row(1L).build(),
                new BatchAlterTable(none, "invoice", List.of(new DropColumn(none, "invoice", "total")),
                        BatchAlterTable.Recreate.AUTO, Optional.empty()),
                new RecreateTable(none, "invoice", TableDefinition.of(ID), List.of(), List.of(key)),
                new CreateEnumType(none, "state", List.of("open", "paid")),
                new DropEnumType(none, "state"),
                new AddEnumValue(none, "state", "void", Optional.empty(), Optional.of("paid")));
    }

    @Test
    void everyOperationThatNamesASchemaTakesItAndKeepsItsOtherParts() {
        List<Operation> operations = everyKind();
        assertThat(operations.stream().map(Object::getClass).distinct()).as("one of each kind")
                .containsExactlyInAnyOrderElementsOf(leaves(Operation.class));

        for (Operation operation : operations) {
            Operation placed = SchemaSplit.placed(operation, "billing");

            assertThat(placed.getClass()).isEqualTo(operation.getClass());
            for (RecordComponent component : operation.getClass().getRecordComponents()) {
                Object before = value(component, operation);
                Object after = value(component, placed);
                switch (component.getName()) {
                    case "schema", "referentSchema" -> assertThat(after).as(describe(operation, component))
                            .isEqualTo(BILLING);
                    case "constraints" -> { } // below
                    default -> assertThat(after).as(describe(operation, component)).isEqualTo(before);
                }
            }
        }
        assertThat(SchemaSplit.placed(new Execute("DROP TABLE x"), "billing")).isEqualTo(new Execute("DROP TABLE x"));
    }

    @Test
    void aSchemaOrReferentSchemaAlreadyNamedIsKept() {
        Optional<String> sales = Optional.of("sales");
        Optional<String> common = Optional.of("common");
        CreateForeignKey key = new CreateForeignKey(sales, "fk_order_account", "orders", List.of("account_id"),
                common, "account", List.of("id"), Optional.empty(), Optional.empty(), false, false);

        assertThat(SchemaSplit.placed(key, "billing")).isEqualTo(key);
        assertThat(SchemaSplit.placed(new DropTable(sales, "orders"), "billing")).isEqualTo(new DropTable(sales, "orders"));
    }

    @Test
    void aNewTablesKeysWithoutAReferentSchemaReferenceItsOwnSchema() {
        TableConstraint.ForeignKey local = new TableConstraint.ForeignKey(Optional.of("fk_local"), List.of("a"),
                Optional.empty(), "account", List.of("id"), Optional.empty(), Optional.empty(), false, false);
        TableConstraint.ForeignKey elsewhere = new TableConstraint.ForeignKey(Optional.of("fk_elsewhere"),
                List.of("b"), Optional.of("common"), "country", List.of("code"), Optional.empty(), Optional.empty(),
                false, false);
        TableConstraint.Check check = new TableConstraint.Check(Optional.of("ck"), "a > 0");
        CreateTable create = new CreateTable(Optional.empty(), "invoice",
                List.of(ID, Column.of("a", Type.BIGINT), Column.of("b", Type.varchar(2))),
                List.of(local, elsewhere, check), Optional.empty());

        CreateTable placed = (CreateTable) SchemaSplit.placed(create, "billing");

        assertThat(placed.schema()).isEqualTo(BILLING);
        assertThat(placed.constraints()).containsExactly(local.referentSchema("billing"), elsewhere, check);
    }

    private static Object value(RecordComponent component, Operation operation) {
        try {
            return component.getAccessor().invoke(operation);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(Operation operation, RecordComponent component) {
        return operation.getClass().getSimpleName() + "." + component.getName();
    }

    private static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                out.addAll(leaves(permitted));
            } else {
                out.add(permitted);
            }
        }
        return out;
    }
}
