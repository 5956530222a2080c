package dev.retort.runtime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeAndExprTest {

    @Test
    void parameterisedTypesKeepTheirParameters() {
        assertThat(Type.varchar(50).kind()).isEqualTo(Type.Kind.VARCHAR);
        assertThat(Type.varchar(50).length()).hasValue(50);
        assertThat(Type.numeric(12, 2).precision()).hasValue(12);
        assertThat(Type.numeric(12, 2).scale()).hasValue(2);
        assertThat(Type.character(3).kind()).isEqualTo(Type.Kind.CHAR);
        assertThat(Type.character(3).length()).hasValue(3);
        assertThat(Type.REAL.length()).isEmpty();
        assertThat(Type.varbinary(16).kind()).isEqualTo(Type.Kind.BINARY);
        assertThat(Type.varbinary(16).length()).hasValue(16);
        assertThat(Type.BINARY.length()).isEmpty();
        assertThat(Type.INTEGER.precision()).isEmpty();
        assertThat(Type.raw(" INTERVAL ").rawSql()).isEqualTo("INTERVAL");
        assertThat(Type.TEXT.rawSql()).isNull();
    }

    @Test
    void typesCompareByValue() {
        assertThat(Type.varchar(5)).isEqualTo(Type.varchar(5)).hasSameHashCodeAs(Type.varchar(5)).isNotEqualTo(Type.varchar(6));
        assertThat(Type.numeric(5, 1)).isNotEqualTo(Type.numeric(5, 2));
        assertThat(Type.BINARY).isNotEqualTo(Type.varbinary(5));
        assertThat(Type.character(3)).isEqualTo(Type.character(3)).isNotEqualTo(Type.varchar(3))
                .isNotEqualTo(Type.character(2));
        assertThat(Type.REAL).isNotEqualTo(Type.DOUBLE);
        assertThat(Type.raw("X")).isEqualTo(Type.raw("X")).isNotEqualTo(Type.raw("Y"));
    }

    @Test
    void onlyIntegerKindsAreIntegers() {
        assertThat(List.of(Type.INTEGER, Type.BIGINT, Type.SMALLINT)).allMatch(Type::isInteger);
        assertThat(List.of(Type.numeric(5, 0), Type.DOUBLE, Type.raw("INT"))).noneMatch(Type::isInteger);
    }

    @Test
    void impossibleParametersAreRefused() {
        assertThatThrownBy(() -> Type.varchar(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("varchar length must be at least 1, was 0");
        assertThatThrownBy(() -> Type.numeric(2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric(2, 3)");
        assertThatThrownBy(() -> Type.numeric(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Type.varbinary(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Type.character(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("character length must be at least 1, was 0");
        assertThatThrownBy(() -> Type.raw(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesPrintAsSqlNamesThem() {
        assertThat(Type.TIMESTAMP_TZ).hasToString("TIMESTAMP_TZ");
        assertThat(Type.varchar(50)).hasToString("VARCHAR(50)");
        assertThat(Type.numeric(12, 2)).hasToString("NUMERIC(12, 2)");
        assertThat(Type.varbinary(8)).hasToString("VARBINARY(8)");
        assertThat(Type.BINARY).hasToString("BINARY");
        assertThat(Type.character(3)).hasToString("CHAR(3)");
        assertThat(Type.raw("bit(8)")).hasToString("bit(8)");
    }

    @Test
    void literalsAreStringsNumbersOrBooleans() {
        assertThat(Expr.literal("x")).isEqualTo(new Expr.Literal("x"));
        assertThat(((Expr.Literal) Expr.literal(5)).value()).isEqualTo(5);
        assertThat(((Expr.Literal) Expr.literal(new BigDecimal("1.50"))).value()).isEqualTo(new BigDecimal("1.50"));
        assertThat(((Expr.Literal) Expr.literal(true)).value()).isEqualTo(true);
        assertThatThrownBy(() -> new Expr.Literal(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use Expr.raw(sql)");
        assertThatThrownBy(() -> Expr.literal(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Expr.literal((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void currentTimestampAndRaw() {
        assertThat(Expr.currentTimestamp()).isSameAs(Expr.CurrentTimestamp.INSTANCE);
        assertThat(Expr.raw("now()")).isEqualTo(new Expr.Raw("now()"));
        assertThatThrownBy(() -> Expr.raw("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expressionsPrintAsSqlReadsThem() {
        assertThat(Expr.literal("new")).hasToString("'new'");
        assertThat(Expr.literal(5L)).hasToString("5");
        assertThat(Expr.currentTimestamp()).hasToString("CURRENT_TIMESTAMP");
        assertThat(Expr.raw("now()")).hasToString("now()");
    }
}
