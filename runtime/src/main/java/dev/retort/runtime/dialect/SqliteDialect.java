package dev.retort.runtime.dialect;

import java.util.function.Predicate;
import java.sql.Connection;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite 3.35 and later, through the xerial {@code sqlite-jdbc} driver. A schema is an
 * attached database ({@code main} by default).
 *
 * <h2>Transactional DDL</h2>
 * SQLite runs DDL inside transactions and rolls it back, so a failing migration leaves
 * nothing behind.
 *
 * <h2>Types</h2>
 * SQLite stores values by "type affinity", taken from the declared type's name; it does not
 * enforce lengths or precision. The declared names are kept readable (what JDBC metadata
 * reports): {@code INTEGER}, {@code BIGINT}, {@code SMALLINT}, {@code BOOLEAN} (stored 0/1),
 * {@code VARCHAR(n)}, {@code CHARACTER(n)} (neither padded nor checked) and {@code TEXT},
 * {@code NUMERIC(p, s)} (numeric affinity: a value is kept as an integer or an 8-byte float,
 * so more than 15 significant digits are rounded), {@code DOUBLE}, {@code REAL} (kept in 8
 * bytes like {@code DOUBLE}), {@code DATE}, {@code TIME}, {@code TIMESTAMP} and {@code
 * TIMESTAMP WITH TIME ZONE} (stored as the driver writes them: text when written as
 * strings), {@code BLOB} for binary, and {@code CHAR(36)} for UUIDs and {@code TEXT} for
 * JSON (text affinity, so a document is kept exactly as written; SQLite's {@code json_…}
 * functions read it).
 * Auto-increment is possible only on a table's single-column {@code INTEGER PRIMARY KEY}
 * (the rowid), rendered {@code INTEGER PRIMARY KEY AUTOINCREMENT} whatever the integer
 * kind: ids then never repeat, as with an identity column.
 *
 * <h2>What SQLite cannot do in place</h2>
 * SQLite's {@code ALTER TABLE} renames tables and columns, adds and drops columns, and
 * nothing else. Changing a column's type, nullability or default, adding or dropping a
 * constraint, and adding a primary-key or unique column raise {@link
 * OperationNotSupportedException} before anything runs, naming the operation and the way
 * out: {@code op.batchAlterTable(table, batch -> …)}, which rebuilds the table by "move and
 * copy" ({@link #renderRecreateTable}). {@code DROP COLUMN} needs SQLite 3.35 (the bundled
 * driver has it) and fails on a column that is indexed or part of a key or constraint:
 * use batch mode there too.
 *
 * <h2>Migration lock</h2>
 * A second connection cannot hold a lock without blocking the migration itself (SQLite
 * locks the whole file), so the migrator locks on its own connection: {@code BEGIN
 * IMMEDIATE} takes the write lock, {@code PRAGMA locking_mode = EXCLUSIVE} keeps it past
 * {@code COMMIT}, until {@code PRAGMA locking_mode = NORMAL} and the next read give it back.
 * While a migration runs other connections can neither read nor write the database (they
 * wait their busy timeout, then fail with {@code SQLITE_BUSY}); a second migrator waits
 * for the lock, then finds the work done. The operating system drops the lock when the
 * process dies.
 */
public class SqliteDialect extends Dialect {

    /** Creates the SQLite dialect. */
    public SqliteDialect() {
    }

    /** SQLite's keywords (sqlite.org/lang_keywords.html): any of them may need quoting somewhere. */
    private static final Set<String> KEYWORDS = Set.copyOf(Arrays.asList("""
            abort action add after all alter always analyze and as asc attach autoincrement before begin
            between by cascade case cast check collate column commit conflict constraint create cross current
            current_date current_time current_timestamp database default deferrable deferred delete desc detach
            distinct do drop each else end escape except exclude exclusive exists explain fail filter first
            following for foreign from full generated glob group groups having if ignore immediate in index
            indexed initially inner insert instead intersect into is isnull join key last left like limit match
            materialized natural no not nothing notnull null nulls of offset on or order others outer over
            partition plan pragma preceding primary query raise range recursive references regexp reindex
            release rename replace restrict returning right rollback row rows savepoint select set table temp
            temporary then ties to transaction trigger unbounded union unique update using vacuum values view
            virtual when where window with without
            """.strip().split("\\s+")));

    private static final Set<String> RESERVED_WORDS = ReservedWords.standardAnd(KEYWORDS);

    @Override
    public String name() {
        return "sqlite";
    }

