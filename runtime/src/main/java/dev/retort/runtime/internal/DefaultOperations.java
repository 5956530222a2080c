package dev.retort.runtime.internal;

import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.Operations;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.batch.BatchRunner;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.TableConstraint;
import java.util.ArrayList;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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
        for (String sql : statements) {
            try {
                sink.execute(sql);
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
        return new DefaultOperations(dialect, sink, connection, Optional.of(schema), namingConvention);
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
        return connection;
    }

    // ---- Batch mode (dialects2) ----

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
