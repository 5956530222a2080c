package dev.retort.spring.boot.failing;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Create the ledger table. */
@Revision(id = "a10c4e2f9b31")
public final class CreateLedger implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("ledger", Column.of("id", Type.BIGINT).primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("ledger");
    }
}
