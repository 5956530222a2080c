package dev.retort.runtime.dialect;

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
import java.util.Optional;

/**
 * An operation as the {@code Operations} call a revision wrote, reduced to the names that
 * identify it ({@code alterColumn("customer", "email")}): what an error message shows, where
 * the record's full {@code toString} would bury the user's own words in nested values.
 */
final class OperationCalls {

    private static final int SQL_SHOWN = 40;

    private OperationCalls() {
    }

    /** The call that made {@code operation}, with the arguments that identify it;. */
    static String call(Operation operation) {
        return operation.accept(CALLS);
    }

    /** The one dispatch from an operation to the call that made it. */
    private static final Operation.Visitor<String> CALLS = new Operation.Visitor<>() {

        @Override
        public String visit(AddColumn o) {
            return "op." + call("addColumn", table(o.schema(), o.table()), o.column().name());
        }

        @Override
        public String visit(AlterColumn o) {
            return "op." + call("alterColumn", table(o.schema(), o.table()), o.column());
        }

        @Override
        public String visit(DropColumn o) {
            return "op." + call("dropColumn", table(o.schema(), o.table()), o.column());
        }

        @Override
        public String visit(CreateTable o) {
            return "op." + call("createTable", table(o.schema(), o.table()));
        }

        @Override
        public String visit(DropTable o) {
            return "op." + call("dropTable", table(o.schema(), o.table()));
        }

        @Override
        public String visit(RenameTable o) {
            return "op." + call("renameTable", table(o.schema(), o.table()), o.newName());
        }

        @Override
        public String visit(CreateTableComment o) {
            return "op." + call("createTableComment", table(o.schema(), o.table()));
        }

        @Override
        public String visit(DropTableComment o) {
            return "op." + call("dropTableComment", table(o.schema(), o.table()));
        }

        @Override
        public String visit(CreateIndex o) {
            return "op." + call(o.unique() ? "createUniqueIndex" : "createIndex", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(CreateIndexWithOptions o) {
            return "op." + call("createIndex", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(DropIndex o) {
            return "op." + call("dropIndex", qualified(o.schema(), o.name()));
        }

        @Override
        public String visit(DropIndexWithOptions o) {
            return "op." + call("dropIndex", qualified(o.schema(), o.name()));
        }

        @Override
        public String visit(CreatePrimaryKey o) {
            return "op." + call("createPrimaryKey", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(CreateUniqueConstraint o) {
            return "op." + call("createUniqueConstraint", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(CreateForeignKey o) {
            return "op." + call("createForeignKey", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(CreateCheckConstraint o) {
            return "op." + call("createCheckConstraint", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(CreateExcludeConstraint o) {
            return "op." + call("createExcludeConstraint", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(DropConstraint o) {
            return "op." + call("dropConstraint", o.name(), table(o.schema(), o.table()));
        }

        @Override
        public String visit(CreateSequence o) {
            return "op." + call("createSequence", qualified(o.schema(), o.name()));
        }

        @Override
        public String visit(DropSequence o) {
            return "op." + call("dropSequence", qualified(o.schema(), o.name()));
        }

        @Override
        public String visit(BulkInsert o) {
            return "op." + call("bulkInsert", table(o.schema(), o.table()));
        }

        @Override
        public String visit(BatchAlterTable o) {
            return "op." + call("batchAlterTable", table(o.schema(), o.table()));
        }

        @Override
        public String visit(RecreateTable o) {
            return "op." + call("batchAlterTable", table(o.schema(), o.table()));
        }

        @Override
        public String visit(Execute o) {
            return "op." + call("execute", shortened(o.sql()));
        }

        @Override
        public String visit(ExecuteWithParameters o) {
            return "op." + call("execute", shortened(o.sql()));
        }

        @Override
        public String visit(CreateEnumType o) {
            return "op." + call("createEnumType", qualified(o.schema(), o.name()));
        }

        @Override
        public String visit(DropEnumType o) {
            return "op." + call("dropEnumType", qualified(o.schema(), o.name()));
        }

        @Override
        public String visit(AddEnumValue o) {
            return "op." + call("addEnumValue", qualified(o.schema(), o.type()), o.value());
        }
    };

    private static String call(String method, String... arguments) {
        StringBuilder out = new StringBuilder(method).append('(');
        for (int i = 0; i < arguments.length; i++) {
            out.append(i == 0 ? "" : ", ").append('"').append(arguments[i].replace("\"", "\\\"")).append('"');
        }
        return out.append(')').toString();
    }

    private static String table(Optional<String> schema, String table) {
        return qualified(schema, table);
    }

    private static String qualified(Optional<String> schema, String name) {
        return schema.map(s -> s + "." + name).orElse(name);
    }

    private static String shortened(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SQL_SHOWN ? oneLine : oneLine.substring(0, SQL_SHOWN) + "…";
    }
}
