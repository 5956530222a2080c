package dev.retort.runtime.dialect;

import dev.retort.runtime.schema.Type;

/**
 * H2 2.x. H2 commits the open transaction around DDL statements, so it has no
 * transactional DDL: a failing migration's data changes roll back, its earlier DDL stays.
 *
 * <p>Differs from standard SQL in its types: {@code TEXT} is {@code CHARACTER VARYING}
 * without a length (indexable, unlike a {@code CLOB}), unbounded binary is {@code BINARY
 * VARYING}, and {@code TIME} is {@code TIME(6)} because H2's default precision drops
 * fractional seconds (PostgreSQL keeps microseconds).
 */
public class H2Dialect extends Dialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    protected String renderType(Type type) {
        return switch (type.kind()) {
            case TEXT -> "CHARACTER VARYING";
            case TIME -> "TIME(6)";
            case BINARY -> type.length().isPresent() ? super.renderType(type) : "BINARY VARYING";
            default -> super.renderType(type);
        };
    }

    /** H2's own form: {@code ALTER TABLE t ALTER COLUMN c RENAME TO n}. */
    @Override
    protected String renderRenameColumn(String table, String column, String newName) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " RENAME TO " + quote(newName);
    }

    // ---- Indexes with options, bulk inserts, statement parameters and literals (ops2) ----

    /**
     * {@code ? FORMAT JSON} for a JSON value: without it H2 turns a bound string into a JSON
     * string ({@code "{\"a\": 1}"}) instead of parsing it.
     */
    @Override
    protected String renderParameterMarker(Type type) {
        return type != null && type.kind() == Type.Kind.JSON ? "? FORMAT JSON" : super.renderParameterMarker(type);
    }
}
