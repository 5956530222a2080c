package dev.retort.spring.boot.sample;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;

/** Seed the first customer. */
@Revision(id = "7c3e2a9f4db2", downRevision = "6b2d1f8e3ca1")
public final class SeedFirstCustomer implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO customer (name, email) VALUES (?, ?)", "Ada Lovelace", "ada@example.com");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM customer WHERE name = ?", "Ada Lovelace");
    }
}
