package dev.retort.runtime.internal.batch;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.internal.SqlSink;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a {@link BatchAlterTable}: in place, each change as its own operation, where the
 * dialect can do them all and {@code recreate} allows; otherwise by move and copy ({@link
 * RecreateTable}), from the definition read from the database or given as {@code copyFrom}.
 * Every statement is rendered before the first runs.
 */
public final class BatchRunner {

    private final Dialect dialect;
    private final SqlSink sink;
    private final Connection connection;

    /**
     * @param connection the migration's connection, or {@code null} offline
     */
    public BatchRunner(Dialect dialect, SqlSink sink, Connection connection) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.connection = connection;
    }

    /** Renders and runs the batch. */
    public void run(BatchAlterTable batch) {
        if (batch.recreate() != BatchAlterTable.Recreate.ALWAYS) {
            try {
                List<String> statements = new ArrayList<>();
                for (Operation operation : batch.operations()) {
                    statements.addAll(dialect.render(operation));
                }
                if (batch.recreate() == BatchAlterTable.Recreate.NEVER || !dropsAColumnStillInUse(batch)) {
                    execute(statements);
                    return;
                }
            } catch (OperationNotSupportedException e) {
                // AUTO copies only where copying is the database's way (SQLite); elsewhere the
                // error says what to add (a MariaDB hint, say) and NEVER never copies.
                if (batch.recreate() == BatchAlterTable.Recreate.NEVER || dialect.supportsAlterColumn()) {
                    throw e;
                }
            }
        }
        recreate(batch);
    }

    /**
     * True when the batch drops a column that SQLite's in-place {@code DROP COLUMN} refuses
     * to drop because the table still uses it: in its primary key, a unique constraint, an
     * index, a foreign key or a check (SQLite names the column and gives up). The rebuild
     * drops what uses the column, as PostgreSQL does. Offline without {@code copyFrom} the
     * table cannot be read, and the drop stays in place.
     */
    private boolean dropsAColumnStillInUse(BatchAlterTable batch) {
        if (!dialect.dropColumnRefusedWhileUsed()
                || batch.operations().stream().noneMatch(o -> o instanceof DropColumn)) {
            return false;
        }
        TableDefinition table;
        if (batch.copyFrom().isPresent()) {
            table = batch.copyFrom().get();
        } else if (connection == null) {
            return false;
        } else {
            try {
                // Every index the definition cannot describe is left out: only the column's users matter here.
                table = dialect.readTable(connection, batch.schema(), batch.table(), index -> true).definition();
            } catch (SQLException e) {
                throw new StatementFailedException("batchAlterTable of " + batch.table(), e);
            }
        }
        for (Operation operation : batch.operations()) {
            if (operation instanceof DropColumn drop && usesColumn(table, drop.column())) {
                return true;
            }
        }
        return false;
    }

    private static boolean usesColumn(TableDefinition table, String column) {
        return table.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column)
                        && (c.isPrimaryKey() || c.isUnique()))
                || table.uniqueConstraints().stream().anyMatch(u -> containsIgnoringCase(u.columns(), column))
                || table.indexes().stream().anyMatch(i -> containsIgnoringCase(i.columns(), column))
                || table.foreignKeys().stream().anyMatch(f -> containsIgnoringCase(f.columns(), column))
                || table.checkConstraints().stream().anyMatch(c -> ColumnReferences.reads(c.sql(), column));
    }

    private static boolean containsIgnoringCase(List<String> names, String name) {
        return names.stream().anyMatch(name::equalsIgnoreCase);
    }

    private void recreate(BatchAlterTable batch) {
        try {
            TableDefinition before;
            List<CreateForeignKey> referencing = List.of();
            Set<String> skippedIndexes = Set.of();
            if (batch.copyFrom().isPresent()) {
                before = batch.copyFrom().get();
            } else if (connection == null) {
                throw new IllegalStateException("batchAlterTable of " + batch.table() + " rebuilds the table on "
                        + dialect.name() + ", which needs its current definition, and an offline SQL script has no "
                        + "database to read it from. State it with batch.copyFrom(TableDefinition.of(…)), as "
                        + "Alembic's copy_from.");
            } else {
                Set<String> dropped = new HashSet<>();
                for (Operation operation : batch.operations()) {
                    if (operation instanceof DropIndex drop) {
                        dropped.add(drop.name());
                    }
                }
                Dialect.TableSnapshot snapshot = dialect.readTable(connection, batch.schema(), batch.table(),
                        dropped::contains);
                before = snapshot.definition();
                referencing = snapshot.referencing();
                skippedIndexes = snapshot.undescribedIndexes();
            }
            RecreateTable recreate = BatchPlanner.plan(batch, before, referencing, skippedIndexes);
            List<String> statements = dialect.render(recreate);
            Optional<Dialect.ForeignKeyEnforcement> enforcement = dialect.rebuildForeignKeyEnforcement();
            if (enforcement.isPresent() && connection != null) {
                runWithForeignKeysOff(enforcement.get(), recreate, statements);
            } else {
                execute(statements);
            }
            restartIdentities(recreate);
        } catch (SQLException e) {
            throw new StatementFailedException("batchAlterTable of " + batch.table(), e);
        }
    }

    /**
     * With {@code PRAGMA foreign_keys} off (SQLite's default) the copy runs as rendered.
     * With it on, dropping the old table would fire the {@code ON DELETE} actions of every
     * table that references it, and SQLite cannot switch enforcement off inside a
     * transaction: outside one, enforcement is switched off around the copy and the table
     * checked after; inside one (a migration), the copy runs only when nothing references
     * the table.
     */
    private void runWithForeignKeysOff(Dialect.ForeignKeyEnforcement foreignKeys, RecreateTable recreate,
            List<String> statements) throws SQLException {
        if (!queryBoolean(foreignKeys.enabledQuery())) {
            execute(statements);
            return;
        }
        if (connection.getAutoCommit()) {
            execute(List.of(foreignKeys.set(false)));
            try {
                execute(statements);
            } finally {
                execute(List.of(foreignKeys.set(true)));
            }
            List<String> broken = queryStrings(foreignKeys.check(recreate.schema(), recreate.table()));
            if (!broken.isEmpty()) {
                throw new IllegalStateException("batchAlterTable of " + recreate.table() + " copied rows that break "
                        + "a foreign key (PRAGMA foreign_key_check lists " + broken.size() + " row(s)); fix the data");
            }
            return;
        }
        List<String> referencing = queryStrings(foreignKeys.referencingTablesQuery(recreate.schema()),
                Stream.concat(recreate.schema().stream(), Stream.of(recreate.table())).toArray(String[]::new));
        if (!referencing.isEmpty()) {
            throw new IllegalStateException("batchAlterTable of " + recreate.table() + " must rebuild the table, "
                    + "and PRAGMA foreign_keys is ON on the migration connection: dropping the old table would fire "
                    + "the foreign keys of " + referencing + ", and SQLite cannot turn them off inside the "
                    + "migration's transaction. Run the migrations with foreign keys off (SQLite's default; "
                    + "xerial: foreign_keys=false in the URL or SQLiteConfig).");
        }
        execute(statements);
    }

    /** Restarts identity columns after their values were copied, where the database does not itself. */
    private void restartIdentities(RecreateTable recreate) throws SQLException {
        for (Column column : recreate.definition().columns()) {
            if (!column.isAutoIncrement()
                    || dialect.restartIdentity(recreate.schema(), recreate.table(), column.name(), 1).isEmpty()) {
                continue;
            }
            if (connection == null) {
                throw new IllegalStateException("batchAlterTable of " + recreate.table() + " rebuilds identity column "
                        + column.name() + " on " + dialect.name() + ", which must then restart after the largest "
                        + "copied value; an offline script cannot know it. Rebuild it online, or restart the "
                        + "identity with op.execute(…) after the batch.");
            }
            long max = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(dialect.selectMaxValue(recreate.schema(), recreate.table(),
                         column.name()))) {
                if (rs.next()) {
                    max = rs.getLong(1);
                }
            }
            execute(dialect.restartIdentity(recreate.schema(), recreate.table(), column.name(), max + 1));
        }
    }

    private boolean queryBoolean(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    private List<String> queryStrings(String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private void execute(List<String> statements) {
        for (String sql : statements) {
            try {
                sink.execute(sql);
            } catch (SQLException e) {
                throw new StatementFailedException(sql, e);
            }
        }
    }
}
