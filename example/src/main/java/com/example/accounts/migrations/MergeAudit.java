package com.example.accounts.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;

/** Merge the audit branch back into the main line. */
@Revision(id = "6a91f3c0d5b7", downRevision = {"4c7d20a9e3f1", "5e0b8d14c6a2"})
public final class MergeAudit implements Migration {

    @Override
    public void upgrade(Operations op) {
        // A merge point joins two lines of history; it changes nothing by itself.
    }

    @Override
    public void downgrade(Operations op) {
    }
}
