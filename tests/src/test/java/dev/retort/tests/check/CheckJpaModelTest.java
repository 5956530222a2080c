package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose model is its JPA entities: compiled with the retort processors, so
 * {@code GeneratedSchema.METADATA} is written in the entities' package and named by
 * {@code metadata=}; {@code retort revision --autogenerate} from an empty database writes
 * the revision that creates their tables, and once it is applied {@code retort check}
 * finds nothing.
 */
class CheckJpaModelTest {

    @TempDir
    Path dir;

    @Test
    void entitiesAutogenerateAndCheckOnH2() throws Exception {
        CheckProject project = CheckProject.init(dir,
                "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE", "sa");
        project.metadata("com.acme.model.GeneratedSchema.METADATA");
        project.source("com/acme/model/Customer.java", """
                package com.acme.model;

                import jakarta.persistence.Column;
                import jakarta.persistence.Entity;
                import jakarta.persistence.GeneratedValue;
                import jakarta.persistence.GenerationType;
                import jakarta.persistence.Id;
                import jakarta.persistence.Index;
                import jakarta.persistence.Table;

                @Entity
                @Table(indexes = @Index(name = "ix_customer_display_name", columnList = "displayName"))
                public class Customer {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;

                    @Column(nullable = false, length = 100)
                    private String displayName;

                    @Column(unique = true, length = 255)
                    private String email;
                }
                """);
        project.source("com/acme/model/PurchaseOrder.java", """
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
                }
                """);
        project.compile();
        assertThat(dir.resolve("target/classes/com/acme/model/GeneratedSchema.class")).exists();

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
    }
}
