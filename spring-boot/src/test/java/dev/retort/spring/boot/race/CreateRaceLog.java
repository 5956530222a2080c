package dev.retort.spring.boot.race;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;

/** Create the table each later revision writes one row to when it runs. */
@Revision(id = "c1e0a7b3d520")
public final class CreateRaceLog implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("race_log", Column.of("revision", Type.varchar(32)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("race_log");
    }
}
