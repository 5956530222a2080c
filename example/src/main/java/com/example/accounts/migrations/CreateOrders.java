package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;
import java.util.List;

/** Create the orders table, each order belonging to an account. */
@Revision(id = "3512b954651e", downRevision = "2b1ae634e5cd")
public final class CreateOrders implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("orders",
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("account_id", Type.BIGINT).notNull(),
                Column.of("total", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)),
                Column.of("placed_at", Type.TIMESTAMP).notNull().serverDefault(Expr.currentTimestamp()));
        op.createForeignKey("fk_orders_account", "orders", "account", List.of("account_id"), List.of("id"));
        op.createIndex("ix_orders_account_id", "orders", "account_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("orders");
    }
}
