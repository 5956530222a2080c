package dev.retort.autogenerate;

import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.TableConstraint;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
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
     * The operation in {@code schema}; a foreign key without a referent schema references a
     * table of {@code schema} too, which the SQL must say (PostgreSQL looks an unqualified
     * name up on the search path, not in the referencing table's schema).
     */
    static Operation placed(Operation operation, String schema) {
        Operation placed = with(operation, "schema", Optional.of(schema));
        if (placed instanceof CreateForeignKey fk && fk.referentSchema().isEmpty()) {
            placed = with(placed, "referentSchema", Optional.of(schema));
        }
        if (placed instanceof CreateTable create) {
            List<TableConstraint> constraints = create.constraints().stream()
                    .map(c -> c instanceof TableConstraint.ForeignKey fk && fk.referentSchema().isEmpty()
                            ? (TableConstraint) fk.referentSchema(schema) : c)
                    .toList();
            placed = new CreateTable(create.schema(), create.table(), create.columns(), constraints, create.comment());
        }
        return placed;
    }

    /**
     * The record {@code operation} with its component {@code name} set, when it has that
     * component and it is empty. Every operation record names its schema {@code schema}: one
     * rule places them all, those added later included, without a copy method per record.
     */
    private static Operation with(Operation operation, String name, Optional<String> value) {
        RecordComponent[] components = operation.getClass().getRecordComponents();
        if (components == null) {
            return operation;
        }
        try {
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(operation);
                types[i] = components[i].getType();
                if (components[i].getName().equals(name) && Optional.empty().equals(values[i])) {
                    values[i] = value;
                    found = true;
                }
            }
            if (!found) {
                return operation;
            }
            Constructor<? extends Operation> canonical = operation.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot place " + operation.getClass().getSimpleName() + " in a schema", e);
        }
    }
}
