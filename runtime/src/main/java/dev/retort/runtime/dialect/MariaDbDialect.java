package dev.retort.runtime.dialect;

import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * MariaDB 10.11 and later, and MySQL 8 ({@link #mysql()}).
 *
 * <h2>No transactional DDL</h2>
 * MariaDB and MySQL commit the open transaction before and after every DDL statement.
 * The migrator still runs each migration in a transaction and writes its version-table
 * change right after the migration, in that transaction, so each completed revision is
 * recorded before the next one starts. When a migration fails half way:
 * <ul>
 *   <li>the DDL statements that ran before the failing one stay: each was committed as it ran,
 *       together with any data change made before it;</li>
 *   <li>its data changes since its last DDL statement are rolled back;</li>
 *   <li>the version table stays at the last revision that completed: the failed revision is
 *       not recorded, and no later one ran;</li>
 *   <li>a batch rebuild ({@code batchAlterTable} with {@code ALWAYS}) that failed after
 *       creating {@code _retort_tmp_<table>} leaves that table behind; the original is dropped
 *       only once the rows are copied.</li>
 * </ul>
 * Inspect what the failed revision created, undo it or finish it by hand, and run again.
 * Keep each MariaDB migration small (one DDL change each where it matters) so a failure
 * leaves little to inspect; the migrator's error names the failed statement.
 *
 * <h2>Types</h2>
 * <table>
 * <caption>Type mapping</caption>
 * <tr><th>Type</th><th>MariaDB / MySQL</th><th>why</th></tr>
 * <tr><td>BOOLEAN</td><td>BOOLEAN</td><td>a synonym of {@code TINYINT(1)}; the drivers read it as a boolean</td></tr>
 * <tr><td>TEXT</td><td>LONGTEXT</td><td>the portable type is unbounded; {@code TEXT} stops at 64 KiB</td></tr>
 * <tr><td>NUMERIC(p, s)</td><td>DECIMAL(p, s)</td><td>the same type under its usual name</td></tr>
 * <tr><td>DOUBLE</td><td>DOUBLE</td><td></td></tr>
 * <tr><td>REAL</td><td>FLOAT</td><td>{@code REAL} is {@code DOUBLE} there unless {@code sql_mode} has
 *     {@code REAL_AS_FLOAT}</td></tr>
 * <tr><td>character(n)</td><td>CHAR(n)</td><td>trailing blanks are dropped when read; on MySQL a
 *     {@code CHAR(36)} reads back as {@code UUID}, the type it stands for there</td></tr>
 * <tr><td>TIME</td><td>TIME(6)</td><td>keeps microseconds like PostgreSQL</td></tr>
 * <tr><td>TIMESTAMP</td><td>DATETIME(6)</td><td>{@code TIMESTAMP} is limited to 1970–2038 and converts
 *     through the session time zone; a local date-time must not</td></tr>
 * <tr><td>TIMESTAMP_TZ</td><td>TIMESTAMP(6)</td><td>the only type that stores an instant (UTC, shown in the
 *     session time zone); the offset itself is not kept, and the range ends in 2038 (2106 on MariaDB 11.5+).
 *     Rendered with an explicit {@code NULL} when nullable so old servers do not make it
 *     {@code NOT NULL DEFAULT CURRENT_TIMESTAMP}</td></tr>
 * <tr><td>BINARY / varbinary(n)</td><td>LONGBLOB / VARBINARY(n)</td><td></td></tr>
 * <tr><td>UUID</td><td>UUID on MariaDB, CHAR(36) on MySQL</td><td>MariaDB 10.7+ has a 16-byte UUID type; MySQL
 *     has none</td></tr>
 * <tr><td>JSON</td><td>JSON</td><td>on MariaDB an alias of {@code LONGTEXT} with a {@code CHECK (json_valid(…))}
 *     added by the server; native on MySQL</td></tr>
 * </table>
 * Auto-increment is {@code AUTO_INCREMENT}; {@code CURRENT_TIMESTAMP} defaults of the
 * fractional-second types are {@code CURRENT_TIMESTAMP(6)}.
 *
 * <h2>Operations that need more than H2 and PostgreSQL</h2>
 * <ul>
 *   <li>A change of type or nullability rewrites the whole column ({@code MODIFY COLUMN},
 *       or {@code CHANGE COLUMN} with a rename), so the {@link AlterColumn} must say
 *       everything the column keeps: {@code existingType} unless the type changes, {@code
 *       existingNullable} unless the nullability changes, and {@code existingServerDefault}
 *       (or {@code existingNoServerDefault}) unless the default changes. A missing hint
 *       fails before anything runs, naming it. An {@code AUTO_INCREMENT} attribute is
 *       kept only with {@code existingAutoIncrement(true)}, a comment only with {@code
 *       existingComment} (the rewrite drops what it is not told). Default-only changes and
 *       renames need no hint; {@code USING} is refused.</li>
 *   <li>Comments are inline: {@code COMMENT '…'} on a column, {@code COMMENT = '…'} on a table.
 *       String literals double backslashes as well as quotes. Foreign keys cannot be
 *       {@code DEFERRABLE}.</li>
 *   <li>{@code dropIndex} needs the table ({@code DROP INDEX x ON t}).</li>
 *   <li>{@code dropConstraint} with a type renders {@code DROP FOREIGN KEY}, {@code DROP
 *       INDEX} (unique), {@code DROP PRIMARY KEY} or {@code DROP CONSTRAINT}/{@code DROP
 *       CHECK} (MariaDB/MySQL); without one, {@code DROP CONSTRAINT}, which MariaDB 10.11 and
 *       MySQL 8.0.19+ accept for unique, check and foreign-key constraints. A foreign key
 *       dropped by type on MariaDB takes along the index of its own name that InnoDB created
 *       for it when its columns had none ({@code DROP INDEX IF EXISTS}), so a created and
 *       dropped key leaves the table as it found it; on MySQL, which has no {@code IF
 *       EXISTS} there, that index stays.</li>
 *   <li>{@code renameTable} is {@code RENAME TABLE a TO b}.</li>
 * </ul>
 *
 * <h2>Migration lock</h2>
 * A named lock, {@code GET_LOCK(name, 0)} polled by the migrator and released with {@code
 * RELEASE_LOCK(name)}; the server frees it when the session ends. The name is {@code
 * retort:<key>:<database>}, so two databases on one server do not block each other; find
 * its holder with {@code SELECT IS_USED_LOCK('retort:…')}.
 */
public class MariaDbDialect extends Dialect {

    /** MariaDB 10.11's reserved words with MySQL 8.0's added: a name either refuses bare is quoted. */
    private static final Set<String> RESERVED = Set.copyOf(Arrays.asList("""
            accessible add all alter analyze and as asc asensitive before between bigint binary blob both by
            call cascade case change char character check collate column condition constraint continue convert
            create cross cube cume_dist current_date current_role current_time current_timestamp current_user
            cursor database databases day_hour day_microsecond day_minute day_second dec decimal declare default
            delayed delete delete_domain_id dense_rank desc describe deterministic distinct distinctrow div
            do_domain_ids double drop dual each else elseif empty enclosed escaped except exists exit explain
            false fetch first_value float float4 float8 for force foreign from fulltext function general generated
            get grant group grouping groups having high_priority hour_microsecond hour_minute hour_second if
            ignore ignore_domain_ids ignore_server_ids in index infile inner inout insensitive insert int int1
            int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids is iterate join
            json_table key keys kill lag last_value lateral lead leading leave left like limit linear lines load
            localtime localtimestamp lock long longblob longtext loop low_priority master_bind
            master_heartbeat_period master_ssl_verify_server_cert match maxvalue mediumblob mediumint mediumtext
            middleint minute_microsecond minute_second mod modifies natural not no_write_to_binlog nth_value
            ntile null numeric of offset on optimize optimizer_costs option optionally or order out outer
            outfile over page_checksum parse_vcol_expr partition percent_rank position precision primary
            procedure purge range rank read reads read_write real recursive ref_system_id references regexp
            release rename repeat replace require resignal restrict return returning revoke right rlike row
            row_number rows schema schemas second_microsecond select sensitive separator set show signal
            slow smallint spatial specific sql sql_big_result sql_calc_found_rows sql_small_result sqlexception
            sqlstate sqlwarning ssl starting stats_auto_recalc stats_persistent stats_sample_pages stored
            straight_join system table terminated then tinyblob tinyint tinytext to trailing trigger true undo
            union unique unlock unsigned update usage use using utc_date utc_time utc_timestamp values varbinary
            varchar varcharacter varying virtual when where while window with write xor year_month zerofill
            """.strip().split("\\s+")));

    private static final Set<String> RESERVED_WORDS = ReservedWords.standardAnd(RESERVED);

    private final boolean mysql;

    /** The MariaDB dialect. */
    public MariaDbDialect() {
        this(false);
    }

    private MariaDbDialect(boolean mysql) {
        this.mysql = mysql;
    }

    /** The same dialect for MySQL 8: named {@code mysql}, {@code CHAR(36)} for UUIDs and {@code DROP CHECK}. */
    public static MariaDbDialect mysql() {
        return new MariaDbDialect(true);
    }

    @Override
    public String name() {
        return mysql ? "mysql" : "mariadb";
    }

    /** False: both commit implicitly around every DDL statement. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    // ---- Identifiers ----


    /** Backticks, doubling any backtick inside. */
    @Override
    protected String quoteAlways(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** MariaDB's and MySQL 8's reserved words, on top of the SQL standard's. */
    @Override
    protected Set<String> reservedWords() {
        return RESERVED_WORDS;
    }



    // ---- Types ----

    @Override
    protected String renderType(Type type) {
        return switch (type.kind()) {
            case TEXT -> "LONGTEXT";
            case NUMERIC -> "DECIMAL(" + type.precision().getAsInt() + ", " + type.scale().getAsInt() + ")";
            case DOUBLE -> "DOUBLE";
            // REAL is a synonym of DOUBLE unless the session sets REAL_AS_FLOAT.
            case REAL -> "FLOAT";
            case TIME -> "TIME(6)";
            case TIMESTAMP -> "DATETIME(6)";
            case TIMESTAMP_TZ -> "TIMESTAMP(6)";
            case BINARY -> type.length().isPresent() ? "VARBINARY(" + type.length().getAsInt() + ")" : "LONGBLOB";
            case UUID -> mysql ? "CHAR(36)" : "UUID";
            default -> super.renderType(type);
        };
    }

    @Override
    protected String renderAutoIncrement(Column column) {
        return "AUTO_INCREMENT";
    }

    /** Adds an explicit {@code NULL} to a nullable {@code TIMESTAMP}, and fractional {@code CURRENT_TIMESTAMP(6)}. */
    @Override
    protected String renderColumnDefinition(Column column, boolean inlinePrimaryKey) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(renderType(column.type()));
        if (column.isAutoIncrement()) {
            sql.append(' ').append(renderAutoIncrement(column));
        }
        column.computed().ifPresent(computed -> sql.append(' ').append(renderComputed(column.name(), computed)));
        column.serverDefault().ifPresent(expression ->
                sql.append(" DEFAULT ").append(renderDefault(column.type(), expression)));
        sql.append(column.isNullable() ? nullableSuffix(column.type()) : " NOT NULL");
        if (inlinePrimaryKey && column.isPrimaryKey()) {
            sql.append(" PRIMARY KEY");
        }
        if (column.isUnique()) {
            sql.append(" UNIQUE");
        }
        column.comment().ifPresent(comment -> sql.append(" COMMENT ").append(renderLiteral(comment)));
        return sql.toString();
    }

    /** Doubles backslashes too: MariaDB reads them as escapes unless {@code NO_BACKSLASH_ESCAPES} is set. */
    @Override
    protected String renderLiteral(Object value) {
        if (value instanceof String string) {
            return "'" + string.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return super.renderLiteral(value);
    }

    // ---- Literals and parameters (bulk insert, offline scripts) ----

    /**
     * An instant as the session sees it: {@code CONVERT_TZ('…', '+02:00',
     * @@session.time_zone)}, since a {@code TIMESTAMP} column reads and writes in the
     * session's time zone and MariaDB has no literal with an offset.
     */
    @Override
    protected String renderTimestampTzLiteral(OffsetDateTime timestamp) {
        ZoneOffset offset = timestamp.getOffset();
        return "CONVERT_TZ(" + renderLiteral(DateTimeFormatter.ISO_LOCAL_DATE.format(timestamp) + " "
                + DateTimeFormatter.ISO_LOCAL_TIME.format(timestamp)) + ", "
                + renderLiteral(offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId()) + ", @@session.time_zone)";
    }

    /** A plain string: the UUID type (and MySQL's CHAR(36)) take the text form. */
    @Override
    protected String renderUuidLiteral(UUID uuid) {
        return renderLiteral(uuid.toString());
    }

    /** A plain string: JSON is text checked by {@code json_valid}. */
    @Override
    protected String renderJsonLiteral(String json) {
        return renderLiteral(json);
    }

    /** Refused: MariaDB's {@code DOUBLE} has no NaN or infinity. */
    @Override
    protected String renderNonFiniteLiteral(double value) {
        throw new IllegalArgumentException("The " + name() + " dialect cannot store " + value
                + ": DOUBLE has no NaN or infinity; store NULL or a sentinel instead");
    }

    /** UUIDs bound as their text form, which the driver sends as a string. */
    @Override
    public void bind(PreparedStatement statement, int index, Object value, Type type) throws SQLException {
        if (value instanceof UUID uuid) {
            statement.setString(index, uuid.toString());
            return;
        }
        super.bind(statement, index, value, type);
    }

    private String nullableSuffix(Type type) {
        return type.kind() == Type.Kind.TIMESTAMP_TZ ? " NULL" : "";
    }

    /** A default; {@code CURRENT_TIMESTAMP} with the column's six fractional digits where it has them. */
    private String renderDefault(Type type, Expr expression) {
        if (expression instanceof Expr.CurrentTimestamp && (type.kind() == Type.Kind.TIMESTAMP
                || type.kind() == Type.Kind.TIMESTAMP_TZ)) {
            return "CURRENT_TIMESTAMP(6)";
        }
        return renderExpr(expression);
    }

    // ---- Operations ----

    /** False: MariaDB and MySQL check every foreign key at once. */
    @Override
    public boolean supportsDeferrableConstraints() {
        return false;
    }

    /** True: a {@code CREATE UNIQUE INDEX} and a {@code UNIQUE} constraint are both a unique key. */
    @Override
    public boolean uniqueIndexesAreConstraints() {
        return true;
    }

    /**
     * True: InnoDB needs an index whose first columns are a foreign key's, and refuses to drop
     * the one a key uses ("needed in a foreign key constraint").
     */
    @Override
    public boolean foreignKeysNeedIndexes() {
        return true;
    }

    /** True: a MariaDB or MySQL database is a JDBC catalog. */
    @Override
    public boolean schemasAreCatalogs() {
        return true;
    }

    /** Drops a table comment with {@code COMMENT = ''}. */
    @Override
    protected List<String> renderDropTableComment(DropTableComment operation) {
        return List.of(alterTable(operation.schema(), operation.table()) + " COMMENT = ''");
    }

    /** {@code ALTER TABLE … ADD COLUMN …}, its comment inline. */
    @Override
    protected List<String> renderAddColumn(AddColumn operation) {
        return List.of(alterTable(operation.schema(), operation.table()) + " ADD COLUMN "
                + renderColumnDefinition(operation.column(), true));
    }

    /** {@code ALTER TABLE t COMMENT = '…'}. */
    @Override
    protected String renderTableComment(Operation operation, String table, String comment) {
        return "ALTER TABLE " + table + " COMMENT = " + renderLiteral(comment);
    }

    /** {@code RENAME TABLE a TO b}, the new name in the same schema. */
    @Override
    protected List<String> renderRenameTable(RenameTable operation) {
        return List.of("RENAME TABLE " + table(operation.schema(), operation.table()) + " TO "
                + table(operation.schema(), operation.newName()));
    }

    /**
     * A default-only change is {@code ALTER COLUMN … SET/DROP DEFAULT}, a rename alone
     * {@code RENAME COLUMN}; a change of type, nullability or comment rewrites the column
     * with {@code MODIFY COLUMN} (or {@code CHANGE COLUMN} when it is renamed too), which
     * needs the {@code existing…} hints for its type, nullability and default, and keeps its
     * comment and {@code AUTO_INCREMENT} only when {@code existingComment} and {@code
     * existingAutoIncrement} say so.
     */
    @Override
    protected List<String> renderAlterColumn(AlterColumn operation) {
        String table = table(operation.schema(), operation.table());
        String column = operation.column();
        if (operation.using().isPresent()) {
            throw unsupported(operation, "it has no USING clause for a column's type change",
                    "drop using(...) and let MariaDB convert the values, or convert them first with op.execute(sql)");
        }
        if (operation.type().isEmpty() && operation.nullable().isEmpty() && operation.comment().isEmpty()
                && operation.identity().isEmpty()) {
            List<String> statements = new ArrayList<>();
            operation.serverDefault().ifPresent(d -> statements.add(d.isNone()
                    ? renderDropColumnDefault(table, column)
                    : renderSetColumnDefault(table, column, d.expression().get())));
            operation.newName().ifPresent(n -> statements.add(renderRenameColumn(table, column, n)));
            return List.copyOf(statements);
        }
        Type type = operation.type().or(operation::existingType)
                .orElseThrow(() -> missingHint(operation, "existingType", "the column's type"));
        boolean nullable = operation.nullable().or(operation::existingNullable)
                .orElseThrow(() -> missingHint(operation, "existingNullable", "whether it accepts nulls"));
        AlterColumn.ServerDefault serverDefault = operation.serverDefault().or(operation::existingServerDefault)
                .or(() -> operation.existingComputed().map(computed -> AlterColumn.ServerDefault.NONE))
                .orElseThrow(() -> missingHint(operation, "existingServerDefault (or existingNoServerDefault)",
                        "its server default"));
        Optional<String> comment = operation.comment().or(operation::existingComment).flatMap(AlterColumn.Comment::text);
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(table);
        if (operation.newName().isPresent()) {
            sql.append(" CHANGE COLUMN ").append(quote(column)).append(' ').append(quote(operation.newName().get()));
        } else {
            sql.append(" MODIFY COLUMN ").append(quote(column));
        }
        sql.append(' ').append(renderType(type));
        // The new identity where it changes: AUTO_INCREMENT is MariaDB's one kind of it.
        boolean autoIncrement = operation.identity().map(i -> !i.isNone())
                .or(() -> operation.existingIdentity().map(i -> !i.isNone()))
                .orElse(operation.existingAutoIncrement().orElse(false));
        if (autoIncrement && type.isInteger()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (operation.existingComputed().isPresent()) {
            // The rewrite restates the computation, or the column becomes a plain one; MariaDB
            // takes neither a default nor NULL / NOT NULL on a computed column.
            if (!nullable) {
                throw unsupported(operation, "a computed column cannot be NOT NULL there",
                        "leave the computed column nullable");
            }
            sql.append(' ').append(renderComputed(column, operation.existingComputed().get()));
        } else {
            serverDefault.expression().ifPresent(e -> sql.append(" DEFAULT ").append(renderDefault(type, e)));
            sql.append(nullable ? nullableSuffix(type) : " NOT NULL");
        }
        comment.ifPresent(text -> sql.append(" COMMENT ").append(renderLiteral(text)));
        return List.of(sql.toString());
    }

    private OperationNotSupportedException missingHint(AlterColumn operation, String hint, String what) {
        return unsupported(operation, "it rewrites the whole column with MODIFY COLUMN, and without " + hint
                + " it would lose " + what, "state it on the change, e.g. c -> c." + hintExample(hint)
                + ", as Alembic's existing_* arguments");
    }

    private static String hintExample(String hint) {
        if (hint.startsWith("existingType")) {
            return "existingType(Type.varchar(50))";
        }
        if (hint.startsWith("existingNullable")) {
            return "existingNullable(true)";
        }
        return "existingServerDefault(Expr.literal(\"new\"))";
    }

    /** {@code DROP INDEX x ON t}: MariaDB names indexes per table. */
    @Override
    protected List<String> renderDropIndex(DropIndex operation) {
        String onTable = operation.table().orElseThrow(() -> unsupported(operation,
                "it drops an index by table and name, and the table is not given",
                "name the table: op.dropIndex(\"" + operation.name() + "\", \"<table>\")"));
        return List.of("DROP INDEX " + quote(operation.name()) + " ON " + table(operation.schema(), onTable));
    }

    /** {@code DROP INDEX [IF EXISTS] x ON t}; the table is needed. */
    @Override
    protected List<String> renderDropIndexWithOptions(DropIndexWithOptions operation) {
        String onTable = operation.table().orElseThrow(() -> unsupported(operation,
                "it drops an index by table and name, and the table is not given",
                "name the table of index " + operation.name()));
        return List.of("DROP INDEX " + (operation.ifExists() ? "IF EXISTS " : "") + quote(operation.name()) + " ON "
                + table(operation.schema(), onTable));
    }

    /** The statement for the constraint's type; {@code DROP CONSTRAINT} when the type is not given. */
    @Override
    protected List<String> renderDropConstraint(DropConstraint operation) {
        String alter = alterTable(operation.schema(), operation.table());
        String name = quote(operation.name());
        ConstraintType type = operation.type().orElse(null);
        if (type == null) {
            return List.of(alter + " DROP CONSTRAINT " + name);
        }
        return switch (type) {
            case FOREIGN_KEY -> {
                if (mysql) {
                    yield List.of(alter + " DROP FOREIGN KEY " + name);
                }
                // InnoDB gave the key an index of the key's name when its columns had none, and keeps
                // it after the key: the index goes with it, as Introspection counts it part of the key.
                yield List.of(alter + " DROP FOREIGN KEY " + name,
                        "DROP INDEX IF EXISTS " + name + " ON " + table(operation.schema(), operation.table()));
            }
            case UNIQUE -> List.of(alter + " DROP INDEX " + name);
            case PRIMARY_KEY -> List.of(alter + " DROP PRIMARY KEY");
            case CHECK -> List.of(alter + (mysql ? " DROP CHECK " : " DROP CONSTRAINT ") + name);
        };
    }

    // ---- Batch mode: move and copy ----

    /**
     * The expression unchanged: MariaDB's {@code CAST} knows only {@code SIGNED}, {@code
     * CHAR} and a few more, and {@code INSERT … SELECT} converts to the column's type itself.
     */
    @Override
    protected String renderCast(String expression, Type type) {
        return expression;
    }

    /** True: {@code COMMENT '…'} is part of the column definition. */
    @Override
    protected boolean columnCommentsInline() {
        return true;
    }

    /** True: an {@code AUTO_INCREMENT} column must be a key when the table is created; the key is always {@code PRIMARY}. */
    @Override
    protected boolean inlinePrimaryKeyWhenRecreating() {
        return true;
    }

    /** Empty: {@code AUTO_INCREMENT} continues after the largest copied value by itself. */
    @Override
    public List<String> restartIdentity(Optional<String> schema, String table, String column, long next) {
        return List.of();
    }

    // ---- Locking and version table (migrator) ----

    /** True: {@code GET_LOCK}/{@code RELEASE_LOCK}, released by the server when the session ends. */
    @Override
    public boolean advisoryLocks() {
        return true;
    }

    /** {@code GET_LOCK(name, 0)}: 1 when taken, 0 when another session holds it (the migrator polls). */
    @Override
    public String tryAdvisoryLock() {
        return "SELECT GET_LOCK(" + LOCK_NAME + ", 0)";
    }

    @Override
    public String advisoryUnlock() {
        return "SELECT RELEASE_LOCK(" + LOCK_NAME + ")";
    }

    /** {@code SELECT IS_USED_LOCK(…)}: the connection id holding the lock, to look up in the process list. */
    @Override
    public Optional<String> advisoryLockHolderQuery(long key) {
        return Optional.of("on " + (mysql ? "MySQL" : "MariaDB") + ": SELECT IS_USED_LOCK(CONCAT('retort:" + key
                + ":', LEFT(COALESCE(DATABASE(), ''), 36))) gives the connection id; see it with SHOW PROCESSLIST");
    }

    /**
     * {@code retort:<key>:<database>}: lock names are server-wide, while the key covers the
     * version table's name (and its schema only when one is configured). At most 64
     * characters, MySQL's limit. The key is the statement's one parameter.
     */
    private static final String LOCK_NAME = "CONCAT('retort:', ?, ':', LEFT(COALESCE(DATABASE(), ''), 36))";
}
