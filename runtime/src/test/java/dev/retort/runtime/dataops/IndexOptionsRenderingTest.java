package dev.retort.runtime.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.operation.Operation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL of indexes with options on H2 and PostgreSQL, rendered without a database. */
class IndexOptionsRenderingTest {

    private final Dialect h2 = new H2Dialect();
    private final Dialect postgres = new PostgresDialect();

    private static CreateIndexWithOptions.Builder index() {
        return CreateIndexWithOptions.builder("ix_account_email", "account");
    }

    @Test
    void statesWhichIndexOptionsEachDialectHas() {
        assertThat(List.of(h2.supportsPartialIndexes(), h2.supportsExpressionIndexes(), h2.supportsConcurrentIndexes()))
                .containsExactly(false, false, false);
        assertThat(List.of(postgres.supportsPartialIndexes(), postgres.supportsExpressionIndexes(),
                postgres.supportsConcurrentIndexes())).containsExactly(true, true, true);
    }

    @Test
    void rendersColumnsInOrderOnBothDialects() {
        Operation ix = index().columns("account_id", "placed_at").build();
        String expected = "CREATE INDEX ix_account_email ON account (account_id, placed_at)";
        assertThat(h2.render(ix)).containsExactly(expected);
        assertThat(postgres.render(ix)).containsExactly(expected);
    }

    @Test
    void rendersUniqueIfNotExistsInTheTablesSchema() {
        Operation ix = index().schema("billing").columns("email").unique().ifNotExists().build();
        String expected = "CREATE UNIQUE INDEX IF NOT EXISTS ix_account_email ON billing.account (email)";
        assertThat(h2.render(ix)).containsExactly(expected);
        assertThat(postgres.render(ix)).containsExactly(expected);
    }

    @Test
    void quotesColumnsThatNeedItAndParenthesisesExpressions() {
        Operation ix = index().columns("Email", "order").expression("lower(name)").build();
        assertThat(postgres.render(ix))
                .containsExactly("CREATE INDEX ix_account_email ON account (\"Email\", \"order\", (lower(name)))");
    }

    @Test
    void rendersEveryPostgresOptionInTheOrderPostgresWantsThem() {
        Operation ix = index().expression("lower(email)").unique().where("deleted_at IS NULL").concurrently()
                .ifNotExists().build();
        assertThat(postgres.render(ix)).containsExactly("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "
                + "ix_account_email ON account ((lower(email))) WHERE deleted_at IS NULL");
    }

    @Test
    void concurrentlyIsLeftOutWhereTheDatabaseHasNoSuchThing() {
        assertThat(h2.render(index().columns("email").concurrently().build()))
                .containsExactly("CREATE INDEX ix_account_email ON account (email)");
        assertThat(h2.render(DropIndexWithOptions.builder("ix_account_email", "account").concurrently().build()))
                .containsExactly("DROP INDEX ix_account_email");
    }

    @Test
    void h2RefusesPartialAndExpressionIndexesNamingTheAlternative() {
        assertThatThrownBy(() -> h2.render(index().columns("email").where("deleted_at IS NULL").build()))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("The h2 dialect cannot run")
                .hasMessageContaining("ix_account_email")
                .hasMessageContaining("partial indexes")
                .hasMessageContaining("leave out where(");
        assertThatThrownBy(() -> h2.render(index().expression("lower(email)").build()))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("indexes columns only")
                .hasMessageContaining("generated column");
    }

    @Test
    void dropIndexOptions() {
        DropIndexWithOptions all = new DropIndexWithOptions(Optional.of("billing"), "ix_account_email",
                Optional.of("account"), true, true);
        assertThat(postgres.render(all)).containsExactly("DROP INDEX CONCURRENTLY IF EXISTS billing.ix_account_email");
        assertThat(h2.render(all)).containsExactly("DROP INDEX IF EXISTS billing.ix_account_email");
        assertThat(postgres.render(DropIndexWithOptions.builder("Ix", "account").build()))
                .containsExactly("DROP INDEX \"Ix\"");
    }

    @Test
    void theReverseDropsTheSameIndexTheSameWay() {
        CreateIndexWithOptions ix = index().schema("billing").columns("email").concurrently().ifNotExists().build();
        assertThat(ix.reverse()).contains(new DropIndexWithOptions(Optional.of("billing"), "ix_account_email",
                Optional.of("account"), true, true));
        assertThat(index().columns("email").build().reverse()).contains(new DropIndexWithOptions(Optional.empty(),
                "ix_account_email", Optional.of("account"), false, false));
        assertThat(DropIndexWithOptions.builder("ix", "t").build().reverse()).isEmpty();
    }

    @Test
    void anIndexNeedsAKeyAndNamesEachColumnOnce() {
        assertThatThrownBy(() -> index().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Index ix_account_email on account needs at least one column or expression");
        assertThatThrownBy(() -> index().columns("email", "email").build())
                .hasMessageContaining("names column email twice");
        assertThatThrownBy(() -> index().expression(" ").build()).hasMessageContaining("index expression");
        assertThatThrownBy(() -> index().columns("email").where("").build())
                .hasMessageContaining("where clause of index ix_account_email");
        // The same expression twice is odd but legal SQL, so it is not refused.
        assertThat(index().expression("lower(a)").expression("lower(a)").build().elements()).hasSize(2);
    }
}
