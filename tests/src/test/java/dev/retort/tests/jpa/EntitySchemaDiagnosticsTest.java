package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.jpa.JpaTestSupport.compile;
import static dev.retort.tests.jpa.JpaTestSupport.generatedSource;
import static dev.retort.tests.jpa.ShopEntities.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every {@code [Jpa…]} warning: the exact count, the tag, the file and the line it lands on,
 * and that the rest of the model is still generated.
 */
class EntitySchemaDiagnosticsTest {

    private static final String GENERATED = ShopEntities.PKG + ".GeneratedSchema";

    private static Compilation compileOne(JavaFileObject... sources) {
        return compile(List.of(sources));
    }

    @Test
    void anAttributeTypeWithoutAColumnTypeIsLeftOutWithAWarning() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id private Long id;
                    private java.util.Date legacy;
                    @Column(columnDefinition = "INTERVAL") private java.time.Duration grace;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).succeeded();
        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaUnsupportedType] Attribute legacy of entity com.acme.shop.Account "
                + "has Java type java.util.Date").inFile(entity).onLineContaining("legacy;");
        assertThat(generatedSource(c, GENERATED)).doesNotContain("legacy")
                .contains("Column.of(\"grace\", Type.raw(\"INTERVAL\"))");
    }

    @Test
    void aOneToManyWithoutMappedByIsAnUnsupportedMapping() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id private Long id;
                    @OneToMany
                    private List<Account> children;
                    @ElementCollection
                    private Map<String, String> settings;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[JpaUnsupportedMapping] Attribute children").inFile(entity)
                .onLineContaining("@OneToMany");
        assertThat(c).hadWarningContaining("[JpaUnsupportedMapping] Attribute settings").inFile(entity)
                .onLineContaining("@ElementCollection");
    }

    @Test
    void entityInheritanceIsReportedOnTheRootAndEachSubclass() {
        JavaFileObject root = source("Payment", """
                @Entity
                @Inheritance(strategy = InheritanceType.JOINED)
                public class Payment {
                    @Id private Long id;
                }
                """);
        JavaFileObject card = source("CardPayment", """
                @Entity
                public class CardPayment extends Payment {
                    private String last4;
                }
                """);
        Compilation c = compileOne(root, card);

        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.Payment declares "
                + "@Inheritance(strategy = JOINED)").inFile(root).onLineContaining("@Inheritance");
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.CardPayment extends entity "
                + "com.acme.shop.Payment").inFile(card).onLineContaining("class CardPayment");
        assertThat(generatedSource(c, GENERATED)).contains(".table(\"payment\"").doesNotContain("card_payment");
    }

    @Test
    void propertyAccessIsReportedAndTheEntityLeftOut() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    private Long id;
                    @Id
                    public Long getId() { return id; }
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaPropertyAccess] Entity com.acme.shop.Account").inFile(entity)
                .onLineContaining("class Account");
    }

    @Test
    void anEntityWithoutIdIsReported() {
        JavaFileObject entity = source("AuditEntry", """
                @Entity
                public class AuditEntry {
                    private String message;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaNoId] Entity com.acme.shop.AuditEntry has no @Id")
                .inFile(entity).onLineContaining("class AuditEntry");
        assertThat(c).hadWarningContaining("table audit_entry has no primary key");
    }

    @Test
    void aReferenceToANonEntityIsUnresolved() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id private Long id;
                    @ManyToOne(fetch = FetchType.LAZY)
                    private String owner;
                    @ManyToOne
                    @JoinColumn(name = "ref", referencedColumnName = "code")
                    private Account parent;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[JpaUnresolvedTarget] Attribute owner of entity com.acme.shop.Account "
                + "references java.lang.String, but it is not an @Entity").inFile(entity)
                .onLineContaining("@ManyToOne(fetch = FetchType.LAZY)");
        assertThat(c).hadWarningContaining("referencedColumnName \"code\" is not a column of its primary key")
                .inFile(entity).onLineContaining("@JoinColumn");
    }

    @Test
    void aSequenceGeneratorIsNotModelled() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private Long id;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaGeneratorNotModelled] Attribute id of entity com.acme.shop.Account "
                + "is generated with strategy SEQUENCE").inFile(entity).onLineContaining("@GeneratedValue");
        assertThat(generatedSource(c, GENERATED)).contains("Column.of(\"id\", Type.BIGINT).primaryKey())");
    }

    @Test
    void aTableSchemaIsIgnoredWithAWarning() {
        JavaFileObject entity = source("Account", """
                @Entity
                @Table(name = "accounts", schema = "crm")
                public class Account {
                    @Id private Long id;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaSchemaIgnored] Entity com.acme.shop.Account places its table in "
                + "schema or catalog \"crm\"").inFile(entity).onLineContaining("@Table");
    }

    @Test
    void anIndexOnAnUnknownColumnIsLeftOut() {
        JavaFileObject entity = source("Account", """
                @Entity
                @Table(indexes = @Index(name = "ix_nope", columnList = "nope"),
                        uniqueConstraints = @UniqueConstraint(columnNames = {"email", "missing"}))
                public class Account {
                    @Id private Long id;
                    private String email;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[JpaUnknownColumn] The index ix_nope of entity com.acme.shop.Account "
                + "names column nope").inFile(entity).onLineContaining("@Table");
        assertThat(c).hadWarningContaining("[JpaUnknownColumn] The unique constraint of entity "
                + "com.acme.shop.Account names column missing").inFile(entity).onLineContaining("@Table");
        assertThat(generatedSource(c, GENERATED)).doesNotContain("ix_nope").doesNotContain("UniqueConstraint");
    }

    @Test
    void aColumnMappedTwiceMakesTheTableInvalid() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id private Long id;
                    private String email;
                    @Column(name = "email")
                    private String otherEmail;
                }
                """);
        JavaFileObject tag = source("Tag", """
                @Entity
                public class Tag {
                    @Id private Long id;
                }
                """);
        Compilation c = compileOne(entity, tag);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaInvalidTable] Entity com.acme.shop.Account maps table account, "
                + "which cannot be modelled: column email is mapped twice").inFile(entity)
                .onLineContaining("class Account");
        assertThat(generatedSource(c, GENERATED)).doesNotContain(".table(\"account\"").contains(".table(\"tag\"");
    }

    @Test
    void anIndexNameUsedByTwoTablesLeavesThePackageWithoutSchema() {
        JavaFileObject account = source("Account", """
                @Entity
                @Table(indexes = @Index(name = "ix_name", columnList = "name"))
                public class Account {
                    @Id private Long id;
                    private String name;
                }
                """);
        JavaFileObject tag = source("Tag", """
                @Entity
                @Table(indexes = @Index(name = "ix_name", columnList = "name"))
                public class Tag {
                    @Id private Long id;
                    private String name;
                }
                """);
        Compilation c = compileOne(account, tag);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaInvalidTable] Entity of package com.acme.shop maps table "
                + "(all tables), which cannot be modelled: Index ix_name is declared on table account and on "
                + "table tag").inFile(account).onLineContaining("class Account");
        assertThat(c.generatedSourceFiles()).isEmpty();
    }
}
