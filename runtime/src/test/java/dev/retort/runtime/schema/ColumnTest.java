package dev.retort.runtime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnTest {

    @Test
    void aNewColumnIsNullableWithNothingElse() {
        Column column = Column.of("name", Type.varchar(50));
        assertThat(column.name()).isEqualTo("name");
        assertThat(column.type()).isEqualTo(Type.varchar(50));
        assertThat(column.isNullable()).isTrue();
        assertThat(column.isPrimaryKey()).isFalse();
        assertThat(column.isAutoIncrement()).isFalse();
        assertThat(column.isUnique()).isFalse();
        assertThat(column.serverDefault()).isEmpty();
    }

    @Test
    void eachCallReturnsANewColumnAndLeavesTheOldOne() {
        Column base = Column.of("name", Type.TEXT);
        Column strict = base.notNull().unique();
        assertThat(base.isNullable()).isTrue();
        assertThat(base.isUnique()).isFalse();
        assertThat(strict.isNullable()).isFalse();
        assertThat(strict.isUnique()).isTrue();
        assertThat(strict.nullable(true).isNullable()).isTrue();
    }

    @Test
    void primaryKeyImpliesNotNullAndCannotBeMadeNullable() {
        Column id = Column.of("id", Type.BIGINT).primaryKey().autoIncrement();
        assertThat(id.isPrimaryKey()).isTrue();
        assertThat(id.isNullable()).isFalse();
        assertThat(id.isAutoIncrement()).isTrue();
        assertThatThrownBy(() -> id.nullable(true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column id is part of the primary key and cannot be nullable");
    }

    @Test
    void onlyIntegerColumnsAutoIncrementAndNeverWithADefault() {
        assertThat(Column.of("n", Type.SMALLINT).autoIncrement().isAutoIncrement()).isTrue();
        assertThatThrownBy(() -> Column.of("code", Type.varchar(3)).autoIncrement())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column code is VARCHAR(3); only INTEGER, BIGINT and SMALLINT columns can auto-increment");
        assertThatThrownBy(() -> Column.of("n", Type.INTEGER).serverDefault(Expr.literal(1)).autoIncrement())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server default");
        assertThatThrownBy(() -> Column.of("n", Type.INTEGER).autoIncrement().serverDefault(Expr.literal(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto-increments");
    }

    @Test
    void aStringDefaultIsALiteral() {
        assertThat(Column.of("s", Type.TEXT).serverDefault("new").serverDefault()).contains(Expr.literal("new"));
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> Column.of(" ", Type.TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Column.of("x", null)).isInstanceOf(NullPointerException.class).hasMessage("type of column x");
    }

    @Test
    void columnsCompareByValueAndPrintPlainly() {
        Column a = Column.of("id", Type.BIGINT).primaryKey().autoIncrement();
        assertThat(a).isEqualTo(Column.of("id", Type.BIGINT).primaryKey().autoIncrement()).hasSameHashCodeAs(
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement());
        assertThat(a).isNotEqualTo(Column.of("id", Type.BIGINT).primaryKey());
        assertThat(a).hasToString("id BIGINT primary key auto-increment");
        assertThat(Column.of("s", Type.varchar(5)).notNull().unique().serverDefault("x"))
                .hasToString("s VARCHAR(5) not null unique default 'x'");
    }
}
