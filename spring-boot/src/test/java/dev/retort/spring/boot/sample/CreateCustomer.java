package dev.retort.spring.boot.sample;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Create the customer table. */
@Revision(id = "5a1c0e7d2b90")
public final class CreateCustomer implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("name", Type.varchar(100)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
