package dev.retort.runtime;

import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a migration may do to the schema. An instance is handed to {@link
 * Migration#upgrade} and {@link Migration#downgrade}; every call becomes an operation
 * value (see {@code dev.retort.runtime.operation}) that the database's dialect renders to
 * SQL, run online or written to a script. Write names in lower case ({@code account},
 * {@code created_at}): the dialect leaves them bare, so the database folds them to its own
 * case and SQL written without quotes finds them. A name with upper case, spaces or
 * punctuation, or a reserved word ({@code order}), is quoted and kept exactly as written.
 *
 * <pre>{@code
 * public void upgrade(Operations op) {
 *     op.createTable("account",
 *         Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
 *         Column.of("name", Type.varchar(50)).notNull());
 *     op.addColumn("account", Column.of("email", Type.varchar(200)));
 *     op.createUniqueIndex("ix_account_email", "account", "email");
 * }
 * }</pre>
 *
 * <p>Tables are in the connection's current schema unless the calls go through {@link
 * #inSchema(String)}.
 */
public interface Operations {

    /**
     * Creates a table.
     *
     * <pre>{@code
     * op.createTable("account",
     *     Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
     *     Column.of("name", Type.varchar(50)).notNull(),
     *     Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()));
     * }</pre>
     *
     * @param columns at least one; columns marked {@code primaryKey()} form the primary key
     */
    void createTable(String table, Column... columns);

    /** Creates a table from a list of columns; see {@link #createTable(String, Column...)}. */
    void createTable(String table, List<Column> columns);

    /** Drops a table and its data: {@code op.dropTable("account")}. */
    void dropTable(String table);

    /** Renames a table: {@code op.renameTable("account", "customer")}. */
    void renameTable(String table, String newName);

    /**
     * Adds a column to a table. A {@code NOT NULL} column on a table with rows needs a
     * server default.
     *
     * <pre>{@code
     * op.addColumn("account", Column.of("active", Type.BOOLEAN).notNull().serverDefault(Expr.literal(true)));
     * }</pre>
     */
    void addColumn(String table, Column column);

    /** Drops a column and its data: {@code op.dropColumn("account", "active")}. */
    void dropColumn(String table, String column);

    /**
     * Changes a column in place: any of its type (with PostgreSQL's {@code USING}),
     * nullability, server default, comment and name.
     *
     * <pre>{@code
     * op.alterColumn("account", "name", c -> c.type(Type.varchar(100)).nullable(false));
     * op.alterColumn("account", "status", c -> c.serverDefault("new"));
     * op.alterColumn("account", "status", c -> c.dropServerDefault());
     * op.alterColumn("account", "name", c -> c.rename("full_name"));
     * op.alterColumn("account", "code", c -> c.type(Type.INTEGER, "code::integer"));
     * op.alterColumn("account", "name", c -> c.comment("Legal name").existingNoComment());
     * }</pre>
     *
     * @param changes states the changes on the builder it receives
     * @throws IllegalArgumentException when {@code changes} changes nothing
     */
    void alterColumn(String table, String column, Consumer<AlterColumn.Builder> changes);

    /**
     * Creates an index on one or more columns; {@code name} or null for the naming convention's.
     *
     * <pre>{@code
     * op.createIndex("ix_order_account_placed", "order", "account_id", "placed_at");
     * }</pre>
     */
    void createIndex(String name, String table, String... columns);

    /** Creates a unique index: {@code op.createUniqueIndex("ix_account_email", "account", "email")}. */
    void createUniqueIndex(String name, String table, String... columns);

    /**
     * Drops an index. Prefer {@link #dropIndex(String, String)}: MariaDB/MySQL need the table.
     */
    void dropIndex(String name);

    /** Drops an index of {@code table}: {@code op.dropIndex("ix_account_email", "account")}. */
    void dropIndex(String name, String table);

    // ---- Indexes with options, autocommit blocks, bulk inserts, parameters, literals ----

    /**
     * Creates an index with options: several columns or expressions, unique, partial,
     * concurrent, if not exists.
     *
     * <pre>{@code
     * op.createIndex("ix_account_email", "account", ix -> ix.columns("email").unique().where("deleted_at IS NULL"));
     * op.createIndex("ix_account_lower_email", "account", ix -> ix.expression("lower(email)"));
     * op.autocommitBlock(() ->
     *     op.createIndex("ix_order_placed", "order", ix -> ix.columns("placed_at").concurrently().ifNotExists()));
     * }</pre>
     *
     * <p>Expressions and {@code where} are SQL, passed through as written: PostgreSQL (and
     * SQLite) have both, H2 neither, and a dialect without them fails before anything runs.
     * {@code concurrently()} is PostgreSQL's {@code CREATE INDEX CONCURRENTLY}, which builds
     * the index without blocking writes; other databases build the index as usual. Because
     * PostgreSQL refuses it inside a transaction, a concurrent index must be created in
     * {@link #autocommitBlock(Runnable)} on every database, so a migration tried on H2 also
     * runs on PostgreSQL.
     *
     * @param index states the index's key and options on the builder it receives
     * @throws IllegalArgumentException when the index has no column or expression
     * @throws IllegalStateException for {@code concurrently()} outside {@link #autocommitBlock(Runnable)}
     */
    void createIndex(String name, String table, Consumer<CreateIndexWithOptions.Builder> index);

    /**
     * Drops an index with options: {@code op.dropIndex("ix_account_email", "account", ix -> ix.ifExists())}.
     * {@code concurrently()} is PostgreSQL's {@code DROP INDEX CONCURRENTLY} and, as for
     * {@link #createIndex(String, String, Consumer)}, must sit in {@link #autocommitBlock(Runnable)}.
     *
     * @throws IllegalStateException for {@code concurrently()} outside {@link #autocommitBlock(Runnable)}
     */
    void dropIndex(String name, String table, Consumer<DropIndexWithOptions.Builder> options);

    /**
     * Runs {@code block} outside the migration's transaction, for statements a database
     * refuses inside one, as Alembic's {@code autocommit_block}:
     *
     * <pre>{@code
     * op.addColumn("account", Column.of("email", Type.varchar(200)));
     * op.autocommitBlock(() ->
     *     op.createIndex("ix_account_email", "account", ix -> ix.columns("email").concurrently().ifNotExists()));
     * }</pre>
     *
     * <p>Online, the migration's transaction is committed first (its work so far becomes
     * permanent, and, in a run with one transaction for all migrations, so does the work of
     * the migrations before it), each statement of the block then commits on its own, and a
     * new transaction carries the rest of the migration and its version-table change. So if
     * the migration fails after the block, the block's work stays while the version table
     * still names the previous revision: write the block so it can run again ({@code
     * ifNotExists()}, {@code ifExists()}). Offline, on a database with transactional DDL,
     * the script gets {@code COMMIT;} before the block and {@code BEGIN;} after it. A block
     * inside a block just runs.
     */
    void autocommitBlock(Runnable block);

    /**
     * Inserts rows with typed columns: online as JDBC batches on the migration's
     * connection, offline as {@code INSERT} statements with literal values.
     *
     * <pre>{@code
     * op.bulkInsert(BulkInsert.into("account")
     *     .column("id", Type.BIGINT)
     *     .column("name", Type.varchar(50))
     *     .row(1L, "ada")
     *     .row(2L, "grace"));
     * }</pre>
     *
     * @param rows the table, its columns with their types, and the rows; see {@link BulkInsert}
     *     for which Java values each type takes
     * @throws IllegalArgumentException when a row does not fit the columns, before anything runs
     */
    void bulkInsert(BulkInsert.Builder rows);

    /**
     * Inserts rows given as maps from column name to value, as Alembic's {@code
     * bulk_insert}: {@code op.bulkInsert("account", List.of(Map.of("id", 1L, "name", "ada")))}.
     * The columns are the maps' keys, in alphabetical order; a key missing from a map
     * inserts {@code null}. Values are bound and written by their Java class; declare the
     * column types with {@link #bulkInsert(BulkInsert.Builder)} where that is not enough
     * ({@code JSON}, for one). No rows, no statement.
     */
    void bulkInsert(String table, List<? extends Map<String, ?>> rows);

    /**
     * Runs one SQL statement with positional {@code ?} parameters: bound online, written
     * as literals offline.
     *
     * <pre>{@code
     * op.execute("UPDATE account SET status = ? WHERE created_at < ?", "archived", LocalDate.of(2020, 1, 1));
     * }</pre>
     *
     * <p>A {@code ?} inside quotes or a comment is not a parameter. Values are typed by
     * their Java class (see {@link BulkInsert} for the classes); cast in the SQL where the
     * database needs a type, e.g. {@code CAST(? AS JSONB)}.
     *
     * @throws IllegalArgumentException when the number of values differs from the number of
     *     {@code ?}, before anything runs
     */
    void execute(String sql, Object... parameters);

    /**
     * {@link #execute(String, Object...)} with the values in a list (which may hold {@code null}).
     */
    void execute(String sql, List<?> parameters);

    /**
     * The SQL literal of {@code value} for this database, as Alembic's {@code
     * inline_literal}: for building statements that must read the same offline, where
     * nothing can be bound.
     *
     * <pre>{@code
     * op.execute("UPDATE account SET status = " + op.inlineLiteral("it's new") + " WHERE id = " + op.inlineLiteral(7L));
     * }</pre>
     *
     * <p>Strings are quoted with quotes doubled; numbers and booleans are written plain;
     * {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime} and {@code OffsetDateTime}
     * become typed literals ({@code DATE '2024-01-31'}, …); {@code UUID} and {@code byte[]}
     * the database's UUID and binary literals; {@code null} is {@code NULL}.
     *
     * @throws IllegalArgumentException for a class Retort cannot write as a literal
     */
    String inlineLiteral(Object value);

    /**
     * The SQL literal of {@code value} as a value of {@code type}: {@code
     * op.inlineLiteral("{\"a\": 1}", Type.JSON)} is a JSON literal, not a string.
     *
     * @throws IllegalArgumentException when the value does not fit the type
     */
    String inlineLiteral(Object value, Type type);

    /**
     * Adds a foreign key: {@code columns} of {@code table} reference {@code
     * referentColumns} of {@code referentTable}; {@code name} or null for the naming
     * convention's. Options include {@code onDelete}, {@code onUpdate}, and {@code
     * deferrable}/{@code initiallyDeferred} (PostgreSQL).
     *
     * <pre>{@code
     * op.createForeignKey("fk_order_account", "order", "account", List.of("account_id"), List.of("id"));
     * }</pre>
     */
    void createForeignKey(String name, String table, String referentTable, List<String> columns,
            List<String> referentColumns);

    /**
     * Adds a foreign key with options.
     *
     * <pre>{@code
     * op.createForeignKey("fk_order_account", "order", "account", List.of("account_id"), List.of("id"),
     *     fk -> fk.onDelete(ReferentialAction.CASCADE));
     * }</pre>
     */
    void createForeignKey(String name, String table, String referentTable, List<String> columns,
            List<String> referentColumns, Consumer<CreateForeignKey.Builder> options);

    /** Drops a named constraint: {@code op.dropConstraint("fk_order_account", "order")}. */
    void dropConstraint(String name, String table);

    /**
     * Drops a named constraint of a stated kind, which MariaDB/MySQL need:
     * {@code op.dropConstraint("fk_order_account", "order", ConstraintType.FOREIGN_KEY)}.
     */
    void dropConstraint(String name, String table, ConstraintType type);

    // ---- Constraints, comments and the naming convention (issue 3) ----
    //
    // Where a name parameter says "or null", a null name takes one from the migrator's
    // NamingConvention; without a pattern for that kind the call fails before anything runs.

    /**
     * Creates a table with table constraints and a comment.
     *
     * <pre>{@code
     * op.createTable("membership", List.of(
     *         Column.of("group_id", Type.INTEGER).notNull(),
     *         Column.of("user_id", Type.INTEGER).notNull().comment("The member")),
     *     t -> t.constraint(TableConstraint.primaryKey("group_id", "user_id"))
     *           .constraint(TableConstraint.foreignKey(List.of("group_id"), "group", List.of("id")))
     *           .comment("Who belongs to which group"));
     * }</pre>
     */
    void createTable(String table, List<Column> columns, Consumer<CreateTable.Options> options);

    /** Renames a column: {@code op.renameColumn("account", "name", "full_name")}. */
    void renameColumn(String table, String column, String newName);

    /** Adds a primary key: {@code op.createPrimaryKey("pk_account", "account", "id")}; {@code name} or null. */
    void createPrimaryKey(String name, String table, String... columns);

    /** Adds a unique constraint: {@code op.createUniqueConstraint("uq_account_email", "account", "email")}; {@code name} or null. */
    void createUniqueConstraint(String name, String table, String... columns);

    /**
     * Adds a check constraint; {@code condition} is SQL passed through unchanged:
     * {@code op.createCheckConstraint("ck_order_total", "order", "total >= 0")}. {@code name} or
     * null (a convention pattern using {@code {constraint_name}} then fails: name the check).
     */
    void createCheckConstraint(String name, String table, String condition);

    /**
     * Adds a PostgreSQL exclusion constraint; other dialects refuse it before anything runs.
     *
     * <pre>{@code
     * op.createExcludeConstraint("ex_booking_overlap", "booking", "gist", null,
     *     new CreateExcludeConstraint.Element("during", "&&"));
     * }</pre>
     *
     * @param using the index method, or null for the default
     * @param where a condition limiting the covered rows, or null
     */
    void createExcludeConstraint(String name, String table, String using, String where,
            CreateExcludeConstraint.Element... elements);

    /** Sets a table's comment: {@code op.createTableComment("account", "Customers")}. */
    void createTableComment(String table, String comment);

    /** Removes a table's comment. */
    void dropTableComment(String table);

    // ---- Sequences ----

    /**
     * Creates a sequence that starts with 1 and counts up by 1: {@code
     * op.createSequence("invoice_number")}. PostgreSQL, H2 and MariaDB have sequences;
     * SQLite refuses it before anything runs.
     */
    void createSequence(String name);

    /**
     * Creates a sequence with another start or increment, as Hibernate's default id
     * generator expects ({@code <entity>_seq}, increment 50):
     *
     * <pre>{@code
     * op.createSequence("account_seq", s -> s.incrementBy(50));
     * op.createSequence("invoice_number", s -> s.startWith(1000));
     * }</pre>
     *
     * @param sequence states the start and increment on the builder it receives
     */
    void createSequence(String name, Consumer<CreateSequence.Builder> sequence);

    /**
     * Drops a sequence and the position it had reached: {@code op.dropSequence("account_seq")}.
     * SQLite refuses it.
     */
    void dropSequence(String name);

    // ---- Enum types (PostgreSQL) ----

    /**
     * Creates a PostgreSQL enum type, its labels in order: {@code op.createEnumType("mood",
     * "sad", "ok", "happy")}; a column then takes it as {@code Type.raw("mood")}. Other
     * databases refuse it before anything runs.
     */
    void createEnumType(String name, String... values);

    /** Drops a PostgreSQL enum type no column uses any more: {@code op.dropEnumType("mood")}. */
    void dropEnumType(String name);

    /**
     * Adds a label at the end of a PostgreSQL enum type: {@code op.addEnumValue("mood",
     * "ecstatic")}. It runs in the migration's transaction (PostgreSQL 12 and later), but the
     * new label cannot be used until that transaction commits: insert or default to it in a
     * later revision. PostgreSQL cannot remove a label again.
     */
    void addEnumValue(String type, String value);

    /** Adds a label just before label {@code before}: {@code op.addEnumValueBefore("mood", "meh", "ok")}. */
    void addEnumValueBefore(String type, String value, String before);

    /** Adds a label just after label {@code after}: {@code op.addEnumValueAfter("mood", "meh", "sad")}. */
    void addEnumValueAfter(String type, String value, String after);

    /**
     * The same operations on tables of {@code schema} rather than the connection's current
     * schema: {@code op.inSchema("billing").createTable("invoice", …)}.
     */
    Operations inSchema(String schema);

    /** Runs one SQL statement as written, for data migrations and anything not covered by an operation. */
    void execute(String sql);

    /**
     * The connection the migration runs on, inside its transaction, for data migrations
     * that need JDBC directly. Do not commit, roll back or close it.
     *
     * @throws IllegalStateException when generating an offline SQL script, where there is no connection
     */
    Connection connection();

    // ---- Batch mode ----

    /**
     * Several changes to one table as a unit, as Alembic's {@code batch_alter_table}. Where
     * the database can make every change in place they run in place; on SQLite, which
     * cannot alter a column or a constraint, the table is rebuilt by "move and copy": a new
     * table {@code _retort_tmp_<table>} with the new definition, the rows copied, the old
     * table dropped and the new one renamed, its indexes and constraints recreated.
     *
     * <pre>{@code
     * op.batchAlterTable("account", batch -> batch
     *     .alterColumn("name", c -> c.type(Type.varchar(100)).nullable(false))
     *     .dropColumn("legacy")
     *     .createForeignKey("fk_account_region", "region", List.of("region_id"), List.of("id")));
     * }</pre>
     *
     * {@code batch.recreate(Recreate.ALWAYS)} rebuilds the table on every database, {@code
     * NEVER} never does; offline, a rebuild needs {@code batch.copyFrom(definition)}.
     *
     * @param changes states the changes (and options) on the builder it receives
     */
    void batchAlterTable(String table, Consumer<BatchAlterTable.Builder> changes);
}
