package dev.retort.runtime.dialect;

import dev.retort.runtime.schema.Column;

import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.schema.Type;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL 12 and later.
 *
 * <p>Differs from standard SQL in its types: {@code TEXT}; {@code BYTEA} for every binary
 * type (PostgreSQL has no bounded byte string, so a {@code varbinary(n)} bound is not
 * enforced); {@code JSONB} for {@code Type.JSON}, the binary form PostgreSQL recommends
 * (indexable; key order and duplicate keys are not kept — use {@code Type.raw("JSON")} to
 * keep the text as written). A type change is {@code ALTER COLUMN c TYPE …}.
 *
 * <p>PostgreSQL folds bare names to lower case, so quoting a lower-case name changes
 * nothing: it quotes SQL:2016's reserved words as well as its own.
 */
public class PostgresDialect extends Dialect {

    /** Creates the PostgreSQL dialect. */
    public PostgresDialect() {
    }

    private static final Set<String> RESERVED_WORDS = ReservedWords.standardAnd(ReservedWords.POSTGRESQL);

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** SQL:2016's reserved words and PostgreSQL's reserved keywords. */
    @Override
    protected Set<String> reservedWords() {
        return RESERVED_WORDS;
    }

    /** {@code createdAt} written bare is {@code createdat}. */
    @Override
    public String foldUnquotedName(String name) {
        return lowerCaseIfBare(name);
    }

    @Override
    protected String renderType(Type type) {
        return switch (type.kind()) {
            case TEXT -> "TEXT";
            case BINARY -> "BYTEA";
            case JSON -> "JSONB";
            default -> super.renderType(type);
        };
    }

    /** A {@link Column.AutoIncrement#SERIAL} column is {@code serial}, {@code bigserial} or {@code smallserial}. */
    @Override
    protected String renderColumnDefinition(Column column, boolean inlinePrimaryKey) {
        String definition = super.renderColumnDefinition(column, inlinePrimaryKey);
        if (column.autoIncrementKind().filter(k -> k == Column.AutoIncrement.SERIAL).isEmpty()) {
            return definition;
        }
        String identity = quote(column.name()) + ' ' + renderType(column.type()) + ' ' + renderAutoIncrement(column);
        String serial = switch (column.type().kind()) {
            case BIGINT -> "BIGSERIAL";
            case SMALLINT -> "SMALLSERIAL";
            default -> "SERIAL";
        };
        return quote(column.name()) + ' ' + serial + definition.substring(identity.length());
    }

    /**
     * As standard SQL, and a new identity then continues after the largest value the column
     * holds (it would start at 1 and collide with the rows already there).
     */
    @Override
    protected List<String> renderAlterColumnIdentity(AlterColumn operation, String table, String column) {
        List<String> statements = super.renderAlterColumnIdentity(operation, table, column);
        if (!statements.get(0).contains(" ADD GENERATED ")) {
            return statements;
        }
        // The identity's own sequence (dependency 'i'): a column that was serial still owns its old one too.
        return List.of(statements.get(0), "SELECT setval(d.objid::regclass, coalesce((SELECT max(" + quote(column)
                + ") FROM " + table + "), 0) + 1, false) FROM pg_depend d JOIN pg_attribute a"
                + " ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                + " WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'i' AND d.refobjid = "
                + renderLiteral(table) + "::regclass AND a.attname = " + renderLiteral(column));
    }

    @Override
    protected String renderAlterColumnType(String table, String column, Type type) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " TYPE " + renderType(type);
    }

    // ---- Indexes with options, bulk inserts, statement parameters and literals ----

    /** PostgreSQL has partial indexes: {@code CREATE INDEX … WHERE deleted_at IS NULL}. */
    @Override
    public boolean supportsPartialIndexes() {
        return true;
    }

    /** PostgreSQL indexes expressions: {@code CREATE INDEX … ((lower(email)))}. */
    @Override
    public boolean supportsExpressionIndexes() {
        return true;
    }

    /** {@code CREATE INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}, outside a transaction only. */
    @Override
    public boolean supportsConcurrentIndexes() {
        return true;
    }

    /**
     * {@code '\xcafe'::bytea}: PostgreSQL's {@code X'…'} is a bit string, not bytes. Assumes
     * {@code standard_conforming_strings} is on, PostgreSQL's default since 9.1.
     */
    @Override
    protected String renderBinaryLiteral(byte[] bytes) {
        return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
    }

    /** {@code '{"a": 1}'::jsonb}, the type {@code Type.JSON} maps to. */
    @Override
    protected String renderJsonLiteral(String json) {
        return renderLiteral(json) + "::jsonb";
    }

    /** As an untyped value, so the server casts the text to the column's {@code jsonb} (or {@code json}). */
    @Override
    protected void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setObject(index, json, Types.OTHER);
    }

    /** PostgreSQL has {@code GENERATED ALWAYS AS IDENTITY} beside {@code BY DEFAULT}. */
    @Override
    public boolean supportsIdentityAlways() {
        return true;
    }

    /** PostgreSQL has named enum types: {@code CREATE TYPE mood AS ENUM (…)}. */
    @Override
    public boolean supportsEnumTypes() {
        return true;
    }

    /** PostgreSQL has exclusion constraints ({@code EXCLUDE USING gist (…)}). */
    @Override
    public boolean supportsExcludeConstraints() {
        return true;
    }

    /** {@code ALTER TABLE t ALTER COLUMN c TYPE … USING …}. */
    @Override
    protected String renderAlterColumnTypeUsing(AlterColumn operation, String table, String column, Type type,
            String using) {
        return renderAlterColumnType(table, column, type) + " USING " + using;
    }

    // ---- Locking and version table (migrator) ----

    @Override
    public boolean advisoryLocks() {
        return true;
    }

    /**
     * {@code client_connection_check_interval} on PostgreSQL 14 and later: without it a
     * killed client's session, and its advisory lock, live until the statement it was
     * running ends.
     */
    @Override
    public Optional<String> clientCheckSetting(DatabaseMetaData metaData) throws SQLException {
        return metaData.getDatabaseMajorVersion() >= 14
                ? Optional.of("client_connection_check_interval") : Optional.empty();
    }

    @Override
    public String tryAdvisoryLock() {
        return "SELECT pg_try_advisory_lock(?)";
    }

    @Override
    public String advisoryUnlock() {
        return "SELECT pg_advisory_unlock(?)";
    }
    /** PostgreSQL (to 17) stores every generated column. */
    @Override
    protected boolean supportsVirtualComputedColumns() {
        return false;
    }
}
