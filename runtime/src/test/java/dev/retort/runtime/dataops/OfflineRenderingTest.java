package dev.retort.runtime.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.Operations;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operations as an offline script sees them: {@link DefaultOperations} with no
 * connection and a sink that collects each statement.
 */
class OfflineRenderingTest {

    private final List<String> script = new ArrayList<>();

    private Operations offline(Dialect dialect) {
        return new DefaultOperations(dialect, script::add, null);
    }

    @Test
    void createAndDropIndexWithOptions() {
        Operations op = offline(new PostgresDialect());
        op.createIndex("ix_account_email", "account", ix -> ix.columns("email").unique().where("deleted_at IS NULL"));
        op.inSchema("billing").createIndex("ix_invoice_no", "invoice", ix -> ix.expression("lower(number)").ifNotExists());
        op.dropIndex("ix_account_email", "account", ix -> ix.ifExists());
        op.inSchema("billing").dropIndex("ix_invoice_no", "invoice", ix -> { });
        assertThat(script).containsExactly(
                "CREATE UNIQUE INDEX ix_account_email ON account (email) WHERE deleted_at IS NULL",
                "CREATE INDEX IF NOT EXISTS ix_invoice_no ON billing.invoice ((lower(number)))",
                "DROP INDEX IF EXISTS ix_account_email",
                "DROP INDEX billing.ix_invoice_no");
    }

    @Test
    void theSimpleIndexOverloadsAreUnchanged() {
        Operations op = offline(new PostgresDialect());
        op.createIndex("ix_a", "account", "name", "email");
        op.createUniqueIndex("ix_b", "account", "email");
        op.dropIndex("ix_a", "account");
        assertThat(script).containsExactly("CREATE INDEX ix_a ON account (name, email)",
                "CREATE UNIQUE INDEX ix_b ON account (email)", "DROP INDEX ix_a");
    }

    @Test
    void anAutocommitBlockEndsAndRestartsTheTransactionOfATransactionalScript() {
        Operations op = offline(new PostgresDialect());
        op.execute("UPDATE account SET email = lower(email)");
        op.autocommitBlock(() -> {
            op.createIndex("ix_account_email", "account", ix -> ix.columns("email").concurrently().ifNotExists());
            // A block inside the block just runs: no second COMMIT.
            op.autocommitBlock(() -> op.inSchema("billing").dropIndex("ix_old", "invoice", ix -> ix.concurrently()));
        });
        op.execute("UPDATE account SET checked = TRUE");
        assertThat(script).containsExactly(
                "UPDATE account SET email = lower(email)",
                "COMMIT",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_account_email ON account (email)",
                "DROP INDEX CONCURRENTLY billing.ix_old",
                "BEGIN",
                "UPDATE account SET checked = TRUE");
    }

    @Test
    void withoutTransactionalDdlTheScriptHasNoTransactionToEnd() {
        Operations op = offline(new H2Dialect());
        op.autocommitBlock(() -> op.createIndex("ix_account_email", "account", ix -> ix.columns("email").concurrently()));
        assertThat(script).containsExactly("CREATE INDEX ix_account_email ON account (email)");
    }

