package dev.retort.cli.internal;

import dev.retort.autogenerate.JavaRenderer;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.CreateEnumType;
import dev.retort.runtime.operation.DropEnumType;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.ExecuteWithParameters;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * What autogenerate found, in the words of Alembic's log: {@code Detected added table
 * 'account'}, {@code Detected added column 'account.email'}, …, and one operation as a
 * single line of Java for {@code retort check}.
 */
public final class Detections {

    /** The prefix of the log lines, as Alembic's {@code INFO  [alembic.autogenerate.compare]}. */
    public static final String PREFIX = "INFO  [retort.autogenerate] ";

    private Detections() {
    }

    /**
     * The detection lines of one operation (an altered column may give several: type,
     * nullability, …; a batch one per change it holds).
     */
    public static List<String> describe(Operation operation) {
        return operation.accept(DETECTIONS);
    }

    /** The one dispatch from an operation to its detection lines. */
    private static final Operation.Visitor<List<String>> DETECTIONS = new Operation.Visitor<>() {

        @Override
        public List<String> visit(CreateTable o) {
            return List.of("Detected added table '" + o.table() + "'");
        }

        @Override
        public List<String> visit(DropTable o) {
            return List.of("Detected removed table '" + o.table() + "'");
        }

        @Override
        public List<String> visit(AddColumn o) {
            return List.of("Detected added column '" + o.table() + "." + o.column().name() + "'");
        }

        @Override
        public List<String> visit(DropColumn o) {
            return List.of("Detected removed column '" + o.table() + "." + o.column() + "'");
        }

        @Override
        public List<String> visit(AlterColumn o) {
            List<String> out = new ArrayList<>();
            String column = "'" + o.table() + "." + o.column() + "'";
            o.type().ifPresent(type -> out.add("Detected type change from "
                    + o.existingType().map(Object::toString).orElse("?") + " to " + type + " on " + column));
            o.nullable().ifPresent(nullable -> out.add("Detected " + (nullable ? "NULL" : "NOT NULL")
                    + " on column " + column));
            o.serverDefault().ifPresent(d -> out.add("Detected server default on column " + column));
            o.comment().ifPresent(c -> out.add("Detected column comment " + column));
            if (out.isEmpty()) {
                out.add("Detected change of column " + column);
            }
            return out;
        }

        @Override
        public List<String> visit(CreateIndex o) {
            return List.of("Detected added " + (o.unique() ? "unique " : "") + "index '" + o.name() + "' on '"
                    + o.table() + "(" + String.join(", ", o.columns()) + ")'");
        }

        @Override
        public List<String> visit(DropIndex o) {
            return List.of("Detected removed index '" + o.name() + "'"
                    + o.table().map(t -> " on '" + t + "'").orElse(""));
        }

        @Override
        public List<String> visit(CreateUniqueConstraint o) {
            return List.of("Detected added unique constraint '" + o.name() + "' on '" + o.table() + "("
                    + String.join(", ", o.columns()) + ")'");
        }

        @Override
        public List<String> visit(CreateForeignKey o) {
            return List.of("Detected added foreign key (" + String.join(", ", o.columns()) + ")(" + o.referentTable()
                    + "." + String.join(", ", o.referentColumns()) + ") on table " + o.table());
        }

        @Override
        public List<String> visit(DropConstraint o) {
            String kind = o.type().map(Detections::kind).orElse("constraint");
            return List.of("Detected removed " + kind + " '" + o.name() + "' on '" + o.table() + "'");
        }

        @Override
        public List<String> visit(CreateTableComment o) {
            return List.of("Detected " + (o.existingComment().isPresent() ? "changed" : "added")
                    + " table comment on '" + o.table() + "'");
        }

        @Override
        public List<String> visit(DropTableComment o) {
            return List.of("Detected removed table comment on '" + o.table() + "'");
        }

        @Override
        public List<String> visit(CreateSequence o) {
            return List.of("Detected added sequence '" + o.name() + "'");
        }

        @Override
        public List<String> visit(DropSequence o) {
            return List.of("Detected removed sequence '" + o.name() + "'");
        }

        @Override
        public List<String> visit(CreateEnumType o) {
            return List.of("Detected added enum type '" + o.name() + "'");
        }

        @Override
        public List<String> visit(DropEnumType o) {
            return List.of("Detected removed enum type '" + o.name() + "'");
        }

        @Override
        public List<String> visit(AddEnumValue o) {
            return List.of("Detected added value '" + o.value() + "' of enum type '" + o.type() + "'");
        }

        /** The same words as in place: the batch is how SQLite runs them, not what changed. */
        @Override
        public List<String> visit(BatchAlterTable o) {
            List<String> out = new ArrayList<>();
            o.operations().forEach(inner -> out.addAll(describe(inner)));
            return out;
        }

        @Override
        public List<String> visit(CreatePrimaryKey o) {
            return List.of("Detected added primary key '" + o.name() + "' on '" + o.table() + "("
                    + String.join(", ", o.columns()) + ")'");
        }

        @Override
        public List<String> visit(CreateCheckConstraint o) {
            return List.of("Detected added check constraint '" + o.name() + "' on '" + o.table() + "'");
        }

        /** A partial or expression index: its expressions in parentheses among the columns, then its predicate. */
        @Override
        public List<String> visit(CreateIndexWithOptions o) {
            return List.of("Detected added " + (o.unique() ? "unique " : "") + "index '" + o.name() + "' on '"
                    + o.table() + "(" + o.elements().stream().map(e -> e.isExpression() ? "(" + e.sql() + ")" : e.sql())
                            .collect(java.util.stream.Collectors.joining(", ")) + ")'"
                    + o.where().map(w -> " where " + w).orElse(""));
        }

        // Autogenerate finds none of the rest; should one come, its line of Java says what it is.

        @Override
        public List<String> visit(RenameTable o) {
            return asJava(o);
        }

        @Override
        public List<String> visit(DropIndexWithOptions o) {
            return asJava(o);
        }

        @Override
        public List<String> visit(CreateExcludeConstraint o) {
            return asJava(o);
        }

        @Override
        public List<String> visit(Execute o) {
            return asJava(o);
        }

        @Override
        public List<String> visit(ExecuteWithParameters o) {
            return asJava(o);
        }

        @Override
        public List<String> visit(BulkInsert o) {
            return asJava(o);
        }

        @Override
        public List<String> visit(RecreateTable o) {
            return asJava(o);
        }

        private List<String> asJava(Operation operation) {
            return List.of("Detected " + oneLine(operation));
        }
    };

    private static String kind(ConstraintType type) {
        return switch (type) {
            case FOREIGN_KEY -> "foreign key";
            case UNIQUE -> "unique constraint";
            case PRIMARY_KEY -> "primary key";
            case CHECK -> "check constraint";
        };
    }

    /** The operation as the Java call a revision would hold, on one line ({@code op.addColumn("account", …);}). */
    public static String oneLine(Operation operation) {
        StringBuilder out = new StringBuilder();
        for (String line : JavaRenderer.renderOperation(operation).lines().toList()) {
            String part = line.strip();
            if (out.length() > 0 && !(out.charAt(out.length() - 1) == '(' || part.startsWith(")") || part.startsWith("."))) {
                out.append(' ');
            }
            out.append(part);
        }
        return out.toString();
    }
}
