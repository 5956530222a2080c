package dev.retort.runtime.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.NamingConvention.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names from naming-convention patterns, and the reverse of the new operations. */
class NamingConventionTest {

    @Test
    void standardPatternsFillEveryToken() {
        NamingConvention standard = NamingConvention.standard();
        assertThat(standard.name(Kind.PRIMARY_KEY, "order", List.of("id", "line"), null, null)).contains("pk_order");
        assertThat(standard.name(Kind.FOREIGN_KEY, "order", List.of("account_id"), "account", null))
                .contains("fk_order_account_id_account");
        assertThat(standard.name(Kind.UNIQUE, "order", List.of("a", "b"), null, null)).contains("uq_order_a_b");
        assertThat(standard.name(Kind.INDEX, "order", List.of("placed_at"), null, null)).contains("ix_order_placed_at");
        assertThat(standard.name(Kind.CHECK, "order", List.of(), null, "positive")).contains("ck_order_positive");
        assertThatThrownBy(() -> standard.name(Kind.CHECK, "order", List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{constraint_name}");
        assertThat(NamingConvention.none().name(Kind.UNIQUE, "order", List.of("a"), null, null)).isEmpty();
        assertThat(NamingConvention.none().with(Kind.UNIQUE, "{table}_{column_0}_key").name(Kind.UNIQUE, "t",
                List.of("a", "b"), null, null)).contains("t_a_key");
        assertThatThrownBy(() -> NamingConvention.none().with(Kind.INDEX, "ix_%(table)s_{tabel}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{tabel}");
    }

    @Test
    void newOperationsReverse() {
        assertThat(new CreatePrimaryKey(Optional.empty(), "pk", "t", List.of("id")).reverse())
                .contains(new DropConstraint(Optional.empty(), "pk", "t", Optional.of(ConstraintType.PRIMARY_KEY)));
        assertThat(new CreateUniqueConstraint(Optional.empty(), "uq", "t", List.of("a")).reverse())
                .contains(new DropConstraint(Optional.empty(), "uq", "t", Optional.of(ConstraintType.UNIQUE)));
        assertThat(new CreateCheckConstraint(Optional.empty(), "ck", "t", "a > 0").reverse())
                .contains(new DropConstraint(Optional.empty(), "ck", "t", Optional.of(ConstraintType.CHECK)));
        assertThat(new CreateTableComment(Optional.empty(), "t", "new", Optional.of("old")).reverse())
                .contains(new CreateTableComment(Optional.empty(), "t", "old", Optional.of("new")));
        assertThat(new CreateTableComment(Optional.empty(), "t", "new", Optional.empty()).reverse())
                .contains(new DropTableComment(Optional.empty(), "t", Optional.of("new")));
        assertThat(new DropTableComment(Optional.empty(), "t", Optional.empty()).reverse()).isEmpty();
        AlterColumn comment = AlterColumn.builder("t", "c").comment("x").existingComment("y").build();
        assertThat(comment.reverse().map(AlterColumn.class::cast).flatMap(AlterColumn::comment))
                .contains(AlterColumn.Comment.of("y"));
        assertThat(AlterColumn.builder("t", "c").comment("x").build().reverse()).isEmpty();
    }
}
