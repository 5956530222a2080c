package com.acme.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Create the account table. */
@Revision(id = "1a2b3c4d5e6f")
public final class CreateAccount implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("account",
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("name", Type.varchar(100)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("account");
    }
}
