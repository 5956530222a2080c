package com.acme.shop;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The tables and sequences of the JPA entities of package {@code com.acme.shop}, as a Retort schema
 * model: the target of {@code retort revision --autogenerate} and {@code retort check}. Names
 * follow the {@code hibernate} naming strategy ({@code -Aretort.jpa.naming}).
 *
 * <ul>
 * <li>{@code Account}: {@link com.acme.shop.Account}
 * <li>{@code Account_phones}: {@link com.acme.shop.Account#phones}
 * <li>{@code Account_orders}: {@link com.acme.shop.Account#pinnedOrders}
 * <li>{@code OrderLine}: {@link com.acme.shop.OrderLine}
 * <li>{@code Payment}: {@link com.acme.shop.Payment}, {@link com.acme.shop.BankTransfer}, {@link com.acme.shop.CardPayment}
 * <li>{@code Tag}: {@link com.acme.shop.Tag}
 * <li>{@code orders}: {@link com.acme.shop.Order}
 * <li>{@code orders_Tag}: {@link com.acme.shop.Order#tags}
 * <li>sequence {@code OrderLine_SEQ}: ids of {@link com.acme.shop.OrderLine}
 * </ul>
 */
@Generated("dev.retort.processor.EntitySchemaProcessor")
public final class GeneratedSchema {
    /**
     * The schema the entities map to: tables in table-name order, then sequences by name.
     */
    public static final Metadata METADATA = Metadata.builder()
            .unquotedNames()
            .table("Account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("version", Type.BIGINT).notNull())
                    .column(Column.of("email", Type.varchar(200)).notNull())
                    .column(Column.of("tenant", Type.varchar(40)).notNull())
                    .column(Column.of("status", Type.varchar(20)).notNull())
                    .column(Column.of("tier", Type.SMALLINT))
                    .column(Column.of("previousTier", Type.SMALLINT))
                    .column(Column.of("createdAt", Type.TIMESTAMP_TZ))
                    .column(Column.of("birthDate", Type.DATE))
                    .column(Column.of("active", Type.BOOLEAN).notNull())
                    .column(Column.of("verified", Type.BOOLEAN))
                    .column(Column.of("externalId", Type.UUID))
                    .column(Column.of("notes", Type.TEXT))
                    .column(Column.of("avatar", Type.BINARY))
                    .column(Column.of("fingerprint", Type.varbinary(255)))
                    .index("ix_account_created", "createdAt")
                    .unique(UniqueConstraint.of("tenant", "email").named("uq_account_tenant_email")))
            .table("Account_phones", t -> t
                    .column(Column.of("Account_id", Type.BIGINT).notNull())
                    .column(Column.of("phones", Type.varchar(255)))
                    .unique(UniqueConstraint.of("Account_id", "phones"))
                    .foreignKey(ForeignKey.of(List.of("Account_id"), "Account", List.of("id"))))
            .table("Account_orders", t -> t
                    .column(Column.of("Account_id", Type.BIGINT).notNull())
                    .column(Column.of("pinnedOrders_id", Type.BIGINT).notNull())
                    .primaryKey(PrimaryKey.of("pinnedOrders_id"))
                    .foreignKey(ForeignKey.of(List.of("Account_id"), "Account", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("pinnedOrders_id"), "orders", List.of("id"))))
            .table("OrderLine", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("order_id", Type.BIGINT).notNull())
                    .column(Column.of("quantity", Type.INTEGER).notNull())
                    .column(Column.of("position", Type.SMALLINT).notNull())
                    .column(Column.of("unit_amount", Type.numeric(12, 2)))
                    .column(Column.of("currency", Type.varchar(3)))
                    .column(Column.of("discount", Type.numeric(38, 2)))
                    .column(Column.of("weight", Type.DOUBLE).notNull())
                    .column(Column.of("discountRate", Type.REAL).notNull())
                    .column(Column.of("sizeCode", Type.character(1)))
                    .column(Column.of("deliveryWindow", Type.TIME))
                    .foreignKey(ForeignKey.of(List.of("order_id"), "orders", List.of("id"))))
            .table("Payment", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("amount", Type.numeric(12, 2)).notNull())
                    .column(Column.of("paidAt", Type.TIMESTAMP_TZ))
                    .column(Column.of("payment_type", Type.varchar(20)).notNull())
                    .column(Column.of("iban", Type.varchar(34)))
                    .column(Column.of("last4", Type.varchar(4)))
                    .column(Column.of("expiryMonth", Type.INTEGER))
                    .column(Column.of("cardHolder_id", Type.BIGINT))
                    .column(Column.of("order_id", Type.BIGINT))
                    .index("ix_payment_paid_at", "paidAt")
                    .foreignKey(ForeignKey.of(List.of("cardHolder_id"), "Account", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("order_id"), "orders", List.of("id"))))
            .table("Tag", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("name", Type.varchar(50)).notNull().unique()))
            .table("orders", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("version", Type.BIGINT).notNull())
                    .column(Column.of("account_id", Type.BIGINT).notNull())
                    .column(Column.of("billingAccount_id", Type.BIGINT))
                    .column(Column.of("placedAt", Type.TIMESTAMP).notNull())
                    .column(Column.of("shippedAt", Type.TIMESTAMP_TZ))
                    .column(Column.of("total", Type.numeric(12, 2)).notNull())
                    .index("IDXruga61cmei4vfs3hvr5flaxbr", "placedAt")
                    .foreignKey(ForeignKey.of(List.of("account_id"), "Account", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("billingAccount_id"), "Account", List.of("id"))))
            .table("orders_Tag", t -> t
                    .column(Column.of("orders_id", Type.BIGINT).notNull())
                    .column(Column.of("tags_id", Type.BIGINT).notNull())
                    .primaryKey(PrimaryKey.of("orders_id", "tags_id"))
                    .foreignKey(ForeignKey.of(List.of("orders_id"), "orders", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("tags_id"), "Tag", List.of("id"))))
            .sequence(Sequence.of("OrderLine_SEQ").incrementBy(50))
            .build();

    private GeneratedSchema() {
    }
}
