package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Add an email address to accounts, unique when present. */
@Revision(id = "2b1ae634e5cd", downRevision = "1f3a9c2e7b10")
public final class AddAccountEmail implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("account", Column.of("email", Type.varchar(255)));
        op.createUniqueIndex("ix_account_email", "account", "email");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_account_email", "account");
        op.dropColumn("account", "email");
    }
}
