package com.example.accounts;

import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Type;
import java.util.List;

/**
 * The schema the application expects, declared once in Java: {@code MigrationsTest} proves the
 * revisions build exactly this (a team with JPA entities would use the processor's {@code
 * GeneratedSchema} instead).
 */
public final class AccountsModel {

    /** Accounts, their orders, and the audit log. */
    public static final Metadata METADATA = Metadata.builder()
            .table("account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("name", Type.varchar(50)).notNull())
                    .column(Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault(Expr.currentTimestamp()))
                    .column(Column.of("email", Type.varchar(255)))
                    .uniqueIndex("ix_account_email", "email"))
            .table("orders", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("account_id", Type.BIGINT).notNull())
                    .column(Column.of("total", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)))
                    .column(Column.of("placed_at", Type.TIMESTAMP).notNull().serverDefault(Expr.currentTimestamp()))
                    .column(Column.of("status", Type.varchar(40)).notNull().serverDefault(Expr.literal("new")))
                    .column(Column.of("currency", Type.varchar(3)).notNull().serverDefault(Expr.literal("EUR")))
                    .foreignKey(ForeignKey.of(List.of("account_id"), "account", List.of("id")).named("fk_orders_account"))
                    .index("ix_orders_account_id", "account_id")
                    .check(CheckConstraint.of("total >= 0").named("ck_orders_total_not_negative")))
            .table("audit_log", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("account_id", Type.BIGINT).notNull())
                    .column(Column.of("action", Type.varchar(40)).notNull())
                    .column(Column.of("recorded_at", Type.TIMESTAMP).notNull().serverDefault(Expr.currentTimestamp()))
                    .index("ix_audit_log_account_id", "account_id"))
            .build();

    private AccountsModel() {
    }
}
