package com.example.library;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Create the book table. */
@Revision(id = "0f4a8c2e6b13")
public final class CreateBook implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("book",
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("title", Type.varchar(200)).notNull(),
                Column.of("author", Type.varchar(100)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("book");
    }
}
