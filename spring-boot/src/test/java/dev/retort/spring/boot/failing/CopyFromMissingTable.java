package dev.retort.spring.boot.failing;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;

/** Copy entries from a table that does not exist. */
@Revision(id = "b21d5f3a0c42", downRevision = "a10c4e2f9b31")
public final class CopyFromMissingTable implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO ledger (id) SELECT id FROM no_such_table");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM ledger");
    }
}
