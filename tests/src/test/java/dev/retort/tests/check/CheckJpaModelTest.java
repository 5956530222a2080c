package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.runtime.schema.Metadata;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project whose model is its JPA entities, on each database: compiled with the retort
 * processors, so {@code GeneratedSchema.METADATA} is written in the entities' package and
 * named by {@code metadata=}; {@code retort revision --autogenerate} from an empty database
 * writes the revision that creates their tables, and once it is applied {@code retort
 * check} finds nothing. Then the entities change (a field with an index, a new
 * {@code @ManyToOne}): {@code check} finds it, autogenerate writes it, it applies and checks
 * clean, and {@code downgrade -1} restores the schema before.
 */
class CheckJpaModelTest {

    static final String CUSTOMER = """
            package com.acme.model;

            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.GenerationType;
            import jakarta.persistence.Id;
            import jakarta.persistence.Index;
            import jakarta.persistence.Table;

            @Entity
            @Table(indexes = {
                @Index(name = "ix_customer_display_name", columnList = "displayName")%s
            })
            public class Customer {
                @Id
                @GeneratedValue(strategy = GenerationType.IDENTITY)
                private Long id;

                @Column(nullable = false, length = 100)
                private String displayName;

                @Column(unique = true, length = 255)
                private String email;
            %s}
            """;

    static final String PURCHASE_ORDER = """
            package com.acme.model;

            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.JoinColumn;
            import jakarta.persistence.ManyToOne;
            import java.math.BigDecimal;

            @Entity
            public class PurchaseOrder {
                @Id
                private Long id;

                @ManyToOne(optional = false)
                @JoinColumn(name = "customer_id", nullable = false)
                private Customer customer;

                @Column(precision = 12, scale = 2)
                private BigDecimal total;
            %s}
            """;

    /** The name the processor gives the new {@code @ManyToOne}'s foreign key. */
    static final String FK = "fk_purchase_order_billing_customer_id_customer";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void entitiesAutogenerateCheckAndChange(String kind) throws Exception {
        // H2 through a file: the command line loads its own H2 driver, which cannot see the test's in-memory one.
        TestDatabase database = kind.equals("h2") ? null : TestDatabases.open(kind);
        try {
            String url = database == null
                    ? "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE" : database.url();
            cycle(kind, CheckProject.init(dir, url, database == null ? "sa" : ""));
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private static void cycle(String kind, CheckProject project) throws Exception {
        project.metadata("com.acme.model.GeneratedSchema.METADATA");
        project.source("com/acme/model/Customer.java", CUSTOMER.formatted("", ""));
        project.source("com/acme/model/PurchaseOrder.java", PURCHASE_ORDER.formatted(""));
        project.compile();
        assertThat(project.dir.resolve("target/classes/com/acme/model/GeneratedSchema.class")).exists();

        CheckProject.CliRunResult initial = project.ok("revision", "--autogenerate", "-m", "initial");
        assertThat(initial.err())
                .contains("INFO  [retort.autogenerate] Detected added table 'customer'")
                .contains("INFO  [retort.autogenerate] Detected added table 'purchase_order'");
        String source = Files.readString(CheckProject.generatedPath(initial));
        assertThat(source).contains("op.createTable(\"customer\"").contains("op.createTable(\"purchase_order\"")
                .contains("op.dropTable(\"purchase_order\");").contains("op.dropTable(\"customer\");");
        project.compile();
        project.ok("upgrade", "head");
        assertThat(project.tables()).contains("customer", "purchase_order");

        assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
        assertThat(project.ok("check", "--shadow").out()).isEqualTo("No new upgrade operations detected.\n");
        Metadata before = project.schema();

        // A field with an index, and a second @ManyToOne to customer.
        project.source("com/acme/model/Customer.java", CUSTOMER.formatted(
                ",\n    @Index(name = \"ix_customer_phone\", columnList = \"phone\")",
                "\n    @Column(length = 30)\n    private String phone;\n"));
        project.source("com/acme/model/PurchaseOrder.java", PURCHASE_ORDER.formatted(
                "\n    @ManyToOne\n    @JoinColumn(name = \"billing_customer_id\")\n    private Customer billingCustomer;\n"));
        project.compile();
        String drift = project.failed("check");
        List<String> listed = drift.lines().skip(1).map(String::strip).filter(l -> l.startsWith("op.")).toList();
        String addPhone = "op.addColumn(\"customer\", Column.of(\"phone\", Type.varchar(30)));";
        String indexPhone = "op.createIndex(\"ix_customer_phone\", \"customer\", \"phone\");";
        if (kind.equals("sqlite")) {
            // SQLite adds no foreign key in place: purchase_order's two changes are one batch.
            assertThat(listed).as(drift).containsExactlyInAnyOrder(addPhone, indexPhone,
                    "op.batchAlterTable(\"purchase_order\", batch -> batch"
                            + ".addColumn(Column.of(\"billing_customer_id\", Type.BIGINT))"
                            + ".createForeignKey(\"" + FK + "\", \"customer\", List.of(\"billing_customer_id\"), "
                            + "List.of(\"id\")));");
        } else {
            assertThat(listed).as(drift).containsExactlyInAnyOrder(addPhone, indexPhone,
                    "op.addColumn(\"purchase_order\", Column.of(\"billing_customer_id\", Type.BIGINT));",
                    "op.createForeignKey(\"" + FK + "\", \"purchase_order\", \"customer\", "
                            + "List.of(\"billing_customer_id\"), List.of(\"id\"));");
        }

        CheckProject.CliRunResult change = project.ok("revision", "--autogenerate", "-m", "phone and billing customer");
        assertThat(change.err()).contains("Detected added column 'customer.phone'")
                .contains("Detected added index 'ix_customer_phone' on 'customer(phone)'")
                .contains("Detected added column 'purchase_order.billing_customer_id'")
                .contains("Detected added foreign key (billing_customer_id)(customer.id) on table purchase_order");
        String changeSource = Files.readString(CheckProject.generatedPath(change));
        String downgrade = changeSource.substring(changeSource.indexOf("public void downgrade("));
        assertThat(downgrade).as(changeSource).contains("op.dropColumn(\"customer\", \"phone\");")
                .contains("op.dropIndex(\"ix_customer_phone\"").contains("dropConstraint(\"" + FK + "\"")
                .contains(kind.equals("sqlite") ? ".dropColumn(\"billing_customer_id\")"
                        : "op.dropColumn(\"purchase_order\", \"billing_customer_id\");");
        project.compile();
        project.ok("upgrade", "head");
        assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
        assertThat(project.ok("check", "--shadow").out()).isEqualTo("No new upgrade operations detected.\n");

        project.ok("downgrade", "-1");
        Metadata restored = project.schema();
        assertThat(Comparison.compare(before, restored, CompareOptions.defaults()).changes()).as(kind).isEmpty();
        assertThat(restored).as(kind).isEqualTo(before);
    }
}
