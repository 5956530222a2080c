package com.acme.model;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Type;

/** The schema the application expects: what retort:check compares the database with. */
public final class Schema {

    public static final Metadata METADATA = Metadata.builder()
            .table("account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("name", Type.varchar(100)).notNull()))
            .table("orders", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("account_id", Type.BIGINT).notNull()))
            .build();

    private Schema() {
    }
}
