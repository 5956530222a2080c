package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;

/**
 * Start the audit branch with a log of account changes. It grows beside the orders work
 * and is merged back by {@link MergeAudit}; {@code audit@head} addresses it alone.
 */
@Revision(id = "5e0b8d14c6a2", downRevision = "2b1ae634e5cd", branchLabels = "audit")
public final class CreateAuditLog implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("audit_log",
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("account_id", Type.BIGINT).notNull(),
                Column.of("action", Type.varchar(40)).notNull(),
                Column.of("recorded_at", Type.TIMESTAMP).notNull().serverDefault(Expr.currentTimestamp()));
        op.createIndex("ix_audit_log_account_id", "audit_log", "account_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("audit_log");
    }
}
