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
 * follow the {@code spring} naming strategy ({@code -Aretort.jpa.naming}).
 *
 * <ul>
 * <li>{@code account}: {@link com.acme.shop.Account}
 * <li>{@code account_phones}: {@link com.acme.shop.Account#phones}
 * <li>{@code account_pinned_orders}: {@link com.acme.shop.Account#pinnedOrders}
 * <li>{@code order_line}: {@link com.acme.shop.OrderLine}
 * <li>{@code orders}: {@link com.acme.shop.Order}
 * <li>{@code orders_tags}: {@link com.acme.shop.Order#tags}
 * <li>{@code payment}: {@link com.acme.shop.Payment}, {@link com.acme.shop.BankTransfer}, {@link com.acme.shop.CardPayment}
 * <li>{@code tag}: {@link com.acme.shop.Tag}
 * <li>sequence {@code order_line_seq}: ids of {@link com.acme.shop.OrderLine}
 * </ul>
 */
@Generated("dev.retort.processor.EntitySchemaProcessor")
public final class GeneratedSchema {
    /**
     * The schema the entities map to: tables in table-name order, then sequences by name.
     */
    public static final Metadata METADATA = Metadata.builder()
            .unquotedNames()
            .table("account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("version", Type.BIGINT).notNull())
                    .column(Column.of("email", Type.varchar(200)).notNull())
                    .column(Column.of("tenant", Type.varchar(40)).notNull())
                    .column(Column.of("status", Type.varchar(20)).notNull())
                    .column(Column.of("tier", Type.SMALLINT))
                    .column(Column.of("previous_tier", Type.SMALLINT))
                    .column(Column.of("created_at", Type.TIMESTAMP_TZ))
                    .column(Column.of("birth_date", Type.DATE))
                    .column(Column.of("active", Type.BOOLEAN).notNull())
                    .column(Column.of("verified", Type.BOOLEAN))
                    .column(Column.of("external_id", Type.UUID))
                    .column(Column.of("notes", Type.TEXT))
                    .column(Column.of("avatar", Type.BINARY))
                    .column(Column.of("fingerprint", Type.varbinary(255)))
                    .index("ix_account_created", "created_at")
                    .unique(UniqueConstraint.of("tenant", "email").named("uq_account_tenant_email")))
            .table("account_phones", t -> t
                    .column(Column.of("account_id", Type.BIGINT).notNull())
                    .column(Column.of("phones", Type.varchar(255)))
                    .unique(UniqueConstraint.of("account_id", "phones"))
                    .foreignKey(ForeignKey.of(List.of("account_id"), "account", List.of("id"))))
            .table("account_pinned_orders", t -> t
                    .column(Column.of("account_id", Type.BIGINT).notNull())
                    .column(Column.of("pinned_orders_id", Type.BIGINT).notNull())
                    .primaryKey(PrimaryKey.of("pinned_orders_id"))
                    .foreignKey(ForeignKey.of(List.of("account_id"), "account", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("pinned_orders_id"), "orders", List.of("id"))))
            .table("order_line", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("order_id", Type.BIGINT).notNull())
                    .column(Column.of("quantity", Type.INTEGER).notNull())
                    .column(Column.of("position", Type.SMALLINT).notNull())
                    .column(Column.of("unit_amount", Type.numeric(12, 2)))
                    .column(Column.of("currency", Type.varchar(3)))
                    .column(Column.of("discount", Type.numeric(38, 2)))
                    .column(Column.of("weight", Type.DOUBLE).notNull())
                    .column(Column.of("discount_rate", Type.REAL).notNull())
                    .column(Column.of("size_code", Type.character(1)))
                    .column(Column.of("delivery_window", Type.TIME))
                    .foreignKey(ForeignKey.of(List.of("order_id"), "orders", List.of("id"))))
            .table("orders", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("version", Type.BIGINT).notNull())
                    .column(Column.of("account_id", Type.BIGINT).notNull())
                    .column(Column.of("billing_account_id", Type.BIGINT))
                    .column(Column.of("placed_at", Type.TIMESTAMP).notNull())
                    .column(Column.of("shipped_at", Type.TIMESTAMP_TZ))
                    .column(Column.of("total", Type.numeric(12, 2)).notNull())
                    .index("IDXruga61cmei4vfs3hvr5flaxbr", "placed_at")
                    .foreignKey(ForeignKey.of(List.of("account_id"), "account", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("billing_account_id"), "account", List.of("id"))))
            .table("orders_tags", t -> t
                    .column(Column.of("orders_id", Type.BIGINT).notNull())
                    .column(Column.of("tags_id", Type.BIGINT).notNull())
                    .primaryKey(PrimaryKey.of("orders_id", "tags_id"))
                    .foreignKey(ForeignKey.of(List.of("orders_id"), "orders", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("tags_id"), "tag", List.of("id"))))
            .table("payment", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("amount", Type.numeric(12, 2)).notNull())
                    .column(Column.of("paid_at", Type.TIMESTAMP_TZ))
                    .column(Column.of("payment_type", Type.varchar(20)).notNull())
                    .column(Column.of("iban", Type.varchar(34)))
                    .column(Column.of("last4", Type.varchar(4)))
                    .column(Column.of("expiry_month", Type.INTEGER))
                    .column(Column.of("card_holder_id", Type.BIGINT))
                    .column(Column.of("order_id", Type.BIGINT))
                    .index("ix_payment_paid_at", "paid_at")
                    .foreignKey(ForeignKey.of(List.of("card_holder_id"), "account", List.of("id")))
                    .foreignKey(ForeignKey.of(List.of("order_id"), "orders", List.of("id"))))
            .table("tag", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("name", Type.varchar(50)).notNull().unique()))
            .sequence(Sequence.of("order_line_seq").incrementBy(50))
            .build();

    private GeneratedSchema() {
    }
}
