package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;

/**
 * Give orders a longer status, a currency and a check on the total, as one batch.
 *
 * <p>A batch keeps several changes to one table together. On H2, PostgreSQL and MariaDB
 * they run in place; on SQLite, which cannot alter a column or add a constraint, the
 * table is rebuilt by "move and copy" with every row kept. The existing-type hints let
 * MariaDB rewrite a column without losing what did not change.
 */
@Revision(id = "8e3b5f1a2c90", downRevision = "7d24e6b9a1c8")
public final class TightenOrders implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.batchAlterTable("orders", batch -> batch
                .alterColumn("status", c -> c.type(Type.varchar(40))
                        .existingType(Type.varchar(20)).existingNullable(false).existingServerDefault(Expr.literal("new")))
                .addColumn(Column.of("currency", Type.varchar(3)).notNull().serverDefault(Expr.literal("EUR")))
                .createCheckConstraint("ck_orders_total_not_negative", "total >= 0"));
    }

    @Override
    public void downgrade(Operations op) {
        op.batchAlterTable("orders", batch -> batch
                .dropConstraint("ck_orders_total_not_negative")
                .dropColumn("currency")
                .alterColumn("status", c -> c.type(Type.varchar(20))
                        .existingType(Type.varchar(40)).existingNullable(false).existingServerDefault(Expr.literal("new"))));
    }
}
