package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model whose names an ORM writes bare in SQL (Hibernate's default naming): autogenerate
 * creates the tables under the names each database stores for those bare names, so the
 * ORM's own unquoted SQL finds them, and the comparison afterwards finds nothing.
 */
class UnquotedNamesTest {

    static Metadata hibernateStyle() {
        return Metadata.builder().unquotedNames()
                .table("Customer", t -> t
                        .column(Column.of("id", Type.BIGINT).primaryKey())
                        .column(Column.of("displayName", Type.varchar(100)).notNull())
                        .column(Column.of("DTYPE", Type.varchar(31)).notNull())
                        .index("IX_Customer_displayName", "displayName"))
                .table("PurchaseOrder", t -> t
                        .column(Column.of("id", Type.BIGINT).primaryKey())
                        .column(Column.of("customer_id", Type.BIGINT))
                        .foreignKey(ForeignKey.of(List.of("customer_id"), "Customer", List.of("id"))
                                .named("FK_PurchaseOrder_customer")))
                // Hibernate 6's default id generator: <entity>_SEQ, increment 50.
                .sequence(Sequence.of("PurchaseOrder_SEQ").incrementBy(50))
                .build();
    }

    @Test
    void eachDatabaseFoldsBareNamesItsOwnWay() {
        assertThat(new PostgresDialect().foldUnquotedName("displayName")).isEqualTo("displayname");
        assertThat(new H2Dialect().foldUnquotedName("DTYPE")).isEqualTo("dtype");
        assertThat(new MariaDbDialect().foldUnquotedName("PurchaseOrder")).isEqualTo("PurchaseOrder");
        assertThat(new SqliteDialect().foldUnquotedName("PurchaseOrder")).isEqualTo("PurchaseOrder");
        assertThat(new PostgresDialect().foldUnquotedName("full Name")).as("not a bare name").isEqualTo("full Name");
    }

    @Test
    void theOperationsNameWhatTheDatabaseStoresAndWithoutADialectTheNamesAsWritten() {
        Comparison postgres = Comparison.compare(hibernateStyle(), Metadata.empty(),
                CompareOptions.defaults().forDialect(new PostgresDialect()));
        assertThat(postgres.operations()).filteredOn(CreateTable.class::isInstance)
                .extracting(o -> ((CreateTable) o).table()).containsExactly("customer", "purchaseorder");
        assertThat(postgres.toString()).contains("\"displayname\"").contains("ix_customer_displayname")
                .contains("fk_purchaseorder_customer").doesNotContain("displayName");
        assertThat(postgres.operations().get(0)).isEqualTo(
                new CreateSequence(java.util.Optional.empty(), "purchaseorder_seq", 1, 50));

        Comparison plain = Comparison.compare(hibernateStyle(), Metadata.empty(), CompareOptions.defaults());
        assertThat(plain.operations()).filteredOn(CreateTable.class::isInstance)
                .extracting(o -> ((CreateTable) o).table()).containsExactly("Customer", "PurchaseOrder");
    }

    @Test
    void renamingKeepsEveryPartAndTheResultIsExact() {
        Metadata model = hibernateStyle();
        Metadata lower = model.renamed(n -> n.toLowerCase(java.util.Locale.ROOT));
        assertThat(lower.hasUnquotedNames()).isFalse();
        var order = lower.table("purchaseorder").orElseThrow();
        assertThat(order.foreignKeys()).containsExactly(ForeignKey.of(List.of("customer_id"), "customer", List.of("id"))
                .named("fk_purchaseorder_customer"));
        var customer = lower.table("customer").orElseThrow();
        assertThat(customer.primaryKey().orElseThrow().columns()).containsExactly("id");
        assertThat(customer.column("displayname").orElseThrow().isNullable()).isFalse();
        assertThat(customer.indexes()).extracting(i -> i.name() + i.columns()).containsExactly("ix_customer_displayname[displayname]");
        assertThat(lower.sequences()).containsExactly(Sequence.of("purchaseorder_seq").incrementBy(50));
        assertThat(model).isNotEqualTo(model.renamed(n -> n)).as("the flag is part of the value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void theOrmsBareSqlFindsWhatAutogenerateCreated(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            CompareOptions options = CompareOptions.defaults().forDialect(dialect);
            Comparison found = Comparison.compare(hibernateStyle(), Introspection.read(connection, dialect), options);
            RoundTripTest.run(connection, dialect, found.operations());

            try (Statement statement = connection.createStatement()) {
                // As Hibernate writes it with its default naming: nothing quoted.
                statement.executeUpdate("INSERT INTO Customer (id, displayName, DTYPE) VALUES (1, 'Ann', 'Customer')");
                statement.executeUpdate("INSERT INTO PurchaseOrder (id, customer_id) VALUES (7, 1)");
                try (ResultSet rows = statement.executeQuery("SELECT c.displayName FROM PurchaseOrder o"
                        + " JOIN Customer c ON c.id = o.customer_id WHERE c.DTYPE = 'Customer'")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("Ann");
                }
                if (!kind.equals("sqlite")) {
                    // Hibernate draws ids from the sequence by its bare name.
                    String next = kind.equals("postgresql") ? "SELECT nextval('PurchaseOrder_SEQ')"
                            : "SELECT NEXT VALUE FOR PurchaseOrder_SEQ";
                    try (ResultSet rows = statement.executeQuery(next)) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getLong(1)).isEqualTo(1L);
                    }
                }
            }
            Comparison after = Comparison.compare(hibernateStyle(), Introspection.read(connection, dialect), options);
            assertThat(after.changes()).as(after.toString()).isEmpty();
            RoundTripTest.run(connection, dialect, found.downgradeOperations());
            assertThat(Introspection.read(connection, dialect).isEmpty()).isTrue();
        }
    }
}
