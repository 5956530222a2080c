package dev.retort.cli.internal;

import dev.retort.autogenerate.JavaRenderer;
import dev.retort.runtime.operation.AddColumn;
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
        List<String> out = new ArrayList<>();
        if (operation instanceof CreateTable o) {
            out.add("Detected added table '" + o.table() + "'");
        } else if (operation instanceof DropTable o) {
            out.add("Detected removed table '" + o.table() + "'");
        } else if (operation instanceof AddColumn o) {
            out.add("Detected added column '" + o.table() + "." + o.column().name() + "'");
        } else if (operation instanceof DropColumn o) {
            out.add("Detected removed column '" + o.table() + "." + o.column() + "'");
        } else if (operation instanceof AlterColumn o) {
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
        } else if (operation instanceof CreateIndex o) {
            out.add("Detected added " + (o.unique() ? "unique " : "") + "index '" + o.name() + "' on '" + o.table()
                    + "(" + String.join(", ", o.columns()) + ")'");
        } else if (operation instanceof DropIndex o) {
            out.add("Detected removed index '" + o.name() + "'" + o.table().map(t -> " on '" + t + "'").orElse(""));
        } else if (operation instanceof CreateUniqueConstraint o) {
            out.add("Detected added unique constraint '" + o.name() + "' on '" + o.table() + "("
                    + String.join(", ", o.columns()) + ")'");
        } else if (operation instanceof CreateForeignKey o) {
            out.add("Detected added foreign key (" + String.join(", ", o.columns()) + ")(" + o.referentTable() + "."
                    + String.join(", ", o.referentColumns()) + ") on table " + o.table());
        } else if (operation instanceof DropConstraint o) {
            String kind = o.type().map(Detections::kind).orElse("constraint");
            out.add("Detected removed " + kind + " '" + o.name() + "' on '" + o.table() + "'");
        } else if (operation instanceof CreateTableComment o) {
            out.add("Detected " + (o.existingComment().isPresent() ? "changed" : "added") + " table comment on '"
                    + o.table() + "'");
        } else if (operation instanceof DropTableComment o) {
            out.add("Detected removed table comment on '" + o.table() + "'");
        } else if (operation instanceof CreateSequence o) {
            out.add("Detected added sequence '" + o.name() + "'");
        } else if (operation instanceof DropSequence o) {
            out.add("Detected removed sequence '" + o.name() + "'");
        } else if (operation instanceof BatchAlterTable o) {
            // The same words as in place: the batch is how SQLite runs them, not what changed.
            o.operations().forEach(inner -> out.addAll(describe(inner)));
        } else {
            out.add("Detected " + oneLine(operation));
        }
        return out;
    }

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
