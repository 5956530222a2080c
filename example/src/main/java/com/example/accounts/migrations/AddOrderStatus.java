package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;

/** Track where each order is in its life. */
@Revision(id = "4c7d20a9e3f1", downRevision = "3512b954651e")
public final class AddOrderStatus implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("orders", Column.of("status", Type.varchar(20)).notNull().serverDefault(Expr.literal("new")));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("orders", "status");
    }
}