    /** True: SQLite rolls DDL back with the transaction. */
    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** False: SQLite has no sequences; a table's INTEGER PRIMARY KEY numbers its rows. */
    @Override
    public boolean supportsSequences() {
        return false;
    }

    /** False: SQLite has no table or column comments. */
    @Override
    public boolean supportsComments() {
        return false;
    }

    /** False: a column's type, nullability and default change only by rebuilding the table. */
    @Override
    public boolean supportsAlterColumn() {
        return false;
    }

    // ---- Identifiers ----

    /** SQLite's keywords, on top of the SQL standard's reserved words. */
    @Override
    protected Set<String> reservedWords() {
        return RESERVED_WORDS;
    }



    // ---- Types ----

    @Override
    protected String renderType(Type type) {
        return switch (type.kind()) {
            case TEXT, JSON -> "TEXT";
            case DOUBLE -> "DOUBLE";
            // Not CHAR(n): CHAR(36) is what a UUID is declared as.
            case CHAR -> "CHARACTER(" + type.length().getAsInt() + ")";
            case BINARY -> "BLOB";
            case UUID -> "CHAR(36)";
            default -> super.renderType(type);
        };
    }

    /** Only the rowid auto-increments; see {@link #renderColumnDefinition}. */
    @Override
    protected String renderAutoIncrement(Column column) {
        return "PRIMARY KEY AUTOINCREMENT";
    }

    /** An auto-increment column is {@code INTEGER PRIMARY KEY AUTOINCREMENT}, its primary key inline. */
    @Override
    protected String renderColumnDefinition(Column column, boolean inlinePrimaryKey) {
        if (!column.isAutoIncrement()) {
            return super.renderColumnDefinition(column, inlinePrimaryKey);
        }
        return quote(column.name()) + " INTEGER NOT NULL " + renderAutoIncrement(column)
                + (column.isUnique() ? " UNIQUE" : "");
    }

    // ---- Operations ----

    /**
     * As the base, but an auto-increment primary key is stated on its column, and a
     * comment is refused (SQLite stores none).
     */
    @Override
    protected List<String> renderCreateTable(CreateTable operation) {
        checkAutoIncrement(operation, operation.columns());
        if (operation.comment().isPresent() || operation.columns().stream().anyMatch(c -> c.comment().isPresent())) {
            throw unsupported(operation, "it stores no comments on tables or columns",
                    "leave the comment out for this database");
        }
        List<String> constraints = new ArrayList<>();
        for (TableConstraint constraint : operation.constraints()) {
            constraints.add(renderTableConstraint(operation, constraint));
        }
        // A declared primary-key constraint renders instead of the marked columns.
        boolean declaredKey = operation.primaryKeyConstraint().isPresent();
        return List.of("CREATE TABLE " + table(operation.schema(), operation.table()) + " (\n    "
                + String.join(",\n    ", tableLines(operation.columns(), constraints, !declaredKey)) + "\n)");
    }

    /** The column lines, the primary key (when {@code withKey} and no column states it), then {@code constraints}. */
    private List<String> tableLines(List<Column> columns, List<String> constraints, boolean withKey) {
        List<String> lines = new ArrayList<>();
        boolean keyInline = false;
        for (Column column : columns) {
            lines.add(renderColumnDefinition(column, false));
            keyInline |= column.isAutoIncrement();
        }
        List<String> primaryKey = columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        if (withKey && !keyInline && !primaryKey.isEmpty()) {
            lines.add("PRIMARY KEY " + columnList(primaryKey));
        }
        lines.addAll(constraints);
        return lines;
    }

    /** Auto-increment only on the single primary-key column. */
    private void checkAutoIncrement(Operation operation, List<Column> columns) {
        long keys = columns.stream().filter(Column::isPrimaryKey).count();
        for (Column column : columns) {
            if (column.isAutoIncrement() && (!column.isPrimaryKey() || keys != 1)) {
                throw unsupported(operation, "it auto-increments only a table's single INTEGER PRIMARY KEY column, "
                        + "and " + column.name() + " is not one",
                        "make " + column.name() + " the only primary-key column, or drop autoIncrement()");
            }
        }
    }

