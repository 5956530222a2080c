package com.acme.model;

import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;

/**
 * The model has gained account.email, which no revision adds yet. It also declares what the
 * default comparison leaves alone: a named check and a table in the schema audit (compared
 * only with compareCheckConstraints and includeSchemas), and orders_seq with another increment
 * than the database's (a note, never a failure).
 */
public final class Schema {

    public static final Metadata METADATA = Metadata.builder()
            .table("account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("name", Type.varchar(100)).notNull())
                    .column(Column.of("email", Type.varchar(255)))
                    .check(CheckConstraint.of("name <> ''").named("ck_account_name")))
            .table("orders", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .column(Column.of("account_id", Type.BIGINT).notNull()))
            .table(Table.builder("event").schema("audit")
                    .column(Column.of("id", Type.BIGINT).primaryKey())
                    .build())
            .sequence(Sequence.of("orders_seq").incrementBy(10))
            .build();

    private Schema() {
    }
}
