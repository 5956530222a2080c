package dev.retort.runtime.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each operation's reverse, where one follows from the value alone. */
class OperationReverseTest {

    @Test
    void createTableReversesToDropTableInTheSameSchema() {
        var create = new CreateTable(Optional.of("s"), "account", List.of(Column.of("id", Type.BIGINT).primaryKey()));
        assertThat(create.reverse()).contains(new DropTable(Optional.of("s"), "account"));
    }

    @Test
    void addColumnReversesToDropColumn() {
        assertThat(new AddColumn("account", Column.of("email", Type.TEXT)).reverse())
                .contains(new DropColumn("account", "email"));
    }

    @Test
    void renameTableReversesToTheRenameBack() {
        assertThat(new RenameTable(Optional.of("s"), "a", "b").reverse()).contains(new RenameTable(Optional.of("s"), "b", "a"));
    }

    @Test
    void createIndexReversesToDropIndexNamingItsTable() {
        assertThat(new CreateIndex("ix", "account", List.of("a"), true).reverse())
                .contains(new DropIndex(Optional.empty(), "ix", Optional.of("account")));
    }

    @Test
    void createForeignKeyReversesToDropConstraintOfForeignKeyType() {
        var fk = CreateForeignKey.builder("fk", "order", List.of("account_id"), "account", List.of("id"))
                .schema("s").onDelete(ReferentialAction.CASCADE).build();
        assertThat(fk.reverse())
                .contains(new DropConstraint(Optional.of("s"), "fk", "order", Optional.of(ConstraintType.FOREIGN_KEY)));
    }

    @Test
    void dropsAndExecuteHaveNoReverse() {
        assertThat(new DropTable("a").reverse()).isEmpty();
        assertThat(new DropColumn("a", "b").reverse()).isEmpty();
        assertThat(new DropIndex("ix", "a").reverse()).isEmpty();
        assertThat(new DropConstraint("fk", "a").reverse()).isEmpty();
        assertThat(new Execute("SELECT 1").reverse()).isEmpty();
    }

    @Test
    void aRenameAloneReversesToTheRenameBack() {
        var rename = AlterColumn.builder("account", "name").rename("full_name").build();
        assertThat(rename.reverse()).contains(AlterColumn.builder("account", "full_name").rename("name").build());
    }

    @Test
    void aChangeWithItsPreviousStateReversesEveryPart() {
        var change = AlterColumn.builder("account", "name").schema("s")
                .type(Type.TEXT).existingType(Type.varchar(50))
                .nullable(false).existingNullable(true)
                .serverDefault("x").existingNoServerDefault()
                .rename("full_name")
                .build();
        var expected = AlterColumn.builder("account", "full_name").schema("s")
                .type(Type.varchar(50)).existingType(Type.TEXT)
                .nullable(true).existingNullable(false)
                .dropServerDefault().existingServerDefault(Expr.literal("x"))
                .rename("name")
                .build();
        assertThat(change.reverse()).contains(expected);
        assertThat(expected.reverse()).contains(change);
    }

    @Test
    void aChangeWithoutItsPreviousStateHasNoReverse() {
        assertThat(AlterColumn.builder("a", "c").type(Type.TEXT).build().reverse()).isEmpty();
        assertThat(AlterColumn.builder("a", "c").nullable(false).build().reverse()).isEmpty();
        assertThat(AlterColumn.builder("a", "c").dropServerDefault().build().reverse()).isEmpty();
        assertThat(AlterColumn.builder("a", "c").type(Type.TEXT).existingType(Type.INTEGER).nullable(false).build().reverse())
                .isEmpty();
    }

    @Test
    void unchangedPartsStayOutOfTheReverse() {
        var change = AlterColumn.builder("a", "c").nullable(false).existingNullable(true).existingType(Type.TEXT).build();
        AlterColumn reverse = (AlterColumn) change.reverse().orElseThrow();
        assertThat(reverse.type()).isEmpty();
        assertThat(reverse.nullable()).contains(true);
        assertThat(reverse.newName()).isEmpty();
        assertThat(reverse.column()).isEqualTo("c");
    }
}
