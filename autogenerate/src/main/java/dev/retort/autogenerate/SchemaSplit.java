package dev.retort.autogenerate;

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
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A comparison over several schemas, as Alembic's {@code include_schemas}: the tables and
 * sequences of each compared schema are compared as one schema of their own, and the
 * operations found are put in that schema. The phases of all schemas are merged (every
 * schema's foreign keys dropped first, …, every schema's sequences dropped last), so a key
 * from one schema to another is dropped before the table it references and a new table's
 * key to a table created in another schema waits for it.
 *
 * <p>The connection's current schema is the one without a name; a schema the options leave
 * out takes the model's tables and sequences in it along: they are neither created nor
 * reported.
 */
final class SchemaSplit {

    private SchemaSplit() {
    }

    /**
     * True when the model or the database holds a table or sequence of another schema than
     * the current one: compared if the options take it in, else left out.
     */
    static boolean spansSchemas(Metadata target, Metadata database) {
        return hasOtherSchema(target) || hasOtherSchema(database);
    }

    private static boolean hasOtherSchema(Metadata metadata) {
        return metadata.tables().stream().anyMatch(t -> t.schema().isPresent())
                || metadata.sequences().stream().anyMatch(s -> s.schema().isPresent());
    }

    /** The compared schemas: the current one (empty) first, then the others by name. */
    private static List<Optional<String>> schemas(Metadata target, Metadata database, CompareOptions options) {
        TreeSet<String> named = new TreeSet<>();
        for (Metadata metadata : List.of(target, database)) {
            metadata.tables().forEach(t -> t.schema().ifPresent(named::add));
            metadata.sequences().forEach(s -> s.schema().ifPresent(named::add));
        }
        List<Optional<String>> schemas = new ArrayList<>();
        schemas.add(Optional.empty());
        named.stream().filter(options::includesSchema).forEach(s -> schemas.add(Optional.of(s)));
        return schemas;
    }

    /** The changes of every compared schema; the comparers' notes go to {@code notes}. */
    static List<Change> compare(Metadata target, Metadata database, CompareOptions options, ServerDefaults defaults,
            List<String> notes) {
        List<List<Change>> merged = new ArrayList<>();
        List<Change> batched = new ArrayList<>();
        for (Optional<String> schema : schemas(target, database, options)) {
            Comparison.Comparer comparer = new Comparison.Comparer(view(target, schema), view(database, schema),
                    options, defaults, schema);
            // A key to a table the database lacks in another schema waits for that table's creation.
            comparer.waitsForOtherSchema = fk -> database.table(fk.referentSchema(), fk.referentTable()).isEmpty();
            if (options.batchesAlterations()) {
                comparer.compare().forEach(c -> batched.add(placed(c, schema)));
                notes.addAll(comparer.notes);
                continue;
            }
            List<List<Change>> phases = comparer.phases();
            notes.addAll(comparer.notes);
            for (int i = 0; i < phases.size(); i++) {
                if (merged.size() <= i) {
                    merged.add(new ArrayList<>());
                }
                for (Change change : phases.get(i)) {
                    merged.get(i).add(placed(change, schema));
                }
            }
        }
        merged.forEach(batched::addAll);
        return batched;
    }

    /**
     * The tables and sequences of {@code schema}, as if it were the current one; the enum
     * types (which the model places in the current schema) with the current schema's.
     */
    private static Metadata view(Metadata metadata, Optional<String> schema) {
        Metadata.Builder view = Metadata.builder();
        if (schema.isEmpty()) {
            metadata.enumTypes().forEach(view::enumType);
        }
        for (Table table : metadata.tables()) {
            if (table.schema().equals(schema)) {
                view.table(table.withSchema(Optional.empty()));
            }
        }
        for (Sequence sequence : metadata.sequences()) {
            if (sequence.schema().equals(schema)) {
                view.sequence(sequence.withSchema(Optional.empty()));
            }
        }
        return view.build();
    }

    private static Change placed(Change change, Optional<String> schema) {
        if (schema.isEmpty()) {
            return change;
        }
        return new Change(placed(change.operation(), schema.get()),
                change.downgrade().stream().map(o -> placed(o, schema.get())).toList(), change.notes());
    }

    /**
     * The operation in {@code schema}: every operation without a schema of its own takes it,
     * and a foreign key without a referent schema references a table of {@code schema} too,
     * which the SQL must say (PostgreSQL looks an unqualified name up on the search path, not
     * in the referencing table's schema). Raw SQL names its own schemas and stays as written.
     */
    static Operation placed(Operation operation, String schema) {
        return operation.accept(new Placement(Optional.of(schema)));
    }

    /**
     * One case per operation, with no default, so that a new operation does not compile until
     * it says how it is placed in a schema.
     */
    private static final class Placement implements Operation.Visitor<Operation> {

        private final Optional<String> schema;

        Placement(Optional<String> schema) {
            this.schema = schema;
        }

        /** The operation's own schema, or the placed one when it has none. */
        private Optional<String> in(Optional<String> own) {
            return own.isPresent() ? own : schema;
        }

