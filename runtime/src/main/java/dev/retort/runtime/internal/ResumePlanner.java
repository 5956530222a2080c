package dev.retort.runtime.internal;

import dev.retort.graph.Direction;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionNode;
import dev.retort.graph.Step;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.BulkInsert;
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
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.RenameTable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides how a step that a crash interrupted resumes: checks the journal against the
 * version table and the build ({@link #check}), and makes the statement that was in flight
 * safe to repeat ({@link #repeat}) with the dialect's {@code IF [NOT] EXISTS} forms or a
 * look at the catalogue, or says why it cannot be.
 */
final class ResumePlanner {

    /** A raw statement that only changes rows, which the database rolls back with its journal row. */
    private static final Pattern DATA_CHANGE = Pattern.compile("(?is)\\s*(INSERT|UPDATE|DELETE|MERGE)\\s.*");

    private final Dialect dialect;
    private final Connection connection;

    ResumePlanner(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.connection = connection;
    }

    /**
     * How to run the statement that was in flight: {@code sql} to run ({@code null} when it
     * has visibly taken effect), {@code how} for the log, or {@code unsafe}, the reason it
     * cannot be repeated safely.
     */
    record Decision(String sql, String how, String unsafe) {
        static Decision run(String sql, String how) {
            return new Decision(sql, how, null);
        }

        static Decision skip(String how) {
            return new Decision(null, how, null);
        }

        static Decision stop(String why) {
            return new Decision(null, null, why);
        }
    }

    /** The interrupted step of {@code entries}, checked against the version table's {@code rows} and the build. */
    static Journal.Resume check(List<Journal.Entry> entries, RevisionGraph graph, List<String> rows,
                                String versionTable, String journal, int failedAt) {
        Journal.Entry header = entries.get(0);
        String prev = rows.isEmpty() ? "base" : String.join(" ", rows);
        String settle = " Check the revision's objects by hand, undo what it did, and run `retort stamp " + prev
                + "` (Migrator.stamp), which clears the journal, then run again.";
        if (header.number() != 0) {
            throw conflict("The journal " + journal + " of an interrupted migration has lost its first row (revision "
                    + header.revision() + ")." + settle);
        }
        Optional<RevisionNode> node = graph.find(header.revision());
        if (node.isEmpty()) {
            throw conflict("The journal " + journal + " says a crash interrupted revision " + header.revision()
                    + ", which this build does not contain: deploy the build that has it and run again, or undo its "
                    + "statements by hand and run `retort stamp " + prev + "` (Migrator.stamp), which clears the "
                    + "journal.");
        }
        List<String> before = split(header.headsBefore());
        if (!before.equals(rows)) {
            throw conflict("The journal " + journal + " says a crash interrupted revision " + header.revision()
                    + " with version table " + versionTable + " at " + (before.isEmpty() ? "base" : before)
                    + ", but it is at " + prev + " now." + settle);
        }
        List<String> hashes = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            Journal.Entry entry = entries.get(i);
            if (entry.number() != i || !entry.revision().equals(header.revision()) || entry.sha256() == null) {
                throw conflict("The journal " + journal + " of revision " + header.revision() + " is not a run of "
                        + "statements 1 to n (row " + entry.number() + " of " + entry.revision() + ")." + settle);
            }
            hashes.add(entry.sha256());
        }
        Direction direction = "downgrade".equals(header.direction()) ? Direction.DOWNGRADE : Direction.UPGRADE;
        Step step = new Step(node.get(), direction, before, split(header.headsAfter()));
        return new Journal.Resume(step, hashes.size(), List.copyOf(hashes), failedAt);
    }

    /** Statement {@code index} of {@code operation}, which may or may not have taken effect before the crash. */
    Decision repeat(Operation operation, int index, String sql) throws SQLException {
        if (operation == null) {
            return Decision.stop("it belongs to a table rebuilt by move and copy (batchAlterTable), whose "
                    + "statements Retort cannot repeat safely");
        }
        return operation.accept(planner).decide(operation, index, sql);
    }

    /** How one kind of operation's interrupted statement is decided; it may look at the catalogue. */
    @FunctionalInterface
    private interface Plan {
        Decision decide(Operation operation, int index, String sql) throws SQLException;
    }

    /** A data change: the database rolled it back together with its missing journal row. */
    private static Decision runAgain(Operation operation, int index, String sql) {
        return Decision.run(sql, "a data change, rolled back with its journal row, runs again");
    }

    /**
     * A schema change: a statement already written to be repeated, else the dialect's form that
     * is safe to repeat, else what {@code catalogue} finds.
     */
    private Plan ddl(Plan catalogue) {
        return (operation, index, sql) -> {
            if (sql.startsWith("DROP INDEX IF EXISTS ")) {
                return Decision.run(sql, "already safe to repeat");
            }
            Optional<String> repeatable = dialect.repeatable(operation, index, sql);
            if (repeatable.isPresent()) {
                return Decision.run(repeatable.get(), "repeated as [" + repeatable.get() + "]");
            }
            return catalogue.decide(operation, index, sql);
        };
    }

    /** A schema change that has no way to be repeated but the dialect's form. */
    private Plan ddl() {
        return ddl((operation, index, sql) -> Decision.stop("Retort has no form of "
                + operation.getClass().getSimpleName() + " that is safe to repeat on " + dialect.name()));
    }

    /** A named constraint that is created ({@code create}) or dropped: the catalogue says whether it exists. */
    private Plan constraint(Optional<String> schema, String table, String name, boolean create) {
        return ddl((operation, index, sql) -> {
            boolean exists = hasConstraint(schema, table, name);
            if (create == exists) {
                return Decision.skip("constraint " + name + " of " + table + (exists ? " exists" : " is gone"));
            }
            return Decision.run(sql, "constraint " + name + " of " + table + (exists ? " still exists" : " is missing"));
        });
    }

    /**
     * The one dispatch from an operation to how its interrupted statement resumes: a visitor,
     * so that a new operation does not compile until resuming handles it.
     */
    private final Operation.Visitor<Plan> planner = new Operation.Visitor<>() {

        @Override
        public Plan visit(BulkInsert o) {
            return ResumePlanner::runAgain;
        }

        @Override
        public Plan visit(ExecuteWithParameters o) {
            return ResumePlanner::runAgain;
        }

        @Override
        public Plan visit(Execute o) {
            return (operation, index, sql) -> DATA_CHANGE.matcher(sql).matches() ? runAgain(operation, index, sql)
                    : Decision.stop("it is a raw op.execute(sql), which Retort cannot tell has taken effect");
        }

        @Override
        public Plan visit(CreatePrimaryKey o) {
            return ddl((operation, index, sql) -> hasPrimaryKey(o.schema(), o.table())
                    ? Decision.skip("primary key of " + o.table() + " exists")
                    : Decision.run(sql, "primary key of " + o.table() + " is missing; adding it"));
        }

        @Override
        public Plan visit(CreateForeignKey o) {
            return constraint(o.schema(), o.table(), o.name(), true);
        }

        @Override
        public Plan visit(CreateUniqueConstraint o) {
            return constraint(o.schema(), o.table(), o.name(), true);
        }

        @Override
        public Plan visit(CreateCheckConstraint o) {
            return constraint(o.schema(), o.table(), o.name(), true);
        }

        @Override
        public Plan visit(DropConstraint o) {
            return constraint(o.schema(), o.table(), o.name(), false);
        }

        @Override
        public Plan visit(RenameTable o) {
            return ddl((operation, index, sql) -> renamed(hasTable(o.schema(), o.table()),
                    hasTable(o.schema(), o.newName()), sql, "table " + o.table() + " -> " + o.newName()));
        }

        @Override
        public Plan visit(AlterColumn o) {
            if (o.newName().isEmpty()) {
                return ddl();
            }
            String newName = o.newName().get();
            return ddl((operation, index, sql) -> renamed(hasColumn(o.schema(), o.table(), o.column()),
                    hasColumn(o.schema(), o.table(), newName), sql,
                    "column " + o.table() + "." + o.column() + " -> " + newName));
        }

        @Override
        public Plan visit(CreateTable o) {
            return ddl();
        }

        @Override
        public Plan visit(DropTable o) {
            return ddl();
        }

        @Override
        public Plan visit(AddColumn o) {
            return ddl();
        }

        @Override
        public Plan visit(DropColumn o) {
            return ddl();
        }

        @Override
        public Plan visit(CreateIndex o) {
            return ddl();
        }

        @Override
        public Plan visit(DropIndex o) {
            return ddl();
        }

        @Override
        public Plan visit(CreateIndexWithOptions o) {
            return ddl();
        }

        @Override
        public Plan visit(DropIndexWithOptions o) {
            return ddl();
        }

        @Override
        public Plan visit(CreateExcludeConstraint o) {
            return ddl();
        }

        @Override
        public Plan visit(CreateTableComment o) {
            return ddl();
        }

        @Override
        public Plan visit(DropTableComment o) {
            return ddl();
        }

        @Override
        public Plan visit(CreateSequence o) {
            return ddl();
        }

        @Override
        public Plan visit(DropSequence o) {
            return ddl();
        }

        @Override
        public Plan visit(BatchAlterTable o) {
            return ddl();
        }

        @Override
        public Plan visit(RecreateTable o) {
            return ddl();
        }

        @Override
        public Plan visit(CreateEnumType o) {
            return ddl();
        }

        @Override
        public Plan visit(DropEnumType o) {
            return ddl();
        }

        @Override
        public Plan visit(AddEnumValue o) {
            return ddl();
        }
    };

    private static Decision renamed(boolean oldThere, boolean newThere, String sql, String what) {
        if (oldThere && !newThere) {
            return Decision.run(sql, "rename " + what + " had not run");
        }
        if (!oldThere && newThere) {
            return Decision.skip("rename " + what + " had run");
        }
        return Decision.stop("the catalogue shows " + (oldThere ? "both names" : "neither name") + " of the rename "
                + what);
    }

    private boolean hasTable(Optional<String> schema, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String[] where = where(schema.orElse(null));
        try (ResultSet rs = metaData.getTables(where[0], where[1], dialect.denormalizeName(table), null)) {
            return rs.next();
        }
    }

    private boolean hasColumn(Optional<String> schema, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String[] where = where(schema.orElse(null));
        try (ResultSet rs = metaData.getColumns(where[0], where[1], dialect.denormalizeName(table),
                dialect.denormalizeName(column))) {
            return rs.next();
        }
    }

    private boolean hasPrimaryKey(Optional<String> schema, String table) throws SQLException {
        String[] where = where(schema.orElse(null));
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(where[0], where[1],
                dialect.denormalizeName(table))) {
            return rs.next();
        }
    }

    private boolean hasConstraint(Optional<String> schema, String table, String name) throws SQLException {
        String[] where = where(schema.orElse(null));
        String inSchema = where[1] != null ? where[1] : where[0];
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM "
                + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?")) {
            statement.setString(1, inSchema);
            statement.setString(2, dialect.denormalizeName(table));
            statement.setString(3, dialect.denormalizeName(name));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** {catalog, schema} to look names up in: MariaDB's schemas are JDBC catalogs. */
    private String[] where(String schema) throws SQLException {
        if (!connection.getMetaData().supportsSchemasInTableDefinitions()) {
            return new String[] {schema != null ? schema : connection.getCatalog(), null};
        }
        return new String[] {null, schema != null ? dialect.denormalizeName(schema) : connection.getSchema()};
    }

    private static List<String> split(String heads) {
        return heads == null || heads.isEmpty() ? List.of()
                : Arrays.stream(heads.split(",")).map(String::strip)
                        .sorted().toList();
    }

    private static MigrationException conflict(String message) {
        return new MigrationException("RESUME_CONFLICT", message, null);
    }
}
