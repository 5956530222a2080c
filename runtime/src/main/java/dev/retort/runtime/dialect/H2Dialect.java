package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * H2 2.x. H2 commits the open transaction around DDL statements, so it has no
 * transactional DDL: a failing migration's data changes roll back, its earlier DDL stays.
 *
 * <p>Differs from standard SQL in its types: {@code TEXT} is {@code CHARACTER VARYING}
 * without a length (indexable, unlike a {@code CLOB}), unbounded binary is {@code BINARY
 * VARYING}, and {@code TIME} is {@code TIME(6)} because H2's default precision drops
 * fractional seconds (PostgreSQL keeps microseconds).
 *
 * <p>H2 folds bare names to upper case: {@code account} is stored and reported as {@code
 * ACCOUNT}, so a quoted name is a different name unless it is written in upper case. It
 * quotes only H2's own keywords for that reason (see {@link #reservedWords()}).
 */
public class H2Dialect extends Dialect {

    /** Creates the H2 dialect. */
    public H2Dialect() {
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * H2's keywords alone, not SQL:2016's reserved words: H2 accepts {@code date}, {@code
     * count} or {@code value_of} bare, and quoting them would store them in lower case,
     * where a query that does not quote them (as H2 and Hibernate write it) would not find
     * them.
     */
    @Override
    protected Set<String> reservedWords() {
        return ReservedWords.H2;
    }

    /** {@code createdAt} is stored {@code CREATEDAT}, read as {@code createdat}. */
    @Override
    public String foldUnquotedName(String name) {
        return lowerCaseIfBare(name);
    }

    /** {@code ACCOUNT} is {@code account}; a name stored in any other case was quoted and stays as it is. */
    @Override
    public String normalizeName(String reported) {
        String lower = reported.toLowerCase(Locale.ROOT);
        return reported.equals(reported.toUpperCase(Locale.ROOT)) && !requiresQuoting(lower) ? lower : reported;
    }

    /** {@code account} is {@code ACCOUNT}; a name that needs quoting is stored as written. */
    @Override
    public String denormalizeName(String name) {
        return requiresQuoting(name) ? name : name.toUpperCase(Locale.ROOT);
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

    /** H2 checks every constraint at once: a deferrable foreign key is refused before anything runs. */
    @Override
    public boolean supportsDeferrableConstraints() {
        return false;
    }

    /**
     * True: a foreign key added where an index on its columns already exists takes that index
     * over, and H2 then refuses to drop it ("Index … belongs to constraint …").
     */
    @Override
    public boolean foreignKeysNeedIndexes() {
        return true;
    }

    /** H2 has {@code GENERATED ALWAYS AS IDENTITY} beside {@code BY DEFAULT}. */
    @Override
    public boolean supportsIdentityAlways() {
        return true;
    }

    /** H2's own form: {@code ALTER TABLE t ALTER COLUMN c RENAME TO n}. */
    @Override
    protected String renderRenameColumn(String table, String column, String newName) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " RENAME TO " + quote(newName);
    }

    /**
     * {@code CHECKPOINT SYNC}: H2 flushes its log only every {@code WRITE_DELAY} milliseconds
     * (500 by default), so a crash just after a migration committed could lose it; this writes
     * the commits out and forces them to the disk. It needs admin rights.
     */
    @Override
    public List<String> flushCommits() {
        return List.of("CHECKPOINT SYNC");
    }

    // ---- Indexes with options, bulk inserts, statement parameters and literals ----

    /**
     * {@code ? FORMAT JSON} for a JSON value: without it H2 turns a bound string into a JSON
     * string ({@code "{\"a\": 1}"}) instead of parsing it.
     */
    @Override
    protected String renderParameterMarker(Type type) {
        return type != null && type.kind() == Type.Kind.JSON ? "? FORMAT JSON" : super.renderParameterMarker(type);
    }
    /**
     * {@code SET GENERATED ALWAYS} or {@code BY DEFAULT} makes any column an identity or changes
     * its kind (H2 has no {@code ADD GENERATED}); the identity starts at 1 whatever the rows
     * hold.
     */
    @Override
    protected List<String> renderAlterColumnIdentity(AlterColumn operation, String table, String column) {
        List<String> statements = super.renderAlterColumnIdentity(operation, table, column);
        String add = statements.get(0);
        int at = add.indexOf(" ADD GENERATED ");
        return at < 0 ? statements
                : List.of(add.substring(0, at) + " SET GENERATED " + add.substring(at + " ADD GENERATED ".length(),
                        add.length() - " AS IDENTITY".length()));
    }

    /** H2 computes a column on write only, and its grammar has no {@code STORED}. */
    @Override
    protected String renderComputed(String column, Column.Computed computed) {
        super.renderComputed(column, computed);
        return "GENERATED ALWAYS AS (" + computed.expression() + ")";
    }

    @Override
    protected boolean supportsVirtualComputedColumns() {
        return false;
    }

    /**
     * A computed column's type changes with its whole definition ({@code ALTER COLUMN c
     * NUMERIC(14, 2) GENERATED ALWAYS AS (…)}): H2 refuses {@code SET DATA TYPE} on a column
     * an expression reads, its own computation included.
     */
    @Override
    protected List<String> renderAlterColumn(AlterColumn operation) {
        if (operation.existingComputed().isEmpty() || operation.type().isEmpty() || operation.using().isPresent()) {
            return super.renderAlterColumn(operation);
        }
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TABLE " + table(operation.schema(), operation.table()) + " ALTER COLUMN "
                + quote(operation.column()) + " " + renderType(operation.type().get()) + " "
                + renderComputed(operation.column(), operation.existingComputed().get()));
        boolean more = operation.nullable().isPresent() || operation.serverDefault().isPresent()
                || operation.comment().isPresent() || operation.newName().isPresent()
                || operation.identity().isPresent();
        if (more) {
            statements.addAll(super.renderAlterColumn(new AlterColumn(operation.schema(), operation.table(),
                    operation.column(), Optional.empty(), operation.nullable(), operation.serverDefault(),
                    operation.newName(), operation.existingType(), operation.existingNullable(),
                    operation.existingServerDefault(), operation.comment(), operation.using(),
                    operation.existingComment(), operation.existingAutoIncrement(), operation.identity(),
                    operation.existingIdentity(), operation.existingComputed())));
        }
        return List.copyOf(statements);
    }
}