        @Override
        public Operation visit(CreateTable o) {
            List<TableConstraint> constraints = o.constraints().stream()
                    .map(c -> c instanceof TableConstraint.ForeignKey fk && fk.referentSchema().isEmpty()
                            ? (TableConstraint) fk.referentSchema(schema.orElseThrow()) : c)
                    .toList();
            return new CreateTable(in(o.schema()), o.table(), o.columns(), constraints, o.comment());
        }

        @Override
        public Operation visit(DropTable o) {
            return new DropTable(in(o.schema()), o.table());
        }

        @Override
        public Operation visit(RenameTable o) {
            return new RenameTable(in(o.schema()), o.table(), o.newName());
        }

        @Override
        public Operation visit(AddColumn o) {
            return new AddColumn(in(o.schema()), o.table(), o.column());
        }

        @Override
        public Operation visit(DropColumn o) {
            return new DropColumn(in(o.schema()), o.table(), o.column());
        }

        @Override
        public Operation visit(AlterColumn o) {
            return new AlterColumn(in(o.schema()), o.table(), o.column(), o.type(), o.nullable(), o.serverDefault(),
                    o.newName(), o.existingType(), o.existingNullable(), o.existingServerDefault(), o.comment(),
                    o.using(), o.existingComment(), o.existingAutoIncrement(), o.identity(), o.existingIdentity(),
                    o.existingComputed());
        }

        @Override
        public Operation visit(CreateIndex o) {
            return new CreateIndex(in(o.schema()), o.name(), o.table(), o.columns(), o.unique());
        }

        @Override
        public Operation visit(DropIndex o) {
            return new DropIndex(in(o.schema()), o.name(), o.table());
        }

        @Override
        public Operation visit(CreateForeignKey o) {
            return new CreateForeignKey(in(o.schema()), o.name(), o.table(), o.columns(), in(o.referentSchema()),
                    o.referentTable(), o.referentColumns(), o.onDelete(), o.onUpdate(), o.deferrable(),
                    o.initiallyDeferred());
        }

        @Override
        public Operation visit(DropConstraint o) {
            return new DropConstraint(in(o.schema()), o.name(), o.table(), o.type());
        }

        @Override
        public Operation visit(CreatePrimaryKey o) {
            return new CreatePrimaryKey(in(o.schema()), o.name(), o.table(), o.columns());
        }

        @Override
        public Operation visit(CreateUniqueConstraint o) {
            return new CreateUniqueConstraint(in(o.schema()), o.name(), o.table(), o.columns());
        }

        @Override
        public Operation visit(CreateCheckConstraint o) {
            return new CreateCheckConstraint(in(o.schema()), o.name(), o.table(), o.condition());
        }

        @Override
        public Operation visit(CreateIndexWithOptions o) {
            return new CreateIndexWithOptions(in(o.schema()), o.name(), o.table(), o.elements(), o.unique(), o.where(),
                    o.concurrently(), o.ifNotExists());
        }

        @Override
        public Operation visit(DropIndexWithOptions o) {
            return new DropIndexWithOptions(in(o.schema()), o.name(), o.table(), o.concurrently(), o.ifExists());
        }

        @Override
        public Operation visit(CreateExcludeConstraint o) {
            return new CreateExcludeConstraint(in(o.schema()), o.name(), o.table(), o.elements(), o.using(),
                    o.where());
        }

        @Override
        public Operation visit(CreateTableComment o) {
            return new CreateTableComment(in(o.schema()), o.table(), o.comment(), o.existingComment());
        }

        @Override
        public Operation visit(DropTableComment o) {
            return new DropTableComment(in(o.schema()), o.table(), o.existingComment());
        }

        @Override
        public Operation visit(CreateSequence o) {
            return new CreateSequence(in(o.schema()), o.name(), o.start(), o.increment());
        }

        @Override
        public Operation visit(DropSequence o) {
            return new DropSequence(in(o.schema()), o.name());
        }

        @Override
        public Operation visit(Execute o) {
            return o;
        }

        @Override
        public Operation visit(ExecuteWithParameters o) {
            return o;
        }

        @Override
        public Operation visit(BulkInsert o) {
            return new BulkInsert(in(o.schema()), o.table(), o.columns(), o.rows(), o.batchSize());
        }

        // The batch's own operations and a rebuild's keys keep their schemas: the batch's
        // schema is the one its statements are written in.
        @Override
        public Operation visit(BatchAlterTable o) {
            return new BatchAlterTable(in(o.schema()), o.table(), o.operations(), o.recreate(), o.copyFrom());
        }

        @Override
        public Operation visit(RecreateTable o) {
            return new RecreateTable(in(o.schema()), o.table(), o.definition(), o.copies(), o.referencing());
        }

        @Override
        public Operation visit(CreateEnumType o) {
            return new CreateEnumType(in(o.schema()), o.name(), o.values());
        }

        @Override
        public Operation visit(DropEnumType o) {
            return new DropEnumType(in(o.schema()), o.name());
        }

        @Override
        public Operation visit(AddEnumValue o) {
            return new AddEnumValue(in(o.schema()), o.type(), o.value(), o.before(), o.after());
        }
    }
}
