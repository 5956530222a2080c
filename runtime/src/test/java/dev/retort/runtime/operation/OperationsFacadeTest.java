package dev.retort.runtime.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.Operations;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each {@link Operations} call builds the operation value it documents; offline, no database. */
class OperationsFacadeTest {

    /** H2's SQL, remembering every operation it is asked to render. */
    static final class RecordingDialect extends H2Dialect {
        final List<Operation> operations = new ArrayList<>();

        @Override
        public List<String> render(Operation operation) {
            operations.add(operation);
            return super.render(operation);
        }
    }

    private final RecordingDialect dialect = new RecordingDialect();
    private final List<String> script = new ArrayList<>();
    private final Operations op = new DefaultOperations(dialect, script::add, null);

    @Test
    void everyCallBecomesOneValue() {
        Column id = Column.of("id", Type.BIGINT).primaryKey().autoIncrement();
        op.createTable("account", id, Column.of("name", Type.varchar(50)).notNull());
        op.createTable("tag", List.of(Column.of("id", Type.INTEGER)));
        op.dropTable("tag");
        op.renameTable("account", "customer");
        op.addColumn("customer", Column.of("email", Type.TEXT));
        op.dropColumn("customer", "email");
        op.alterColumn("customer", "name", c -> c.type(Type.varchar(100)).nullable(false));
        op.createIndex("ix_name", "customer", "name", "id");
        op.createUniqueIndex("ux_name", "customer", "name");
        op.dropIndex("ix_name");
        op.dropIndex("ux_name", "customer");
        op.createForeignKey("fk_a", "order", "customer", List.of("customer_id"), List.of("id"));
        op.createForeignKey("fk_b", "order", "customer", List.of("customer_id"), List.of("id"),
                fk -> fk.onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.RESTRICT));
        op.dropConstraint("fk_a", "order");
        op.dropConstraint("fk_b", "order", ConstraintType.FOREIGN_KEY);
        op.execute("UPDATE customer SET name = 'x'");

        Optional<String> none = Optional.empty();
        assertThat(dialect.operations).containsExactly(
                new CreateTable("account", List.of(id, Column.of("name", Type.varchar(50)).notNull())),
                new CreateTable("tag", List.of(Column.of("id", Type.INTEGER))),
                new DropTable("tag"),
                new RenameTable("account", "customer"),
                new AddColumn("customer", Column.of("email", Type.TEXT)),
                new DropColumn("customer", "email"),
                AlterColumn.builder("customer", "name").type(Type.varchar(100)).nullable(false).build(),
                new CreateIndex("ix_name", "customer", List.of("name", "id"), false),
                new CreateIndex("ux_name", "customer", List.of("name"), true),
                new DropIndex(none, "ix_name", none),
                new DropIndex("ux_name", "customer"),
                new CreateForeignKey(none, "fk_a", "order", List.of("customer_id"), none, "customer", List.of("id"),
                        Optional.empty(), Optional.empty()),
                new CreateForeignKey(none, "fk_b", "order", List.of("customer_id"), none, "customer", List.of("id"),
                        Optional.of(ReferentialAction.CASCADE), Optional.of(ReferentialAction.RESTRICT)),
                new DropConstraint("fk_a", "order"),
                new DropConstraint(none, "fk_b", "order", Optional.of(ConstraintType.FOREIGN_KEY)),
                new Execute("UPDATE customer SET name = 'x'"));
        // Offline the statements go to the sink, one per change.
        assertThat(script).hasSize(17).first().asString().startsWith("CREATE TABLE account");
    }

    @Test
    void inSchemaPutsTheSchemaOnEveryValueAndBothEndsOfAForeignKey() {
        Operations billing = op.inSchema("billing");
        billing.createTable("invoice", Column.of("id", Type.INTEGER).primaryKey());
        billing.alterColumn("invoice", "id", c -> c.serverDefault(Expr.literal(1)));
        billing.createForeignKey("fk", "line", "invoice", List.of("invoice_id"), List.of("id"));
        billing.createForeignKey("fk2", "line", "account", List.of("account_id"), List.of("id"),
                fk -> fk.referentSchema("public"));
        billing.dropIndex("ix");

        Optional<String> s = Optional.of("billing");
        assertThat(dialect.operations).containsExactly(
                new CreateTable(s, "invoice", List.of(Column.of("id", Type.INTEGER).primaryKey())),
                AlterColumn.builder("invoice", "id").schema("billing").serverDefault(Expr.literal(1)).build(),
                new CreateForeignKey(s, "fk", "line", List.of("invoice_id"), s, "invoice", List.of("id"),
                        Optional.empty(), Optional.empty()),
                new CreateForeignKey(s, "fk2", "line", List.of("account_id"), Optional.of("public"), "account",
                        List.of("id"), Optional.empty(), Optional.empty()),
                new DropIndex(s, "ix", Optional.empty()));
        assertThat(script).last().asString().isEqualTo("DROP INDEX billing.ix");
    }

    @Test
    void aBadCallFailsBeforeTheSinkSeesAnything() {
        assertThatThrownBy(() -> op.alterColumn("account", "name", c -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> op.createIndex("ix", "account")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> op.inSchema(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(script).isEmpty();
    }

    @Test
    void offlineThereIsNoConnection() {
        assertThatThrownBy(op::connection).isInstanceOf(IllegalStateException.class).hasMessageContaining("--sql");
    }
}
