package dev.retort.spring.boot.sample;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Add the customer's email address. */
@Revision(id = "6b2d1f8e3ca1", downRevision = "5a1c0e7d2b90")
public final class AddCustomerEmail implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("customer", Column.of("email", Type.varchar(200)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("customer", "email");
    }
}
