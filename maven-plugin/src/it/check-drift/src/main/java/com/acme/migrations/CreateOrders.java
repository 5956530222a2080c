package com.acme.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Create the orders table. */
@Revision(id = "2b3c4d5e6f70", downRevision = "1a2b3c4d5e6f")
public final class CreateOrders implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("orders",
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("account_id", Type.BIGINT).notNull());
        op.createSequence("orders_seq", s -> s.incrementBy(50));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropSequence("orders_seq");
        op.dropTable("orders");
    }
}
