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
    void anOrderColumnAndAMapValuedCollectionAreUnsupportedMappings() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id private Long id;
                    @OneToMany
                    @OrderColumn
                    private List<Account> children;
                    @ElementCollection
                    private Map<String, String> settings;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[JpaUnsupportedMapping] Attribute children of entity "
                + "com.acme.shop.Account uses @OrderColumn").inFile(entity).onLineContaining("@OrderColumn");
        assertThat(c).hadWarningContaining("[JpaUnsupportedMapping] Attribute settings").inFile(entity)
                .onLineContaining("@ElementCollection");
        assertThat(generatedSource(c, GENERATED)).contains(".table(\"account_children\"");
    }

    @Test
    void aOneToManyJoinColumnIntoAnotherPackagesTableIsLeftOut() {
        JavaFileObject line = source("com.acme.billing", "InvoiceLine", """
                @Entity
                public class InvoiceLine {
                    @Id private Long id;
                }
                """);
        JavaFileObject invoice = source("Invoice", """
                @Entity
                public class Invoice {
                    @Id private Long id;
                    @OneToMany
                    @JoinColumn(name = "invoice_id")
                    private List<com.acme.billing.InvoiceLine> lines;
                }
                """);
        Compilation c = compileOne(line, invoice);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaUnsupportedMapping] Attribute lines of entity com.acme.shop.Invoice "
                + "uses @OneToMany with @JoinColumn to com.acme.billing.InvoiceLine of package com.acme.billing")
                .inFile(invoice).onLineContaining("@OneToMany");
        assertThat(generatedSource(c, "com.acme.billing.GeneratedSchema")).doesNotContain("invoice_id");
    }

    @Test
    void aReferenceToATablePerClassEntityWithSubclassesHasNoForeignKey() {
        JavaFileObject animal = source("Animal", """
                @Entity
                @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                public abstract class Animal {
                    @Id private Long id;
                    @ElementCollection
                    private Set<String> nicknames;
                }
                """);
        JavaFileObject dog = source("Dog", """
                @Entity
                public class Dog extends Animal {
                }
                """);
        JavaFileObject zoo = source("Zoo", """
                @Entity
                public class Zoo {
                    @Id private Long id;
                    @ManyToOne
                    private Animal star;
                    @ManyToOne
                    private Dog guard;
                }
                """);
        Compilation c = compileOne(animal, dog, zoo);

        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[JpaNoForeignKey] Attribute star of entity com.acme.shop.Zoo joins "
                + "column(s) star_id to entity com.acme.shop.Animal, whose rows Hibernate keeps in several tables "
                + "(TABLE_PER_CLASS: dog)").inFile(zoo).onLineContaining("private Animal star;");
        assertThat(c).hadWarningContaining("[JpaNoForeignKey] Attribute nicknames of entity com.acme.shop.Animal "
                + "joins column(s) animal_id to entity com.acme.shop.Animal").inFile(animal)
                .onLineContaining("private Set<String> nicknames;");
        assertThat(generatedSource(c, GENERATED))
                .contains("Column.of(\"star_id\", Type.BIGINT)")
                .doesNotContain("List.of(\"star_id\")")
                .contains("ForeignKey.of(List.of(\"guard_id\"), \"dog\", List.of(\"id\"))")
                .contains(".table(\"animal_nicknames\"")
                .doesNotContain(".table(\"animal\",");
    }

    @Test
    void hierarchyAnnotationsHibernateRefusesOrIgnoresAreReportedAndIgnored() {
        JavaFileObject root = source("Payment", """
                @Entity
                public class Payment {
                    @Id private Long id;
                }
                """);
        JavaFileObject card = source("CardPayment", """
                @Entity
                @Table(name = "card_payment")
                @DiscriminatorColumn(name = "kind")
                @Inheritance(strategy = InheritanceType.JOINED)
                @PrimaryKeyJoinColumn(name = "payment_id")
                public class CardPayment extends Payment {
                    @Id private Long cardId;
                    private String last4;
                }
                """);
        Compilation c = compileOne(root, card);

        assertThat(c).hadWarningCount(5);
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.CardPayment declares @Table but is "
                + "a subclass in the SINGLE_TABLE hierarchy of com.acme.shop.Payment").inFile(card)
                .onLineContaining("@Table");
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.CardPayment declares "
                + "@DiscriminatorColumn but is not the root").inFile(card).onLineContaining("@DiscriminatorColumn");
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.CardPayment declares "
                + "@Inheritance(strategy = JOINED) inside the SINGLE_TABLE hierarchy").inFile(card)
                .onLineContaining("@Inheritance");
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.CardPayment declares "
                + "@PrimaryKeyJoinColumn").inFile(card).onLineContaining("@PrimaryKeyJoinColumn");
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.CardPayment declares identifier "
                + "cardId but is a subclass").inFile(card).onLineContaining("cardId");
        assertThat(generatedSource(c, GENERATED))
                .contains(".table(\"payment\"")
                .contains("Column.of(\"last4\", Type.varchar(255))")
                .doesNotContain("card_payment")
                .doesNotContain("card_id")
                .doesNotContain("\"kind\"");
    }

    @Test
    void aSingleTableSubclassOfAnotherPackagesRootIsLeftOut() {
        JavaFileObject root = source("com.acme.billing", "Payment", """
                @Entity
                public class Payment {
                    @Id private Long id;
                }
                """);
        JavaFileObject card = source("CardPayment", """
                @Entity
                public class CardPayment extends com.acme.billing.Payment {
                    private String last4;
                    @ElementCollection
                    private Set<String> tokens;
                }
                """);
        Compilation c = compileOne(root, card);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.CardPayment extends "
                + "com.acme.billing.Payment, the root of a SINGLE_TABLE hierarchy in package com.acme.billing, so its "
                + "columns, which belong in table payment of that package's GeneratedSchema, are left out")
                .inFile(card).onLineContaining("class CardPayment");
        assertThat(generatedSource(c, GENERATED)).doesNotContain("last4")
                .contains("ForeignKey.of(List.of(\"card_payment_id\"), \"payment\", List.of(\"id\"))");
    }

    @Test
    void anIdentityKeyInATablePerClassHierarchyIsNotAutoIncrement() {
        JavaFileObject root = source("Animal", """
                @Entity
                @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                @Table(indexes = @Index(name = "ix_animal_name", columnList = "name"))
                public abstract class Animal {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    private String name;
                }
                """);
        JavaFileObject dog = source("Dog", """
                @Entity
                public class Dog extends Animal {
                }
                """);
        JavaFileObject cat = source("Cat", """
                @Entity
                public class Cat extends Animal {
                }
                """);
        Compilation c = compileOne(root, dog, cat);

        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.Animal generates its key with "
                + "IDENTITY in a TABLE_PER_CLASS hierarchy").inFile(root).onLineContaining("@GeneratedValue");
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.Animal is abstract in a "
                + "TABLE_PER_CLASS hierarchy and has no table of its own").inFile(root).onLineContaining("@Table");
        assertThat(generatedSource(c, GENERATED))
                .contains(".table(\"cat\"")
                .contains(".table(\"dog\"")
                .doesNotContain("autoIncrement")
                .doesNotContain("ix_animal_name");
    }

    @Test
    void siblingsMappingOneColumnDifferentlyAreReported() {
        JavaFileObject root = source("Payment", """
                @Entity
                public abstract class Payment {
                    @Id private Long id;
                }
                """);
        JavaFileObject card = source("CardPayment", """
                @Entity
                public class CardPayment extends Payment {
                    @Column(length = 20) private String reference;
                    private String holder;
                }
                """);
        JavaFileObject transfer = source("Transfer", """
                @Entity
                public class Transfer extends Payment {
                    @Column(length = 34) private String reference;
                    private String holder;
                }
                """);
        Compilation c = compileOne(root, card, transfer);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaInheritance] Entity com.acme.shop.Transfer maps column reference of "
                + "table payment as").inFile(transfer).onLineContaining("class Transfer");
        assertThat(generatedSource(c, GENERATED))
                .contains("Column.of(\"reference\", Type.varchar(20))")
                .doesNotContain("Type.varchar(34)")
                .containsOnlyOnce("Column.of(\"holder\"");
    }

    @Test
    void aSubclassColumnThatRepeatsAnInheritedOneMakesTheTableInvalid() {
        JavaFileObject root = source("Payment", """
                @Entity
                public class Payment {
                    @Id private Long id;
                    private String reference;
                }
                """);
        JavaFileObject card = source("CardPayment", """
                @Entity
                public class CardPayment extends Payment {
                    @Column(name = "reference")
                    private String cardReference;
                }
                """);
        Compilation c = compileOne(root, card);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaInvalidTable] Entity com.acme.shop.CardPayment maps table payment, "
                + "which cannot be modelled: column reference is mapped twice").inFile(card)
                .onLineContaining("class CardPayment");
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
    void anAbstractTablePerClassRootWithoutIdIsReported() {
        JavaFileObject root = source("Animal", """
                @Entity
                @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                public abstract class Animal {
                    private String name;
                }
                """);
        JavaFileObject dog = source("Dog", """
                @Entity
                public class Dog extends Animal {
                }
                """);
        Compilation c = compileOne(root, dog);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaNoId] Entity com.acme.shop.Animal has no @Id").inFile(root)
                .onLineContaining("class Animal");
        assertThat(c).hadWarningContaining("table dog has no primary key");
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
    void aTableGeneratorIsNotModelled() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id
                    @GeneratedValue(strategy = GenerationType.TABLE)
                    private Long id;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaGeneratorNotModelled] Attribute id of entity com.acme.shop.Account "
                + "is generated with strategy TABLE, whose table or generator is not part of GeneratedSchema")
                .inFile(entity).onLineContaining("@GeneratedValue");
        assertThat(generatedSource(c, GENERATED)).contains("Column.of(\"id\", Type.BIGINT).primaryKey())")
                .doesNotContain(".sequence(");
    }

    @Test
    void aTableGeneratorThatAutoFindsIsNotModelledEither() {
        JavaFileObject entity = source("Account", """
                @Entity
                @TableGenerator(name = "account_ids")
                public class Account {
                    @Id
                    @GeneratedValue
                    private Long id;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaGeneratorNotModelled] Attribute id of entity com.acme.shop.Account "
                + "is generated by @TableGenerator account_ids").inFile(entity).onLineContaining("@GeneratedValue");
        assertThat(generatedSource(c, GENERATED)).doesNotContain(".sequence(");
    }

    @Test
    void aSequenceForAKeyThatIsNoNumberIsNotModelled() {
        JavaFileObject entity = source("Account", """
                @Entity
                public class Account {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private String code;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaGeneratorNotModelled] Attribute code of entity com.acme.shop.Account "
                + "is generated with strategy SEQUENCE but is not a whole number")
                .inFile(entity).onLineContaining("@GeneratedValue");
        assertThat(generatedSource(c, GENERATED)).doesNotContain(".sequence(");
    }

    @Test
    void twoGeneratorsGivingOneSequenceDifferentValuesConflict() {
        JavaFileObject alpha = source("Alpha", """
                @Entity
                public class Alpha {
                    @Id
                    @GeneratedValue
                    @SequenceGenerator(name = "ids", sequenceName = "shared_ids", allocationSize = 10)
                    private Long id;
                }
                """);
        JavaFileObject beta = source("Beta", """
                @Entity
                public class Beta {
                    @Id
                    @GeneratedValue
                    @SequenceGenerator(name = "ids", sequenceName = "shared_ids", allocationSize = 20)
                    private Long id;
                }
                """);
        Compilation c = compileOne(alpha, beta);

        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[JpaSequenceConflict] Entity com.acme.shop.Beta draws ids from sequence "
                + "shared_ids with initialValue 1 and allocationSize 20, but com.acme.shop.Alpha declares it with "
                + "initialValue 1 and allocationSize 10").inFile(beta).onLineContaining("@SequenceGenerator");
        assertThat(generatedSource(c, GENERATED)).contains(".sequence(Sequence.of(\"shared_ids\").incrementBy(10))");
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
    void aQuotedNameIsComparedBareWithAWarning() {
        JavaFileObject entity = source("Order", """
                @Entity
                @Table(name = "\\"Order\\"")
                public class Order {
                    @Id private Long id;
                    @Column(name = "`Total`", precision = 10, scale = 2)
                    private BigDecimal total;
                    @ManyToOne
                    @JoinColumn(name = "\\"Parent\\"")
                    private Order parent;
                    private String plain;
                }
                """);
        Compilation c = compileOne(entity);

        assertThat(c).succeeded();
        assertThat(c).hadWarningCount(3);
        assertThat(c).hadWarningContaining("[JpaQuotedName] Entity com.acme.shop.Order quotes the name of a table, "
                + "\"Order\", which Hibernate then keeps exact; GeneratedSchema holds every name bare, so it compares "
                + "Order").inFile(entity).onLineContaining("@Table");
        assertThat(c).hadWarningContaining("[JpaQuotedName] Entity com.acme.shop.Order quotes the name of a column, "
                + "`Total`").inFile(entity).onLineContaining("@Column(name = \"`Total`\"");
        assertThat(c).hadWarningContaining("[JpaQuotedName] Entity com.acme.shop.Order quotes the name of a join "
                + "column, \"Parent\"").inFile(entity).onLineContaining("@JoinColumn");
        // Without its quotes and as written under the spring naming, which Hibernate 7 applies to no quoted name.
        assertThat(generatedSource(c, GENERATED)).contains(".table(\"Order\"")
                .contains("Column.of(\"Total\", Type.numeric(10, 2))")
                .contains("ForeignKey.of(List.of(\"Parent\"), \"Order\", List.of(\"id\"))")
                .contains("Column.of(\"plain\"").doesNotContain("`").doesNotContain("\\\"");
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
