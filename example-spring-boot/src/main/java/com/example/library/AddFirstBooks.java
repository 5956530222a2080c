package com.example.library;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;

/** Add the first books. */
@Revision(id = "1a5b9d3f7c24", downRevision = "0f4a8c2e6b13")
public final class AddFirstBooks implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO book (title, author) VALUES (?, ?)", "Notes on the Analytical Engine", "Ada Lovelace");
        op.execute("INSERT INTO book (title, author) VALUES (?, ?)", "The Education of a Computer", "Grace Hopper");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM book");
    }
}
