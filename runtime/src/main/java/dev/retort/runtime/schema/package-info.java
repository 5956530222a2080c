/**
 * The schema vocabulary migrations are written in: portable column {@link
 * dev.retort.runtime.schema.Type types}, {@link dev.retort.runtime.schema.Column column}
 * definitions and server-default {@link dev.retort.runtime.schema.Expr expressions}.
 * Every value is immutable; each dialect maps it to its own SQL.
 *
 * <pre>{@code
 * op.createTable("account",
 *     Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
 *     Column.of("name", Type.varchar(50)).notNull(),
 *     Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()));
 * }</pre>
 */
package dev.retort.runtime.schema;
