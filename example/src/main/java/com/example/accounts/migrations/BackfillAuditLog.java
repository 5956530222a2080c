package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** Give every account that existed before the audit log an "imported" audit entry. */
@Revision(id = "7d24e6b9a1c8", downRevision = "6a91f3c0d5b7")
public final class BackfillAuditLog implements Migration {

    @Override
    public void upgrade(Operations op) throws Exception {
        // A data migration: it runs on the migration's own connection and transaction.
        try (Statement select = op.connection().createStatement();
             ResultSet accounts = select.executeQuery(
                     "SELECT a.id FROM account a WHERE NOT EXISTS "
                             + "(SELECT 1 FROM audit_log l WHERE l.account_id = a.id AND l.action = 'imported')");
             PreparedStatement insert = op.connection().prepareStatement(
                     "INSERT INTO audit_log (account_id, action) VALUES (?, 'imported')")) {
            while (accounts.next()) {
                insert.setLong(1, accounts.getLong(1));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM audit_log WHERE action = 'imported'");
    }
}
