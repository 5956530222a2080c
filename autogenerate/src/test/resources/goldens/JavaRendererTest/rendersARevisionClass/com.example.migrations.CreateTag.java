package com.example.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** create tag */
@Revision(id = "3f2a9c1d7e4b", downRevision = "1f3a9c2e7b10")
public final class CreateTag implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("tag",
                Column.of("id", Type.INTEGER).primaryKey(),
                Column.of("label", Type.varchar(30)).notNull().unique());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("tag");
    }
}
