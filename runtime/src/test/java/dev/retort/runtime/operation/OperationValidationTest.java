package dev.retort.runtime.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Operation values refuse what no database could run, naming the object. */
class OperationValidationTest {

    @Test
    void aTableNeedsColumnsWithDistinctNames() {
        assertThatThrownBy(() -> new CreateTable("account", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table account needs at least one column");
        assertThatThrownBy(() -> new CreateTable("account", List.of(Column.of("id", Type.INTEGER), Column.of("id", Type.TEXT))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table account defines column id twice");
    }

    @Test
    void namesMustNotBeBlank() {
        assertThatThrownBy(() -> new DropTable(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The table name must not be blank");
        assertThatThrownBy(() -> new DropColumn("a", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The column name must not be blank");
        assertThatThrownBy(() -> new RenameTable("a", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The new table name must not be blank");
        assertThatThrownBy(() -> new DropTable(Optional.of(""), "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The schema must not be blank");
    }

    @Test
    void anIndexNeedsDistinctColumns() {
        assertThatThrownBy(() -> new CreateIndex("ix", "a", List.of(), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The columns of index ix must name at least one column");
        assertThatThrownBy(() -> new CreateIndex("ix", "a", List.of("x", "x"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The columns of index ix name column x twice");
    }

    @Test
    void aForeignKeyNeedsAsManyReferentColumnsAsColumns() {
        assertThatThrownBy(() -> CreateForeignKey.builder("fk", "order", List.of("a", "b"), "account", List.of("id")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Foreign key fk has 2 column(s) [a, b] but references 1 [id]; give as many referent columns as source columns");
    }

    @Test
    void anAlterColumnMustChangeSomething() {
        assertThatThrownBy(() -> AlterColumn.builder("account", "name").existingType(Type.TEXT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alterColumn of account.name changes nothing");
    }

    @Test
    void valuesDoNotShareTheCallersLists() {
        var columns = new ArrayList<>(List.of(Column.of("id", Type.INTEGER)));
        var create = new CreateTable("a", columns);
        columns.add(Column.of("x", Type.INTEGER));
        assertThat(create.columns()).hasSize(1);
        assertThatThrownBy(() -> create.columns().add(Column.of("y", Type.TEXT))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void createTableListsItsPrimaryKeyInTableOrder() {
        var create = new CreateTable("m", List.of(Column.of("b", Type.INTEGER).primaryKey(), Column.of("x", Type.TEXT),
                Column.of("a", Type.INTEGER).primaryKey()));
        assertThat(create.primaryKey()).extracting(Column::name).containsExactly("b", "a");
    }
}
