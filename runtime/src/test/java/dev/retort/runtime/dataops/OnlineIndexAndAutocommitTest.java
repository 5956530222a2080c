package dev.retort.runtime.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Indexes with options and autocommit blocks on real H2 and PostgreSQL databases, with the
 * migration connection in a transaction as the migrator holds it.
 */
class OnlineIndexAndAutocommitTest {

    private static void createAccount(Db f) throws SQLException {
        f.op.createTable("account",
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("email", Type.varchar(200)),
                Column.of("deleted_at", Type.TIMESTAMP));
        f.connection.commit();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void createsAUniqueIndexOnSeveralColumnsOnceAndDropsItOnce(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createAccount(f);
            f.op.createIndex("ix_account_email", "account", ix -> ix.columns("email", "id").unique().ifNotExists());
            f.op.createIndex("ix_account_email", "account", ix -> ix.columns("email", "id").unique().ifNotExists());
            f.connection.commit();
            assertThat(f.indexes("account")).containsEntry("ix_account_email",
                    new Db.Index(true, List.of("email", "id")));

            f.op.dropIndex("ix_account_email", "account", ix -> ix.ifExists());
            f.op.dropIndex("ix_account_email", "account", ix -> ix.ifExists());
            f.connection.commit();
            assertThat(f.indexes("account")).doesNotContainKey("ix_account_email");
            assertThatThrownBy(() -> f.op.dropIndex("ix_account_email", "account", ix -> { }))
                    .isInstanceOf(StatementFailedException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql"})
    void aPartialExpressionIndexIsUniqueAmongLiveRowsIgnoringCase(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createAccount(f);
            f.op.createIndex("ix_account_email", "account",
                    ix -> ix.expression("lower(email)").unique().where("deleted_at IS NULL"));
            f.connection.commit();

            f.sql("INSERT INTO account (id, email, deleted_at) VALUES (1, 'Ada@example.com', CURRENT_TIMESTAMP)");
            f.sql("INSERT INTO account (id, email) VALUES (2, 'ada@example.com')");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (id, email) VALUES (3, 'ADA@example.com')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("ix_account_email");
            assertThat(f.value("SELECT COUNT(*) FROM account", Long.class)).isEqualTo(2L);
            assertThat(f.indexes("account").get("ix_account_email").unique()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAutocommitBlockCommitsTheWorkBeforeItAndReopensATransactionAfterIt(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createAccount(f);
            f.op.execute("INSERT INTO account (id, email) VALUES (?, ?)", 1L, "ada@example.com");
            boolean[] autoCommitInside = new boolean[1];
            f.op.autocommitBlock(() -> {
                try {
                    autoCommitInside[0] = f.connection.getAutoCommit();
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
                f.op.createIndex("ix_account_email", "account", ix -> ix.columns("email").concurrently().ifNotExists());
            });
            assertThat(autoCommitInside[0]).isTrue();
            assertThat(f.connection.getAutoCommit()).isFalse();
            f.op.execute("INSERT INTO account (id, email) VALUES (?, ?)", 2L, "grace@example.com");
            f.connection.rollback();

            // The row before the block was committed by it; the one after rolled back with the transaction.
            assertThat(f.rows("SELECT id FROM account")).containsExactly(List.of(1L));
            assertThat(f.indexes("account")).containsEntry("ix_account_email", new Db.Index(false, List.of("email")));
            if (f.postgres()) {
                assertThat(f.statements).contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_account_email ON account (email)");
            }

            f.op.autocommitBlock(() -> f.op.dropIndex("ix_account_email", "account", ix -> ix.concurrently().ifExists()));
            assertThat(f.indexes("account")).doesNotContainKey("ix_account_email");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailingBlockStillLeavesTheConnectionInATransaction(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createAccount(f);
            assertThatThrownBy(() -> f.op.autocommitBlock(() -> f.op.execute("INSERT INTO missing VALUES (1)")))
                    .isInstanceOf(StatementFailedException.class);
            assertThat(f.connection.getAutoCommit()).isFalse();
            // And the flag is cleared: concurrently outside a block is refused again.
            assertThatThrownBy(() -> f.op.createIndex("ix", "account", ix -> ix.columns("email").concurrently()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentlyInsideATransactionIsRefusedBeforeTheDatabaseSeesIt(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createAccount(f);
            f.statements.clear();
            assertThatThrownBy(() -> f.op.inSchema(f.db.schema()).createIndex("ix_account_email", "account",
                    ix -> ix.columns("email").concurrently()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Wrap it in an autocommit block")
                    .hasMessageContaining("op.autocommitBlock(() -> op.createIndex(\"ix_account_email\"");
            assertThat(f.statements).isEmpty();

            // An auto-commit connection is outside any transaction: nothing to refuse.
            f.connection.setAutoCommit(true);
            f.op.createIndex("ix_account_email", "account", ix -> ix.columns("email").concurrently());
            f.op.dropIndex("ix_account_email", "account", ix -> ix.concurrently());
            assertThat(f.indexes("account")).doesNotContainKey("ix_account_email");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInSchemaViewSharesTheBlockWithItsParent(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            createAccount(f);
            f.op.autocommitBlock(() -> f.op.inSchema(f.db.schema()).createIndex("ix_account_email", "account",
                    ix -> ix.columns("email").concurrently()));
            assertThat(f.indexes("account")).containsKey("ix_account_email");
        }
    }
}