    /**
     * {@code ADD COLUMN}, which SQLite allows only for a column that is not a key, not
     * unique, and either nullable or with a constant default.
     */
    @Override
    protected List<String> renderAddColumn(AddColumn operation) {
        Column column = operation.column();
        String reason = null;
        if (column.isPrimaryKey() || column.isAutoIncrement()) {
            reason = "it cannot add a primary-key column to an existing table";
        } else if (column.isUnique()) {
            reason = "it cannot add a UNIQUE column to an existing table";
        } else if (column.computed().filter(Column.Computed::stored).isPresent()) {
            reason = "it cannot add a STORED generated column to an existing table (a VIRTUAL one it can)";
        } else if (column.serverDefault().isPresent() && !(column.serverDefault().get() instanceof Expr.Literal)) {
            reason = "it adds a column only with a constant default, and " + column.serverDefault().get() + " is not one";
        } else if (!column.isNullable() && column.serverDefault().isEmpty()) {
            reason = "it cannot add a NOT NULL column without a default";
        }
        if (reason != null) {
            throw unsupported(operation, reason, batchAlternative(operation.table(), "batch.addColumn(…)"));
        }
        return super.renderAddColumn(operation);
    }

    /** Only a rename runs in place ({@code RENAME COLUMN}); anything else needs batch mode. */
    @Override
    protected List<String> renderAlterColumn(AlterColumn operation) {
        if (operation.type().isPresent() || operation.nullable().isPresent() || operation.serverDefault().isPresent()) {
            throw unsupported(operation, "it cannot change a column's type, nullability or default in place",
                    batchAlternative(operation.table(), "batch.alterColumn(\"" + operation.column() + "\", c -> …)"));
        }
        return super.renderAlterColumn(operation);
    }

    /** {@code CREATE INDEX schema.name ON table (…)}: SQLite qualifies the index, never the table. */
    @Override
    protected List<String> renderCreateIndex(CreateIndex operation) {
        return List.of("CREATE " + (operation.unique() ? "UNIQUE " : "") + "INDEX "
                + table(operation.schema(), operation.name()) + " ON " + quote(operation.table()) + " "
                + columnList(operation.columns()));
    }

    /** True: {@code CREATE INDEX … WHERE …}. */
    @Override
    public boolean supportsPartialIndexes() {
        return true;
    }

    /** True: indexes on expressions. */
    @Override
    public boolean supportsExpressionIndexes() {
        return true;
    }

    /** As the base, but the index is qualified and the table not ({@code CREATE INDEX main.ix ON t …}). */
    @Override
    protected List<String> renderCreateIndexWithOptions(CreateIndexWithOptions operation) {
        if (operation.schema().isEmpty()) {
            return super.renderCreateIndexWithOptions(operation);
        }
        List<String> statements = super.renderCreateIndexWithOptions(new CreateIndexWithOptions(Optional.empty(),
                operation.name(), operation.table(), operation.elements(), operation.unique(), operation.where(),
                operation.concurrently(), operation.ifNotExists()));
        String plain = " INDEX " + (operation.ifNotExists() ? "IF NOT EXISTS " : "") + quote(operation.name()) + " ON ";
        String qualified = " INDEX " + (operation.ifNotExists() ? "IF NOT EXISTS " : "")
                + table(operation.schema(), operation.name()) + " ON ";
        return statements.stream().map(sql -> sql.replaceFirst(Pattern.quote(plain),
                Matcher.quoteReplacement(qualified))).toList();
    }

    // ---- Literals and parameters (bulk insert, offline scripts) ----

    /**
     * SQLite has no typed literals: dates and times are ISO-8601 text (what its date and
     * time functions read), an instant keeps its offset, UUIDs and JSON are text.
     */
    @Override
    protected String renderValueLiteral(Object value, Type type) {
        Object text = asText(value);
        return text != value ? renderLiteral(text) : super.renderValueLiteral(value, type);
    }

