package com.acme.model;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Type;

/** The model has gained account.email, which no revision adds yet. */
public final class Schema {

    public static final Metadata METADATA = Metadata.builder()
            .table("account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("name", Type.varchar(100)).notNull())
                    .column(Column.of("email", Type.varchar(255))))
            .table("orders", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("account_id", Type.BIGINT).notNull()))
            .build();

    private Schema() {
    }
}
