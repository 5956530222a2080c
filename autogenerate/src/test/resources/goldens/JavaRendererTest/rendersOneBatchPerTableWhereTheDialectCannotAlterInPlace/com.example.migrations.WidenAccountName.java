package com.example.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.schema.Type;

/** widen account name */
@Revision(id = "7c1e2b9a4d30", downRevision = "3f2a9c1d7e4b")
public final class WidenAccountName implements Migration {

    @Override
    public void upgrade(Operations op) {
        // CHECK: Makes account.name NOT NULL: this fails while a row holds NULL there. Fill those rows first (op.execute("UPDATE …")).
        op.batchAlterTable("account", batch -> batch
                .alterColumn("name", c -> c.type(Type.varchar(100))
                        .nullable(false)
                        .existingType(Type.varchar(50))
                        .existingNullable(true)
                        .existingNoServerDefault())
                .createUniqueConstraint("uq_account_name", "name"));
    }

    @Override
    public void downgrade(Operations op) {
        op.batchAlterTable("account", batch -> batch
                .dropConstraint("uq_account_name", ConstraintType.UNIQUE)
                .alterColumn("name", c -> c.type(Type.varchar(50))
                        .nullable(true)
                        .existingType(Type.varchar(100))
                        .existingNullable(false)
                        .existingNoServerDefault()));
    }
}