    /** Refused: SQLite's REAL has no NaN (it stores NULL); infinities overflow to 9e999. */
    @Override
    protected String renderNonFiniteLiteral(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("The sqlite dialect cannot store NaN: SQLite turns it into NULL");
        }
        return value > 0 ? "9e999" : "-9e999";
    }

    /** Dates, times and UUIDs bound as the same ISO text the literals use. */
    @Override
    public void bind(PreparedStatement statement, int index, Object value, Type type) throws SQLException {
        Object text = asText(value);
        if (text != value) {
            statement.setString(index, (String) text);
            return;
        }
        super.bind(statement, index, value, type);
    }

    private static Object asText(Object value) {
        if (value instanceof LocalDateTime timestamp) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(timestamp) + " " + DateTimeFormatter.ISO_LOCAL_TIME.format(timestamp);
        }
        if (value instanceof OffsetDateTime timestamp) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(timestamp) + " " + DateTimeFormatter.ISO_LOCAL_TIME.format(timestamp)
                    + (timestamp.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : timestamp.getOffset().getId());
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof UUID) {
            return value.toString();
        }
        return value;
    }

    /** Refused: SQLite cannot add a constraint to an existing table. */
    @Override
    protected List<String> renderCreateForeignKey(CreateForeignKey operation) {
        throw unsupported(operation, "it cannot add a constraint to an existing table",
                batchAlternative(operation.table(), "batch.createForeignKey(\"" + operation.name() + "\", …)"));
    }

    /** Refused: SQLite cannot drop a constraint of an existing table. */
    @Override
    protected List<String> renderDropConstraint(DropConstraint operation) {
        throw unsupported(operation, "it cannot drop a constraint of an existing table",
                batchAlternative(operation.table(), "batch.dropConstraint(\"" + operation.name() + "\")"));
    }

    /** Refused: SQLite cannot add a primary key to an existing table. */
    @Override
    protected List<String> renderCreatePrimaryKey(CreatePrimaryKey operation) {
        throw unsupported(operation, "it cannot add a constraint to an existing table",
                batchAlternative(operation.table(), "batch.createPrimaryKey(\"" + operation.name() + "\", …)"));
    }

    /** Refused: SQLite cannot add a constraint to an existing table (a unique index can: {@code createUniqueIndex}). */
    @Override
    protected List<String> renderCreateUniqueConstraint(CreateUniqueConstraint operation) {
        throw unsupported(operation, "it cannot add a constraint to an existing table",
                batchAlternative(operation.table(), "batch.createUniqueConstraint(\"" + operation.name() + "\", …)")
                        + ", or create a unique index with op.createUniqueIndex");
    }

    /** Refused: SQLite cannot add a constraint to an existing table. */
    @Override
    protected List<String> renderCreateCheckConstraint(CreateCheckConstraint operation) {
        throw unsupported(operation, "it cannot add a constraint to an existing table",
                batchAlternative(operation.table(), "batch.createCheckConstraint(\"" + operation.name() + "\", …)"));
    }

    private static String batchAlternative(String table, String change) {
        return "use op.batchAlterTable(\"" + table + "\", batch -> " + change
                + "), which rebuilds the table by move and copy";
    }

    // ---- Batch mode: move and copy ----

    /**
     * SQLite's move and copy, as its documentation's twelve steps: {@code CREATE TABLE
     * _retort_tmp_<table>} with every constraint inline, {@code INSERT … SELECT} the rows,
     * {@code DROP TABLE} the old one, rename the new one to its name, recreate the indexes.
     * Other tables' foreign keys name the table by text, so they need nothing. The batch
     * runner checks {@code PRAGMA foreign_keys} around it.
     */
    @Override
    protected List<String> renderRecreateTable(RecreateTable operation) {
        Optional<String> schema = operation.schema();
        TableDefinition definition = operation.definition();
        checkAutoIncrement(operation, definition.columns());
        String temporary = operation.temporaryTable();
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + table(schema, temporary) + " (\n    "
                + String.join(",\n    ", tableLines(definition.columns(), renderTableConstraints(definition,
                        Optional.empty()), true)) + "\n)");
        statements.add(renderCopyRows(schema, temporary, operation));
        statements.addAll(renderDropTable(new DropTable(schema, operation.table())));
        statements.addAll(renderRenameTable(new RenameTable(schema, temporary, operation.table())));
        for (TableDefinition.Index index : definition.indexes()) {
            statements.addAll(renderCreateIndex(new CreateIndex(schema, index.name(), operation.table(),
                    index.columns(), index.unique())));
        }
        return List.copyOf(statements);
    }

    /** Empty: {@code AUTOINCREMENT} continues after the largest copied id by itself. */
    @Override
    public List<String> restartIdentity(Optional<String> schema, String table, String column, long next) {
        return List.of();
    }

    /** True: SQLite refuses to drop a column a key, index, foreign key or check uses. */
    @Override
    public boolean dropColumnRefusedWhileUsed() {
        return true;
    }

    /**
     * From {@code PRAGMA table_info}, {@code index_list}, {@code foreign_key_list} and the
     * {@code CREATE TABLE} text, which keeps the constraint names and checks; no referencing
     * keys are listed, as SQLite keeps a foreign key across a rebuild by the table's name.
     */
    @Override
    public TableSnapshot readTable(Connection connection, Optional<String> schema, String table,
            Predicate<String> mayLeaveOut) throws SQLException {
        SqliteTableReader reader = new SqliteTableReader(this, connection, schema);
        TableDefinition definition = reader.read(table, mayLeaveOut);
        return new TableSnapshot(definition, List.of(), reader.skippedIndexes());
    }

    /** {@code PRAGMA foreign_keys} and its friends: dropping the old table fires foreign keys while they are on. */
    @Override
    public Optional<ForeignKeyEnforcement> rebuildForeignKeyEnforcement() {
        return Optional.of(new ForeignKeyEnforcement() {
            @Override
            public String enabledQuery() {
                return foreignKeysEnabledQuery();
            }

            @Override
            public String set(boolean enabled) {
                return setForeignKeys(enabled);
            }

            @Override
            public String check(Optional<String> schema, String table) {
                return foreignKeyCheck(schema, table);
            }

            @Override
            public String referencingTablesQuery(Optional<String> schema) {
                return SqliteDialect.this.referencingTablesQuery(schema);
            }
        });
    }

    /** {@code PRAGMA foreign_keys}: 1 when the connection enforces foreign keys. */
    public String foreignKeysEnabledQuery() {
        return "PRAGMA foreign_keys";
    }

    /** Turns foreign-key enforcement on or off; SQLite ignores it inside a transaction. */
    public String setForeignKeys(boolean enabled) {
        return "PRAGMA foreign_keys = " + (enabled ? "ON" : "OFF");
    }

    /** Lists rows of {@code table} that break a foreign key; empty when none. */
    public String foreignKeyCheck(Optional<String> schema, String table) {
        return "PRAGMA " + schema.map(s -> quote(s) + ".").orElse("") + "foreign_key_check(" + quote(table) + ")";
    }

    /** {@code PRAGMA table_info}: cid, name, type, notnull, dflt_value, pk per column. */
    public String tableInfoQuery(Optional<String> schema, String table) {
        return pragma(schema, "table_info", table);
    }

    /**
     * {@code PRAGMA table_xinfo}: {@link #tableInfoQuery}'s columns and {@code hidden}, which
     * is 2 for a virtual generated column and 3 for a stored one (table_info leaves them out).
     */
    public String tableXinfoQuery(Optional<String> schema, String table) {
        return pragma(schema, "table_xinfo", table);
    }

    /** {@code PRAGMA index_list}: seq, name, unique, origin ({@code c}, {@code u}, {@code pk}), partial. */
    public String indexListQuery(Optional<String> schema, String table) {
        return pragma(schema, "index_list", table);
    }

    /** {@code PRAGMA index_info}: seqno, cid, name per indexed column. */
    public String indexInfoQuery(Optional<String> schema, String index) {
        return pragma(schema, "index_info", index);
    }

    /** {@code PRAGMA foreign_key_list}: id, seq, table, from, to, on_update, on_delete, match. */
    public String foreignKeyListQuery(Optional<String> schema, String table) {
        return pragma(schema, "foreign_key_list", table);
    }

    /** The {@code CREATE TABLE} statement SQLite keeps for a table; the table's name is the one parameter. */
    public String tableSqlQuery(Optional<String> schema) {
        return "SELECT sql FROM " + schema.map(s -> quote(s) + ".").orElse("") + "sqlite_master WHERE type = 'table' "
                + "AND name = ?";
    }

    /**
     * The names of the tables whose foreign keys reference a table, itself included when it
     * references itself. Parameters: the schema's name when {@code schema} is present, then
     * the table's name.
     */
    public String referencingTablesQuery(Optional<String> schema) {
        String prefix = schema.map(s -> quote(s) + ".").orElse("");
        return "SELECT DISTINCT m.name FROM " + prefix + "sqlite_master m, pragma_foreign_key_list(m.name"
                + schema.map(s -> ", ?").orElse("") + ") f WHERE m.type = 'table' AND f.\"table\" = ? COLLATE NOCASE";
    }

    private String pragma(Optional<String> schema, String pragma, String argument) {
        return "PRAGMA " + schema.map(s -> quote(s) + ".").orElse("") + pragma + "(" + quoteAlways(argument) + ")";
    }

    // ---- Locking and version table (migrator) ----

    /** True: the lock is the database's write lock, held on the migration connection. */
    @Override
    public boolean databaseLock() {
        return true;
    }

    /**
     * {@code BEGIN IMMEDIATE} (fails busy while another connection writes or holds the
     * lock), then {@code PRAGMA locking_mode = EXCLUSIVE} so the lock outlives {@code COMMIT}.
     */
    @Override
    public List<String> acquireDatabaseLock() {
        return List.of("BEGIN IMMEDIATE", "PRAGMA locking_mode = EXCLUSIVE", "COMMIT");
    }

    /** {@code PRAGMA locking_mode = NORMAL}, and a read, after which SQLite lets the lock go. */
    @Override
    public List<String> releaseDatabaseLock() {
        return List.of("PRAGMA locking_mode = NORMAL", "SELECT COUNT(*) FROM sqlite_master");
    }
}
