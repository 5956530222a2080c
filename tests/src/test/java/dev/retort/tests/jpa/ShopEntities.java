package dev.retort.tests.jpa;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A realistic entity set as compile-testing sources, package {@code com.acme.shop}: accounts
 * with an element collection, orders with two many-to-one references and a many-to-many tag
 * join table, order lines with an embedded money value, both kinds of {@code @Enumerated},
 * {@code @Lob}, {@code @Version}, a mapped superclass, indexes and unique constraints on
 * {@code @Table}, a SINGLE_TABLE payment hierarchy with a named discriminator (H2 reads an
 * all-upper-case name such as Hibernate's default {@code DTYPE} back in lower case, so the
 * default is tested apart), order lines numbered by Hibernate's default sequence, and unidirectional {@code @OneToMany}
 * attributes: order payments by join column, an account's pinned orders by join table.
 */
final class ShopEntities {

    static final String PKG = "com.acme.shop";

    private ShopEntities() {}

    static List<JavaFileObject> all() {
        return List.of(baseEntity(), account(), order(), orderLine(), money(), tag(), status(), tier(), payment(),
                cardPayment(), bankTransfer());
    }

    static JavaFileObject baseEntity() {
        return source("BaseEntity", """
                @MappedSuperclass
                public abstract class BaseEntity {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    protected Long id;

                    @Version
                    protected long version;
                }
                """);
    }

    static JavaFileObject account() {
        return source("Account", """
                @Entity
                @Table(
                        indexes = @Index(name = "ix_account_created", columnList = "createdAt DESC"),
                        uniqueConstraints = @UniqueConstraint(name = "uq_account_tenant_email",
                                columnNames = {"tenant", "email"}))
                public class Account extends BaseEntity {
                    private static final long serialVersionUID = 1L;

                    @Column(nullable = false, length = 200)
                    private String email;

                    @Column(length = 40, nullable = false)
                    private String tenant;

                    @Enumerated(EnumType.STRING)
                    @Column(length = 20, nullable = false)
                    private Status status;

                    @Enumerated(EnumType.ORDINAL)
                    private Tier tier;

                    private Tier previousTier;

                    private Instant createdAt;

                    private LocalDate birthDate;

                    private boolean active;

                    private Boolean verified;

                    private UUID externalId;

                    @Lob
                    private String notes;

                    @Lob
                    private byte[] avatar;

                    private byte[] fingerprint;

                    @ElementCollection
                    private Set<String> phones = new HashSet<>();

                    @OneToMany
                    private Set<Order> pinnedOrders = new HashSet<>();

                    private transient String displayCache;

                    @Transient
                    private String displayName;
                }
                """);
    }

    static JavaFileObject order() {
        return source("Order", """
                @Entity
                @Table(name = "orders", indexes = @Index(columnList = "placedAt"))
                public class Order extends BaseEntity {
                    @ManyToOne(optional = false)
                    @JoinColumn(name = "account_id")
                    private Account account;

                    @ManyToOne
                    private Account billingAccount;

                    @Column(nullable = false)
                    private LocalDateTime placedAt;

                    private OffsetDateTime shippedAt;

                    @Column(precision = 12, scale = 2, nullable = false)
                    private BigDecimal total;

                    @ManyToMany
                    private Set<Tag> tags = new HashSet<>();

                    @OneToMany(mappedBy = "order")
                    private List<OrderLine> lines = new ArrayList<>();

                    @OneToMany
                    @JoinColumn(name = "order_id")
                    private List<Payment> payments = new ArrayList<>();
                }
                """);
    }

    static JavaFileObject payment() {
        return source("Payment", """
                @Entity
                @Table(indexes = @Index(name = "ix_payment_paid_at", columnList = "paidAt"))
                @DiscriminatorColumn(name = "payment_type", length = 20)
                public abstract class Payment {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;

                    @Column(precision = 12, scale = 2, nullable = false)
                    private BigDecimal amount;

                    private Instant paidAt;
                }
                """);
    }

    static JavaFileObject cardPayment() {
        return source("CardPayment", """
                @Entity
                public class CardPayment extends Payment {
                    @Column(length = 4)
                    private String last4;

                    private int expiryMonth;

                    @ManyToOne
                    private Account cardHolder;
                }
                """);
    }

    static JavaFileObject bankTransfer() {
        return source("BankTransfer", """
                @Entity
                public class BankTransfer extends Payment {
                    @Column(length = 34)
                    private String iban;
                }
                """);
    }

    static JavaFileObject orderLine() {
        return source("OrderLine", """
                @Entity
                public class OrderLine {
                    @Id
                    @GeneratedValue
                    private Long id;

                    @ManyToOne(optional = false)
                    private Order order;

                    private int quantity;

                    private short position;

                    @Embedded
                    @AttributeOverride(name = "amount", column = @Column(name = "unit_amount", precision = 12, scale = 2))
                    private Money unitPrice;

                    private BigDecimal discount;

                    private double weight;

                    private float discountRate;

                    private Character sizeCode;

                    private LocalTime deliveryWindow;
                }
                """);
    }

    static JavaFileObject money() {
        return source("Money", """
                @Embeddable
                public class Money {
                    private BigDecimal amount;

                    @Column(length = 3)
                    private String currency;
                }
                """);
    }

    static JavaFileObject tag() {
        return source("Tag", """
                @Entity
                public class Tag {
                    @Id
                    private Long id;

                    @Column(nullable = false, unique = true, length = 50)
                    private String name;

                    @ManyToMany(mappedBy = "tags")
                    private Set<Order> orders = new HashSet<>();
                }
                """);
    }

    static JavaFileObject status() {
        return source("Status", """
                public enum Status { NEW, ACTIVE, CLOSED }
                """);
    }

    static JavaFileObject tier() {
        return source("Tier", """
                public enum Tier { FREE, PRO }
                """);
    }

    /** A class of {@code com.acme.shop} with JPA, java.time, java.math and java.util imported. */
    static JavaFileObject source(String simpleName, String body) {
        return source(PKG, simpleName, body);
    }

    static JavaFileObject source(String pkg, String simpleName, String body) {
        return JavaFileObjects.forSourceString(pkg + "." + simpleName, """
                package %s;

                import jakarta.persistence.*;
                import java.math.BigDecimal;
                import java.time.*;
                import java.util.*;

                %s""".formatted(pkg, body));
    }
}
