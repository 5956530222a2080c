package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL of table constraints, constraint operations and comments on H2 and PostgreSQL, without a database. */
class ConstraintsAndCommentsRenderTest {

    private final H2Dialect h2 = new H2Dialect();
    private final PostgresDialect postgres = new PostgresDialect();

    private static CreateTable orderTable(TableConstraint.ForeignKey fk) {
        return new CreateTable(Optional.empty(), "order", List.of(
                Column.of("id", Type.INTEGER).notNull(),
                Column.of("line", Type.INTEGER).notNull().comment("Line number, from 1"),
                Column.of("account_id", Type.INTEGER),
                Column.of("total", Type.INTEGER)),
                List.of(TableConstraint.primaryKey("id", "line").named("pk_order"),
                        TableConstraint.unique("account_id", "line"),
                        TableConstraint.check("total >= 0").named("ck_order_total"),
                        fk),
                Optional.of("It's an order"));
    }

    @Test
    void createTableWithConstraintsAndComments() {
        var fk = TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id")).onDelete(ReferentialAction.CASCADE);
        String create = "CREATE TABLE \"order\" (\n    id INTEGER NOT NULL,\n    line INTEGER NOT NULL,\n"
                + "    account_id INTEGER,\n    total INTEGER,\n    CONSTRAINT pk_order PRIMARY KEY (id, line),\n"
                + "    UNIQUE (account_id, line),\n    CONSTRAINT ck_order_total CHECK (total >= 0),\n"
                + "    FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE";
        List<String> comments = List.of("COMMENT ON TABLE \"order\" IS 'It''s an order'",
                "COMMENT ON COLUMN \"order\".line IS 'Line number, from 1'");
        for (Dialect dialect : List.of(h2, postgres)) {
            assertThat(dialect.render(orderTable(fk)))
                    .containsExactly(create + "\n)", comments.get(0), comments.get(1));
        }
        var deferred = fk.deferrable(true).named("fk_order_account");
        assertThat(postgres.render(orderTable(deferred)).get(0)).contains(
                "CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE"
                        + " DEFERRABLE INITIALLY DEFERRED\n)");
        assertThatThrownBy(() -> h2.render(orderTable(deferred)))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("The h2 dialect cannot run op.createTable(")
                .hasMessageContaining("DEFERRABLE");
    }

    @Test
    void aNamedPrimaryKeyConstraintReplacesTheMarkedColumns() {
        var table = new CreateTable(Optional.of("app"), "account", List.of(Column.of("id", Type.INTEGER).primaryKey()),
                List.of(TableConstraint.primaryKey("id").named("pk_account")), Optional.empty());
        assertThat(h2.render(table)).containsExactly(
                "CREATE TABLE app.account (\n    id INTEGER NOT NULL,\n    CONSTRAINT pk_account PRIMARY KEY (id)\n)");
    }

    @Test
    void addConstraintOperations() {
        for (Dialect dialect : List.of(h2, postgres)) {
            assertThat(dialect.render(new CreatePrimaryKey(Optional.empty(), "pk_user", "user", List.of("id"))))
                    .containsExactly("ALTER TABLE \"user\" ADD CONSTRAINT pk_user PRIMARY KEY (id)");
            assertThat(dialect.render(new CreateUniqueConstraint(Optional.of("s"), "Uq", "account", List.of("a", "b"))))
                    .containsExactly("ALTER TABLE s.account ADD CONSTRAINT \"Uq\" UNIQUE (a, b)");
            assertThat(dialect.render(new CreateCheckConstraint(Optional.empty(), "ck", "account", "a > 0 AND b <> 'x'")))
                    .containsExactly("ALTER TABLE account ADD CONSTRAINT ck CHECK (a > 0 AND b <> 'x')");
        }
        var fk = CreateForeignKey.builder("fk", "order", List.of("account_id"), "account", List.of("id"))
                .onUpdate(ReferentialAction.CASCADE).deferrable(true).build();
        assertThat(postgres.render(fk)).containsExactly("ALTER TABLE \"order\" ADD CONSTRAINT fk FOREIGN KEY (account_id)"
                + " REFERENCES account (id) ON UPDATE CASCADE DEFERRABLE");
        var deferred = CreateForeignKey.builder("fk", "order", List.of("account_id"), "account", List.of("id"))
                .initiallyDeferred(true).build();
        assertThat(deferred.deferrable()).isTrue();
        assertThat(postgres.render(deferred).get(0)).endsWith("REFERENCES account (id) DEFERRABLE INITIALLY DEFERRED");
        assertThatThrownBy(() -> h2.render(fk)).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("The h2 dialect cannot run op.createForeignKey(")
                .hasMessageContaining("Instead, drop deferrable/initiallyDeferred");
    }

    @Test
    void excludeConstraintOnPostgresOnly() {
        var exclude = new CreateExcludeConstraint(Optional.empty(), "ex_booking", "booking",
                List.of(new CreateExcludeConstraint.Element("room", "="), new CreateExcludeConstraint.Element("during", "&&")),
                Optional.of("gist"), Optional.of("NOT cancelled"));
        assertThat(postgres.render(exclude)).containsExactly("ALTER TABLE booking ADD CONSTRAINT ex_booking"
                + " EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled)");
        assertThatThrownBy(() -> h2.render(exclude)).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageStartingWith("The h2 dialect cannot run op.createExcludeConstraint(")
                .hasMessageContaining("PostgreSQL only");
        assertThat(exclude.reverse()).isPresent();
    }

    @Test
    void tableAndColumnComments() {
        for (Dialect dialect : List.of(h2, postgres)) {
            assertThat(dialect.render(new CreateTableComment(Optional.empty(), "account", "Customers", Optional.empty())))
                    .containsExactly("COMMENT ON TABLE account IS 'Customers'");
            assertThat(dialect.render(new DropTableComment(Optional.of("s"), "Account", Optional.empty())))
                    .containsExactly("COMMENT ON TABLE s.\"Account\" IS NULL");
            assertThat(dialect.render(AlterColumn.builder("account", "name").comment("Legal name").rename("full_name").build()))
                    .last().asString().contains("full_name");
            assertThat(dialect.render(AlterColumn.builder("account", "name").comment("Legal name").build()))
                    .containsExactly("COMMENT ON COLUMN account.name IS 'Legal name'");
            assertThat(dialect.render(AlterColumn.builder("account", "name").dropComment().build()))
                    .containsExactly("COMMENT ON COLUMN account.name IS NULL");
        }
    }

    @Test
    void typeChangeWithUsingOnPostgresOnly() {
        AlterColumn change = AlterColumn.builder("account", "code").type(Type.INTEGER, "code::integer").build();
        assertThat(postgres.render(change)).containsExactly("ALTER TABLE account ALTER COLUMN code TYPE INTEGER USING code::integer");
        assertThatThrownBy(() -> h2.render(change)).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("USING");
        assertThat(change.reverse()).isEmpty();
    }
}
