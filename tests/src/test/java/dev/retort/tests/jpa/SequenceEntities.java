package dev.retort.tests.jpa;

import static dev.retort.tests.jpa.ShopEntities.source;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Entities whose keys Hibernate 7 draws from sequences, one per way it names and finds them:
 * the default {@code @GeneratedValue} on a table named apart from its entity, a field's
 * {@code @SequenceGenerator} with its own sequence name, start and allocation size, a generator
 * name no generator declares here, a mapped superclass's generator two entities share, a class's
 * generator that an unnamed {@code @GeneratedValue} takes, and, in package
 * {@value #BILLING}, a {@code package-info} generator its entities take with or without naming it.
 */
final class SequenceEntities {

    /** The package whose {@code package-info} declares a generator. */
    static final String BILLING = "com.acme.billing";

    private SequenceEntities() {}

    /** The entities of {@link ShopEntities#PKG}. */
    static List<JavaFileObject> shop() {
        return List.of(
                source("Invoice", """
                        @Entity
                        @Table(name = "InvoiceHeader")
                        public class Invoice {
                            @Id @GeneratedValue private Long id;
                            @Column(length = 20) private String number;
                        }
                        """),
                source("Receipt", """
                        @Entity
                        public class Receipt {
                            @Id
                            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receipt_gen")
                            @SequenceGenerator(name = "receipt_gen", sequenceName = "ReceiptNumbers",
                                    initialValue = 1000, allocationSize = 10)
                            private Long id;
                            private int amount;
                        }
                        """),
                // Hibernate 7 looks a generator name up on the field, the class and the package only:
                // Receipt's receipt_gen is not found here, so the name becomes the sequence's.
                source("Stamp", """
                        @Entity
                        public class Stamp {
                            @Id @GeneratedValue(generator = "receipt_gen") private Long id;
                        }
                        """),
                source("Numbered", """
                        @MappedSuperclass
                        @SequenceGenerator(name = "numbered", sequenceName = "document_numbers", allocationSize = 1)
                        public abstract class Numbered {
                            @Id @GeneratedValue(generator = "numbered") protected Integer id;
                        }
                        """),
                source("Badge", """
                        @Entity
                        public class Badge extends Numbered {
                            private int percent;
                        }
                        """),
                source("GiftCard", """
                        @Entity
                        public class GiftCard extends Numbered {
                            private BigDecimal amount;
                        }
                        """),
                source("Ticket", """
                        @Entity
                        @SequenceGenerator(name = "ticket_gen")
                        public class Ticket {
                            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                        }
                        """));
    }

    /** Package {@link #BILLING}: its {@code package-info} generator and two entities that use it. */
    static List<JavaFileObject> billing() {
        return List.of(
                JavaFileObjects.forSourceString(BILLING + ".package-info", """
                        @SequenceGenerator(name = "billing_ids", sequenceName = "BillingIds", allocationSize = 20)
                        package com.acme.billing;

                        import jakarta.persistence.SequenceGenerator;
                        """),
                source(BILLING, "Bill", """
                        @Entity
                        public class Bill {
                            @Id @GeneratedValue private Long id;
                        }
                        """),
                source(BILLING, "Fee", """
                        @Entity
                        public class Fee {
                            @Id @GeneratedValue(generator = "billing_ids") private Long id;
                        }
                        """));
    }
}