    @Test
    void concurrentlyOutsideAnAutocommitBlockFailsOnEveryDialectBeforeAnythingIsWritten() {
        for (Dialect dialect : new Dialect[] {new PostgresDialect(), new H2Dialect()}) {
            Operations op = offline(dialect);
            assertThatThrownBy(() -> op.createIndex("ix_account_email", "account",
                    ix -> ix.columns("email").concurrently()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Index ix_account_email on account is created concurrently, which PostgreSQL "
                            + "refuses inside a transaction")
                    .hasMessageContaining("op.autocommitBlock(() -> op.createIndex(\"ix_account_email\", \"account\"");
            assertThatThrownBy(() -> op.dropIndex("ix_account_email", "account", ix -> ix.concurrently()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Index ix_account_email of account is dropped concurrently")
                    .hasMessageContaining("op.autocommitBlock(() -> op.dropIndex(");
        }
        assertThat(script).isEmpty();
    }

    @Test
    void anOperationTheDialectCannotDoFailsBeforeTheSinkSeesIt() {
        Operations op = offline(new H2Dialect());
        assertThatThrownBy(() -> op.createIndex("ix", "account", ix -> ix.columns("email").where("deleted_at IS NULL")))
                .isInstanceOf(OperationNotSupportedException.class);
        assertThat(script).isEmpty();
    }

    @Test
    void aBulkInsertIsWrittenAsMultiRowInsertsOfBatchSizeRowsWithTypedLiterals() {
        Operations op = offline(new PostgresDialect());
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        op.bulkInsert(BulkInsert.into("account")
                .column("id", Type.BIGINT)
                .column("name", Type.varchar(50))
                .column("balance", Type.numeric(10, 2))
                .column("born", Type.DATE)
                .column("seen", Type.TIMESTAMP)
                .column("seen_tz", Type.TIMESTAMP_TZ)
                .column("token", Type.UUID)
                .column("doc", Type.JSON)
                .column("photo", Type.BINARY)
                .column("active", Type.BOOLEAN)
                .row(1, "ada", new BigDecimal("10.50"), LocalDate.of(1815, 12, 10), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), id, "{\"a\": 1}", new byte[] {1, 2},
                        true)
                .row(2L, "o'hara", 3, null, null, null, id.toString(), null, null, false)
                .row(3L, "grace", null, null, null, null, null, null, null, null)
                .batchSize(2));
        assertThat(script).containsExactly(
                "INSERT INTO account (id, name, balance, born, seen, seen_tz, token, doc, photo, active) VALUES\n"
                        + "    (1, 'ada', 10.50, DATE '1815-12-10', TIMESTAMP '2024-01-02 03:04:05', "
                        + "TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05+00:00', "
                        + "UUID '0f8fad5b-d9cb-469f-a165-70867728950e', '{\"a\": 1}'::jsonb, '\\x0102'::bytea, TRUE),\n"
                        + "    (2, 'o''hara', 3, NULL, NULL, NULL, UUID '0f8fad5b-d9cb-469f-a165-70867728950e', NULL, "
                        + "NULL, FALSE)",
                "INSERT INTO account (id, name, balance, born, seen, seen_tz, token, doc, photo, active) VALUES "
                        + "(3, 'grace', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    @Test
    void aBulkInsertOfMapsTakesEveryKeyInAlphabeticalOrderAndTheSchemaOfTheView() {
        Operations op = offline(new H2Dialect());
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("name", "ada");
        first.put("id", 1L);
        op.inSchema("billing").bulkInsert("order", List.of(first, Map.of("id", 2L, "note", "rush")));
        op.bulkInsert("order", List.of());
        assertThat(script).containsExactly("INSERT INTO billing.\"order\" (id, name, note) VALUES\n"
                + "    (1, 'ada', NULL),\n"
                + "    (2, NULL, 'rush')");
    }

    @Test
    void aBulkInsertWithoutRowsWritesNothing() {
        offline(new PostgresDialect()).bulkInsert(BulkInsert.into("account").column("id", Type.BIGINT));
        assertThat(script).isEmpty();
    }

    @Test
    void parametersAreWrittenAsLiteralsButNotInsideQuotesOrComments() {
        Operations op = offline(new PostgresDialect());
        op.execute("UPDATE account SET name = ?, note = 'why?', \"what?\" = ? -- really?\n WHERE id = ? /* ? */ AND x = $$?$$",
                "it's", null, 7L);
        op.execute("UPDATE account SET born = ? WHERE token = ?", Arrays.asList(LocalDate.of(2000, 1, 1),
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")));
        op.execute("DELETE FROM account");
        assertThat(script).containsExactly(
                "UPDATE account SET name = 'it''s', note = 'why?', \"what?\" = NULL -- really?\n WHERE id = 7 /* ? */"
                        + " AND x = $$?$$",
                "UPDATE account SET born = DATE '2000-01-01' WHERE token = UUID '0f8fad5b-d9cb-469f-a165-70867728950e'",
                "DELETE FROM account");
    }

    @Test
    void theNumberOfParametersMustMatchThePlaceholders() {
        Operations op = offline(new PostgresDialect());
        assertThatThrownBy(() -> op.execute("UPDATE t SET a = ? WHERE b = ?", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Statement [UPDATE t SET a = ? WHERE b = ?] has 2 ? placeholder(s) but 1 parameter(s) "
                        + "were given; give one value per ?");
        assertThatThrownBy(() -> op.execute("SELECT 1 WHERE 'a?' = 'a?'", List.of("x")))
                .hasMessageContaining("has 0 ? placeholder(s) but 1 parameter(s)");
        assertThatThrownBy(() -> op.execute("UPDATE t SET a = ?", new StringBuilder("x")))
                .hasMessageContaining("Parameter 1 of [UPDATE t SET a = ?] is a java.lang.StringBuilder");
        assertThat(script).isEmpty();
    }

    @Test
    void inlineLiteralsBuildStatementsThatReadTheSameOffline() {
        Operations op = offline(new PostgresDialect());
        op.execute("UPDATE account SET status = " + op.inlineLiteral("it's new") + ", photo = "
                + op.inlineLiteral(new byte[] {(byte) 0xff}) + ", doc = " + op.inlineLiteral("{}", Type.JSON)
                + " WHERE id = " + op.inlineLiteral(7L));
        assertThat(script).containsExactly(
                "UPDATE account SET status = 'it''s new', photo = '\\xff'::bytea, doc = '{}'::jsonb WHERE id = 7");
        assertThat(offline(new H2Dialect()).inlineLiteral(new byte[] {(byte) 0xff})).isEqualTo("X'FF'");
    }
}
