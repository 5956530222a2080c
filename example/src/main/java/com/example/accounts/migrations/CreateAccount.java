package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;

/** Create the account table. */
@Revision(id = "1f3a9c2e7b10")
public final class CreateAccount implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("account",
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("name", Type.varchar(50)).notNull(),
                Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault(Expr.currentTimestamp()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("account");
    }
}
