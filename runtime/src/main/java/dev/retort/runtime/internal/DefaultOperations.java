package dev.retort.runtime.internal;

import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.Operations;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.batch.BatchRunner;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateEnumType;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropEnumType;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.ExecuteWithParameters;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link Operations} a migration receives: builds each operation value, has the
 * dialect render it, and hands the statements to the sink (a connection online, a
 * script offline).
 */
public final class DefaultOperations implements Operations {

    private final Dialect dialect;
    private final SqlSink sink;
    private final Connection connection;
    private final Optional<String> schema;
    private final NamingConvention namingConvention;

    /**
     * @param connection the migration's connection, or {@code null} offline
     */
    public DefaultOperations(Dialect dialect, SqlSink sink, Connection connection) {
        this(dialect, sink, connection, NamingConvention.none());
    }

    /**
     * @param connection the migration's connection, or {@code null} offline
     * @param namingConvention names the constraints and indexes created without one
     */
    public DefaultOperations(Dialect dialect, SqlSink sink, Connection connection, NamingConvention namingConvention) {
        this(dialect, sink, connection, Optional.empty(), namingConvention);
    }

    private DefaultOperations(Dialect dialect, SqlSink sink, Connection connection, Optional<String> schema,
            NamingConvention namingConvention) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.connection = connection;
        this.schema = schema;
        this.namingConvention = Objects.requireNonNull(namingConvention, "namingConvention");
    }

    /**
     * Renders and runs one operation. Every statement is rendered before the first runs,
     * so an operation the dialect cannot do fails without touching the database.
     */
    public void run(Operation operation) {
        List<String> statements = dialect.render(operation);
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            try {
                sink.execute(operation, i, sql);
            } catch (SQLException e) {
                throw new StatementFailedException(sql, e);
            }
        }
    }

    @Override
    public void createTable(String table, Column... columns) {
        createTable(table, List.of(columns));
    }

    @Override
    public void createTable(String table, List<Column> columns) {
        // Through the options form, so the naming convention names the primary key.
        createTable(table, columns, options -> { });
    }

    @Override
    public void dropTable(String table) {
        run(new DropTable(schema, table));
    }

    @Override
    public void renameTable(String table, String newName) {
        run(new RenameTable(schema, table, newName));
    }

    @Override
    public void addColumn(String table, Column column) {
        run(new AddColumn(schema, table, column));
    }

    @Override
    public void dropColumn(String table, String column) {
        run(new DropColumn(schema, table, column));
    }

    @Override
    public void alterColumn(String table, String column, Consumer<AlterColumn.Builder> changes) {
        Objects.requireNonNull(changes, "changes");
        AlterColumn.Builder builder = AlterColumn.builder(table, column);
        schema.ifPresent(builder::schema);
        changes.accept(builder);
        run(builder.build());
    }

    @Override
    public void createIndex(String name, String table, String... columns) {
        run(new CreateIndex(schema, name(name, NamingConvention.Kind.INDEX, table, List.of(columns), null), table,
                List.of(columns), false));
    }

    @Override
    public void createUniqueIndex(String name, String table, String... columns) {
        run(new CreateIndex(schema, name(name, NamingConvention.Kind.INDEX, table, List.of(columns), null), table,
                List.of(columns), true));
    }

    @Override
    public void dropIndex(String name) {
        run(new DropIndex(schema, name, Optional.empty()));
    }

    @Override
    public void dropIndex(String name, String table) {
        run(new DropIndex(schema, name, Optional.of(table)));
    }

    // ---- Indexes with options, autocommit blocks, bulk inserts, parameters, literals ----

    /** Whether an autocommit block is running; one per migration run, shared with {@link #inSchema} views. */
    private static final class AutocommitState {
        boolean active;
    }

    private AutocommitState autocommit = new AutocommitState();

    @Override
    public void createIndex(String name, String table, Consumer<CreateIndexWithOptions.Builder> index) {
        Objects.requireNonNull(index, "index");
        CreateIndexWithOptions.Builder builder = CreateIndexWithOptions.builder(name, table);
        schema.ifPresent(builder::schema);
        index.accept(builder);
        CreateIndexWithOptions operation = builder.build();
        if (operation.concurrently()) {
            requireNoTransaction("Index " + name + " on " + table + " is created concurrently",
                    "op.autocommitBlock(() -> op.createIndex(\"" + name + "\", \"" + table + "\", ix -> …))");
        }
        run(operation);
    }

    @Override
    public void dropIndex(String name, String table, Consumer<DropIndexWithOptions.Builder> options) {
        Objects.requireNonNull(options, "options");
        DropIndexWithOptions.Builder builder = DropIndexWithOptions.builder(name, table);
        schema.ifPresent(builder::schema);
        options.accept(builder);
        DropIndexWithOptions operation = builder.build();
        if (operation.concurrently()) {
            requireNoTransaction("Index " + name + " of " + table + " is dropped concurrently",
                    "op.autocommitBlock(() -> op.dropIndex(\"" + name + "\", \"" + table + "\", ix -> …))");
        }
        run(operation);
    }

    /**
     * PostgreSQL refuses {@code CONCURRENTLY} inside a transaction ("cannot run inside a
     * transaction block"). Checked on every database, before rendering, so a migration tried
     * on H2 fails the same way it would on PostgreSQL, and offline scripts are right too.
     */
    private void requireNoTransaction(String what, String fix) {
        if (autocommit.active) {
            return;
        }
        try {
            if (connection != null && connection.getAutoCommit()) {
                return;
            }
        } catch (SQLException e) {
            throw new StatementFailedException("(reading the connection's auto-commit mode)", e);
        }
        throw new IllegalStateException(what + ", which PostgreSQL refuses inside a transaction, and every migration "
                + "runs in one. Wrap it in an autocommit block: " + fix + ". The block commits the migration's work "
                + "so far, so make it safe to run again (ifNotExists() / ifExists()).");
    }

    @Override
    public void autocommitBlock(Runnable block) {
        Objects.requireNonNull(block, "block");
        if (autocommit.active) {
            block.run();
            return;
        }
        autocommit.active = true;
        try {
            sink.autocommitBlock(connection, dialect, block);
        } catch (SQLException e) {
            throw new StatementFailedException("(ending or resuming the migration's transaction around "
                    + "op.autocommitBlock)", e);
        } finally {
            autocommit.active = false;
        }
    }

    @Override
    public void bulkInsert(BulkInsert.Builder rows) {
        Objects.requireNonNull(rows, "rows");
        insert(rows.build());
    }

    @Override
    public void bulkInsert(String table, List<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(rows, "rows");
        if (!rows.isEmpty()) {
            insert(BulkInsert.fromMaps(table, rows));
        }
    }

    /**
     * Offline, the dialect renders literal {@code INSERT}s into the sink. Online, one prepared
     * statement on the migration's connection runs the rows in JDBC batches: far faster than
     * a statement per row, and values keep their types without passing through text.
     */
    private void insert(BulkInsert operation) {
        BulkInsert insert = schema.isPresent() && operation.schema().isEmpty()
                ? operation.inSchema(schema.get()) : operation;
        if (insert.rows().isEmpty()) {
            return;
        }
        if (connection == null) {
            run(insert);
            return;
        }
        String sql = dialect.bulkInsertStatement(insert);
        List<BulkInsert.InsertColumn> columns = insert.columns();
        List<List<Object>> rows = insert.rows();
        int[] first = {0};
        try {
            sink.executeDirectly(sql, sql + "\n" + Arrays.deepToString(rows.stream().map(List::toArray).toArray()),
                    () -> {
                        try (PreparedStatement statement = connection.prepareStatement(sql)) {
                            for (int r = 0; r < rows.size(); r++) {
                                List<Object> row = rows.get(r);
                                for (int c = 0; c < columns.size(); c++) {
                                    dialect.bind(statement, c + 1, row.get(c), columns.get(c).type().orElse(null));
                                }
                                statement.addBatch();
                                if (r + 1 - first[0] == insert.batchSize() || r + 1 == rows.size()) {
                                    statement.executeBatch();
                                    first[0] = r + 1;
                                }
                            }
                        }
                    });
            sink.executed(sql);
        } catch (SQLException e) {
            // A batch failure's own message is often "see getNextException"; keep the real cause.
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            int last = Math.min(rows.size(), first[0] + insert.batchSize());
            throw new StatementFailedException(sql, new SQLException("Bulk insert into " + insert.table()
                    + " failed in the batch of rows " + (first[0] + 1) + " to " + last + " of " + rows.size() + ": "
                    + cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), e));
        }
    }

    @Override
    public void execute(String sql, Object... parameters) {
        Objects.requireNonNull(parameters, "parameters (for a single null value write execute(sql, (Object) null))");
        execute(sql, Arrays.asList(parameters));
    }

    @Override
    public void execute(String sql, List<?> parameters) {
        ExecuteWithParameters operation = new ExecuteWithParameters(sql, new ArrayList<>(parameters));
        if (connection == null) {
            run(operation);
            return;
        }
        try {
            sink.executeDirectly(sql, sql + "\n" + Arrays.deepToString(operation.parameters().toArray()), () -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < operation.parameters().size(); i++) {
                        dialect.bind(statement, i + 1, operation.parameters().get(i), null);
                    }
                    statement.execute();
                }
            });
            sink.executed(sql);
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    @Override
    public String inlineLiteral(Object value) {
        return dialect.literal(value);
    }

    @Override
    public String inlineLiteral(Object value, Type type) {
        return dialect.literal(value, type);
    }

    @Override
    public void createForeignKey(String name, String table, String referentTable, List<String> columns,
            List<String> referentColumns) {
        createForeignKey(name, table, referentTable, columns, referentColumns, options -> { });
    }

    @Override
    public void createForeignKey(String name, String table, String referentTable, List<String> columns,
            List<String> referentColumns, Consumer<CreateForeignKey.Builder> options) {
        Objects.requireNonNull(options, "options");
        CreateForeignKey.Builder builder = CreateForeignKey.builder(
                name(name, NamingConvention.Kind.FOREIGN_KEY, table, columns, referentTable), table, columns,
                referentTable, referentColumns);
        // Both ends default to this facade's schema; the options may point the referent elsewhere.
        schema.ifPresent(s -> builder.schema(s).referentSchema(s));
        options.accept(builder);
        run(builder.build());
    }

    @Override
    public void dropConstraint(String name, String table) {
        run(new DropConstraint(schema, name, table, Optional.empty()));
    }

    @Override
    public void dropConstraint(String name, String table, ConstraintType type) {
        run(new DropConstraint(schema, name, table, Optional.of(type)));
    }

    // ---- Constraints, comments and the naming convention (issue 3) ----

    @Override
    public void createTable(String table, List<Column> columns, Consumer<CreateTable.Options> options) {
        Objects.requireNonNull(options, "options");
        CreateTable.Options chosen = new CreateTable.Options();
        options.accept(chosen);
        List<TableConstraint> constraints = new ArrayList<>();
        for (TableConstraint constraint : chosen.constraints()) {
            constraints.add(constraint.name().isPresent() ? constraint : named(table, constraint));
        }
        // Columns marked primaryKey() form a key the convention names too, as SQLAlchemy's does.
        List<String> marked = columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        if (!marked.isEmpty() && constraints.stream().noneMatch(TableConstraint.PrimaryKey.class::isInstance)) {
            namingConvention.name(NamingConvention.Kind.PRIMARY_KEY, table, marked, null, null)
                    .ifPresent(name -> constraints.add(0, TableConstraint.primaryKey(marked.toArray(String[]::new))
                            .named(name)));
        }
        run(new CreateTable(schema, table, columns, constraints, chosen.comment()));
    }

    @Override
    public void renameColumn(String table, String column, String newName) {
        alterColumn(table, column, c -> c.rename(newName));
    }

    @Override
    public void createPrimaryKey(String name, String table, String... columns) {
        run(new CreatePrimaryKey(schema, name(name, NamingConvention.Kind.PRIMARY_KEY, table, List.of(columns), null),
                table, List.of(columns)));
    }

    @Override
    public void createUniqueConstraint(String name, String table, String... columns) {
        run(new CreateUniqueConstraint(schema, name(name, NamingConvention.Kind.UNIQUE, table, List.of(columns), null),
                table, List.of(columns)));
    }

    @Override
    public void createCheckConstraint(String name, String table, String condition) {
        run(new CreateCheckConstraint(schema, name(name, NamingConvention.Kind.CHECK, table, List.of(), null), table,
                condition));
    }

    @Override
    public void createExcludeConstraint(String name, String table, String using, String where,
            CreateExcludeConstraint.Element... elements) {
        run(new CreateExcludeConstraint(schema, name, table, List.of(elements), Optional.ofNullable(using),
                Optional.ofNullable(where)));
    }

    @Override
    public void createTableComment(String table, String comment) {
        run(new CreateTableComment(schema, table, comment, Optional.empty()));
    }

    @Override
    public void dropTableComment(String table) {
        run(new DropTableComment(schema, table, Optional.empty()));
    }

    @Override
    public void createSequence(String name) {
        createSequence(name, sequence -> { });
    }

    @Override
    public void createSequence(String name, Consumer<CreateSequence.Builder> sequence) {
        Objects.requireNonNull(sequence, "sequence");
        CreateSequence.Builder builder = CreateSequence.builder(name);
        schema.ifPresent(builder::schema);
        sequence.accept(builder);
        run(builder.build());
    }

    @Override
    public void dropSequence(String name) {
        run(new DropSequence(schema, name));
    }

    @Override
    public void createEnumType(String name, String... values) {
        run(new CreateEnumType(schema, name, List.of(values)));
    }

    @Override
    public void dropEnumType(String name) {
        run(new DropEnumType(schema, name));
    }

    @Override
    public void addEnumValue(String type, String value) {
        run(new AddEnumValue(schema, type, value, Optional.empty(), Optional.empty()));
    }

    @Override
    public void addEnumValueBefore(String type, String value, String before) {
        run(new AddEnumValue(schema, type, value, Optional.of(before), Optional.empty()));
    }

    @Override
    public void addEnumValueAfter(String type, String value, String after) {
        run(new AddEnumValue(schema, type, value, Optional.empty(), Optional.of(after)));
    }

    /** {@code given}, or the naming convention's name for an unnamed constraint or index. */
    private String name(String given, NamingConvention.Kind kind, String table, List<String> columns,
            String referredTable) {
        if (given != null) {
            return given;
        }
        return namingConvention.name(kind, table, columns, referredTable, null).orElseThrow(() ->
                new IllegalArgumentException("An unnamed " + kind + " on table " + table + " needs a name: give one, "
                        + "or configure Migrator.builder(…).namingConvention(…) with a pattern for " + kind));
    }

    /** An unnamed table constraint with its convention name, or as it is when the convention has no pattern. */
    private TableConstraint named(String table, TableConstraint constraint) {
        Optional<String> name;
        if (constraint instanceof TableConstraint.PrimaryKey pk) {
            name = namingConvention.name(NamingConvention.Kind.PRIMARY_KEY, table, pk.columns(), null, null);
        } else if (constraint instanceof TableConstraint.Unique unique) {
            name = namingConvention.name(NamingConvention.Kind.UNIQUE, table, unique.columns(), null, null);
        } else if (constraint instanceof TableConstraint.Check) {
            name = namingConvention.name(NamingConvention.Kind.CHECK, table, List.of(), null, null);
        } else {
            TableConstraint.ForeignKey fk = (TableConstraint.ForeignKey) constraint;
            name = namingConvention.name(NamingConvention.Kind.FOREIGN_KEY, table, fk.columns(), fk.referentTable(), null);
        }
        return name.map(constraint::named).orElse(constraint);
    }

    @Override
    public Operations inSchema(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (schema.isBlank()) {
            throw new IllegalArgumentException("The schema name must not be blank");
        }
        DefaultOperations scoped = new DefaultOperations(dialect, sink, connection, Optional.of(schema),
                namingConvention);
        scoped.autocommit = autocommit;
        return scoped;
    }

    @Override
    public void execute(String sql) {
        run(new Execute(sql));
    }

    @Override
    public Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("No connection while writing an offline SQL script: "
                    + "a migration that reads data cannot run with --sql.");
        }
        sink.connectionTaken();
        return connection;
    }

    // ---- Batch mode ----

    @Override
    public void batchAlterTable(String table, Consumer<BatchAlterTable.Builder> changes) {
        Objects.requireNonNull(changes, "changes");
        BatchAlterTable.Builder builder = BatchAlterTable.builder(table);
        schema.ifPresent(builder::schema);
        changes.accept(builder);
        runBatch(builder.build());
    }

    /** Runs a batch: in place where the dialect can, otherwise by move and copy. */
    public void runBatch(BatchAlterTable batch) {
        new BatchRunner(dialect, sink, connection).run(batch);
    }
}
