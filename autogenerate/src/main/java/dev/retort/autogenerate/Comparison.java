package dev.retort.autogenerate;

import dev.retort.autogenerate.internal.JavaSource;
import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateForeignKey;
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
import dev.retort.runtime.operation.TableChange;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.EnumType;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The differences between a target model and a database's schema, as operations: what
 * {@code retort revision --autogenerate} writes and {@code retort check} reports.
 *
 * <pre>{@code
 * Metadata database = Introspection.read(connection, dialect);
 * Comparison comparison = Comparison.compare(model, database, CompareOptions.defaults());
 * if (!comparison.isEmpty()) {
 *     JavaRenderer.Rendered java = JavaRenderer.render(comparison.changes());
 * }
 * }</pre>
 *
 * <p>It finds added and dropped tables and columns; a column's type (unless {@link
 * CompareOptions#compareTypes(boolean) turned off}), nullability, server default (when
 * {@link CompareOptions#compareServerDefaults(boolean) turned on}), comment and numbering
 * (plain, identity {@code BY DEFAULT} or {@code ALWAYS}, serial: see {@link
 * Column.AutoIncrement}); added and dropped indexes (by name; a partial or expression index
 * also by its predicate and expressions, as the database prints them), unique constraints (by
 * columns) and foreign keys (by columns, referenced table and columns, and actions); a primary
 * key added, dropped or moved to other columns; check constraints (when {@link CompareOptions#compareCheckConstraints(boolean) turned on}) added and dropped, by name
 * only (databases rewrite a check's SQL; an unnamed check of the model is not compared, see
 * {@code CheckConstraints}); table comments; added and dropped sequences (by name). A
 * sequence's start or increment it reports as one of the {@link #notes()}, with no operation:
 * altering them on a sequence in use would restart it or skip values, so a change there is
 * left to a hand-written migration (Alembic compares no sequences at all). PostgreSQL enum
 * types it creates, drops (when no column will use them) and gives new labels; removed or
 * reordered labels are a note (see {@code EnumType}).
 *
 * <p>It never guesses a rename: a table or column that disappears while another appears is
 * a drop and an add, each with a note asking the author whether it is a rename. The
 * operations come in an order that runs: foreign keys and indexes are dropped before the
 * columns and tables they use, new sequences are created before new tables (whose
 * defaults may draw from them), new tables are created referenced-first, dropped tables go
 * last, referencing-first, and dropped sequences after them. The downgrade of a dropped
 * sequence recreates it with the start and increment read from the database, not the
 * position it had reached.
 *
 * <p>With {@link CompareOptions#forDialect(Dialect)} for a database that cannot alter in
 * place (SQLite), the changes to each existing table, when any of them is one the dialect
 * refuses, are gathered into one {@link BatchAlterTable} (its downgrade is one batch too),
 * placed where the last of them stood; a dropped column always goes into its table's batch
 * there, since only a batch can rebuild a table whose index, key or check still reads the
 * column; comments are left out where the database stores none, and so are the model's
 * sequences where it has none (SQLite, where Hibernate numbers rows without them).
 *
 * <p>A model of {@linkplain Metadata.Builder#unquotedNames() unquoted names} (as the
 * processor generates from JPA entities) is compared, and its operations written, with its
 * names as the dialect's database stores them bare ({@link Dialect#foldUnquotedName}):
 * Hibernate's {@code Account.createdAt} is {@code account.createdat} on PostgreSQL and H2.
 * Without a dialect its names are taken as written.
 *
 * <p>Where the dialect's database cannot tell a unique index from a unique constraint
 * ({@link Dialect#uniqueIndexesAreConstraints()}: MariaDB and MySQL, whose catalogue reads
 * every unique key back as a constraint), a unique index of the model is present when the
 * database has a unique key of its name and columns, and a unique key of the database whose
 * name is an index's of the model is kept only if that index is unique on its columns (else
 * by columns, as any unique constraint). A missing unique index is still created with {@code
 * createIndex(…, unique)}, as the model declares it; one the model dropped is dropped as the
 * key the database reports ({@code dropConstraint(…, UNIQUE)}), and a key on other columns
 * is dropped and recreated.
 *
 * <p>Tables and sequences of other schemas than the connection's take part when {@link
 * CompareOptions#includeSchemas(String...)} takes their schema in: each schema is compared
 * on its own, its operations are written into it, and the phases above are merged across
 * schemas. A foreign key's referent schema is compared like its referent table.
 *
 * <p>Where the dialect's database refuses to drop the index a foreign key uses ({@link
 * Dialect#foreignKeysNeedIndexes()}: MariaDB, MySQL and H2), a foreign key that stays, whose
 * columns lead an index or unique key being dropped, and that no key staying in the table
 * (primary key, index or unique, its columns leading in order) covers, is dropped before
 * the index and recreated after the new indexes: drop foreign key, drop index, … create
 * index, create foreign key. The downgrade runs the same dance in reverse.
 *
 * <p>Two more rules of a database are kept the same way. Where it refuses to change the type
 * of a column that a generated column reads (PostgreSQL), the computed columns reading it
 * (from the catalogue's dependencies when a connection is given) are dropped before the
 * change and added back after it. Where an auto-increment column must lead a key at every
 * step (MariaDB, MySQL), a temporary index holds it while every key leading with it is
 * replaced, and a model whose auto-increment column leads none of its keys is refused with
 * an {@link IllegalArgumentException} naming the column.
 */
public final class Comparison {

    private final List<Change> changes;
    private final List<String> notes;

    private Comparison(List<Change> changes, List<String> notes) {
        this.changes = List.copyOf(changes);
        this.notes = List.copyOf(notes);
    }

    /**
     * Compares {@code target} (the model) with {@code database} (read by {@link
     * Introspection}) and lists what turns the database into the model.
     *
     * @throws IllegalArgumentException for a model the options' database cannot hold (an
     *     auto-increment column leading no key on MariaDB)
     */
    public static Comparison compare(Metadata target, Metadata database, CompareOptions options) {
        return compare(target, database, options, null);
    }

    /**
     * Compares {@code target} with the database {@code connection} reaches, as {@code retort
     * check} does: reads it with {@link Introspection#read(java.sql.Connection, Dialect,
     * CompareOptions)} (the current schema and the schemas {@code options} include, without
     * their version table), in the dialect the options name or else the one detected, then
     * compares on the connection, so defaults spelled differently are compared by value.
     *
     * @throws java.sql.SQLException when the catalogue cannot be read
     * @throws UnsupportedOperationException for a database Retort cannot read yet
     * @throws IllegalArgumentException for a model the database cannot hold (an
     *     auto-increment column leading no key on MariaDB)
     */
    public static Comparison compareLive(Metadata target, java.sql.Connection connection, CompareOptions options)
            throws java.sql.SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(options, "options");
        Dialect dialect = options.dialect().isPresent() ? options.dialect().get() : Dialects.detect(connection);
        CompareOptions effective = options.dialect().isPresent() ? options : options.forDialect(dialect);
        return compare(target, Introspection.read(connection, dialect, effective), effective, connection);
    }

    /**
     * Compares as {@link #compare(Metadata, Metadata, CompareOptions)} does, and where a
     * server default of the model and the database's still differ in text once written in one
     * spelling ({@code now()} and {@code CURRENT_TIMESTAMP}, {@code 'utc'::text} and {@code
     * 'utc'}), asks {@code connection}'s server for both values and compares those, as
     * Alembic does on PostgreSQL. Only expressions without side effects are sent (no {@code
     * nextval}, no sub-query, a short list of functions); others stay different.
     *
     * @param connection the database {@code database} was read from, or null to compare by text only
     * @throws IllegalArgumentException for a model the options' database cannot hold (an
     *     auto-increment column leading no key on MariaDB)
     */
    public static Comparison compare(Metadata target, Metadata database, CompareOptions options,
            java.sql.Connection connection) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(options, "options");
        Metadata folded = target.hasUnquotedNames() && options.dialect().isPresent()
                ? target.renamed(options.dialect().get()::foldUnquotedName) : target;
        ServerDefaults defaults = new ServerDefaults(connection);
        if (SchemaSplit.spansSchemas(folded, database)) {
            List<String> notes = new ArrayList<>();
            List<Change> changes = SchemaSplit.compare(folded, database, options, defaults, notes);
            return new Comparison(changes, notes);
        }
        Comparer comparer = new Comparer(folded, database, options, defaults);
        return new Comparison(comparer.compare(), comparer.notes);
    }

    /** Every difference, in the order its operations run. */
    public List<Change> changes() {
        return changes;
    }

    /** The upgrade operations, in order: run them and the database matches the model. */
    public List<Operation> operations() {
        return changes.stream().map(Change::operation).toList();
    }

    /** The operations that undo {@link #operations()}, in order. */
    public List<Operation> downgradeOperations() {
        List<Operation> downgrade = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            downgrade.addAll(changes.get(i).downgrade());
        }
        return downgrade;
    }

    /** True when the database matches the model: no operation to run ({@link #notes()} aside). */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Differences found and deliberately left to the author, with no operation for them: a
     * sequence whose increment or start differs from the model's (altering a sequence in use
     * changes the values it gives). Each says what differs and what to write to change it.
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * One line per difference, its notes indented below it, then the {@link #notes()} each
     * after {@code "Note: "}; {@code "No changes"} when there is no change.
     */
    @Override
    public String toString() {
        StringBuilder trailer = new StringBuilder();
        notes.forEach(note -> trailer.append("\nNote: ").append(note));
        if (changes.isEmpty()) {
            return "No changes" + trailer;
        }
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            out.append(JavaRenderer.renderOperation(change.operation())).append('\n');
            change.notes().forEach(note -> out.append("    ").append(note).append('\n'));
        }
        return out.toString().stripTrailing() + trailer;
    }

    /** One comparison's state: the two schemas filtered, and the changes found per phase. */
    static final class Comparer {

        private final CompareOptions options;
        private final ServerDefaults defaults;
        private final Map<String, Table> model = new LinkedHashMap<>();
        private final Map<String, Table> database = new LinkedHashMap<>();
        private final Map<String, Sequence> modelSequences = new LinkedHashMap<>();
        private final Map<String, Sequence> databaseSequences = new LinkedHashMap<>();

        private final List<Change> dropForeignKeys = new ArrayList<>();
        private final List<Change> dropIndexesAndUniques = new ArrayList<>();
        private final List<Change> createSequences = new ArrayList<>();
        private final List<Change> createTables = new ArrayList<>();
        private final List<Change> alterTables = new ArrayList<>();
        private final List<Change> createIndexesAndUniques = new ArrayList<>();
        private final List<Change> createForeignKeys = new ArrayList<>();
        private final List<Change> dropTables = new ArrayList<>();
        private final List<Change> dropSequences = new ArrayList<>();
        /** Notes on differences no operation can remove (a sequence's increment, an enum's removed labels). */
        final List<String> notes = new ArrayList<>();
        private final List<Change> createTypes = new ArrayList<>();
        private final List<Change> dropTypes = new ArrayList<>();
        private final Map<String, EnumType> modelEnumTypes = new LinkedHashMap<>();
        private final Map<String, EnumType> databaseEnumTypes = new LinkedHashMap<>();
        private final List<Table> enumTypeUsers = new ArrayList<>();
        /** For a new table's foreign key to another schema: true when it must wait for its referent's creation. */
        Predicate<ForeignKey> waitsForOtherSchema = fk -> false;

        /** The schema compared, as the filters see it; empty for the connection's current schema. */
        private final Optional<String> schema;
        private final ComputedColumns.Dependents computedDependents;

        Comparer(Metadata target, Metadata db, CompareOptions options, ServerDefaults defaults) {
            this(target, db, options, defaults, Optional.empty());
        }

        Comparer(Metadata target, Metadata db, CompareOptions options, ServerDefaults defaults,
                Optional<String> schema) {
            this.schema = schema;
            this.defaults = defaults;
            this.options = options;
            this.computedDependents = new ComputedColumns.Dependents(defaults.connection(), options.dialect(), schema);
            for (Table table : target.tables()) {
                if (includedTable(table.name(), true, db.table(table.name()).isPresent())) {
                    model.put(table.name(), Indexes.supported(table, options.dialect()));
                }
            }
            for (Table table : db.tables()) {
                if (includedTable(table.name(), target.table(table.name()).isPresent(), true)) {
                    database.put(table.name(), table);
                }
            }
            if (options.comparesSequences()) {
                for (Sequence sequence : target.sequences()) {
                    if (includedSequence(sequence.name(), true, db.sequence(sequence.name()).isPresent())) {
                        modelSequences.put(sequence.name(), sequence);
                    }
                }
            }
            for (Sequence sequence : db.sequences()) {
                boolean inModel = options.comparesSequences() && target.sequence(sequence.name()).isPresent();
                if (includedSequence(sequence.name(), inModel, true)) {
                    databaseSequences.put(sequence.name(), sequence);
                }
            }
            // Enum types are PostgreSQL's: elsewhere the model's are left out, as sequences are on SQLite.
            if (options.dialect().map(Dialect::supportsEnumTypes).orElse(true)) {
                target.enumTypes().stream().filter(e -> includedEnumType(e.name(), true, db.enumType(e.name()).isPresent()))
                        .forEach(e -> modelEnumTypes.put(e.name(), e));
            }
            db.enumTypes().stream().filter(e -> includedEnumType(e.name(), modelEnumTypes.containsKey(e.name()), true))
                    .forEach(e -> databaseEnumTypes.put(e.name(), e));
            // After the upgrade the database has the model's tables, and keeps those left out of the comparison.
            enumTypeUsers.addAll(target.tables());
            db.tables().stream().filter(t -> !database.containsKey(t.name())).forEach(enumTypeUsers::add);
        }

        private boolean includedEnumType(String name, boolean inModel, boolean inDatabase) {
            return options.includes(new SchemaObject(SchemaObject.Kind.ENUM_TYPE, name, Optional.of(name), inModel,
                    inDatabase));
        }

        private boolean includedSequence(String name, boolean inModel, boolean inDatabase) {
            return options.includes(new SchemaObject(SchemaObject.Kind.SEQUENCE, name, Optional.of(name), inModel,
                    inDatabase, schema));
        }

        private boolean includedTable(String name, boolean inModel, boolean inDatabase) {
            return options.includesTable(name)
                    && options.includes(new SchemaObject(SchemaObject.Kind.TABLE, name, Optional.of(name), inModel,
                            inDatabase, schema));
        }

        private boolean included(SchemaObject.Kind kind, String table, Optional<String> name, boolean inModel,
                boolean inDatabase) {
            return options.includes(new SchemaObject(kind, table, name, inModel, inDatabase, schema));
        }

        List<Change> compare() {
            List<Change> all = new ArrayList<>();
            phases().forEach(all::addAll);
            return options.batchesAlterations()
                    ? Indexes.aroundBatches(batched(all, options.dialect().orElseThrow()), database) : all;
        }

        /** The changes found, one list per phase, in the order the phases run. */
        List<List<Change>> phases() {
            List<String> added = model.keySet().stream().filter(n -> !database.containsKey(n)).toList();
            List<String> dropped = database.keySet().stream().filter(n -> !model.containsKey(n)).toList();
            model.values().forEach(t -> AutoIncrements.requireKey(t, options.dialect()));
            compareSequences();
            EnumTypes.Found enumTypes = EnumTypes.compare(modelEnumTypes, databaseEnumTypes, enumTypeUsers);
            createTypes.addAll(enumTypes.creates());
            dropTypes.addAll(enumTypes.drops());
            notes.addAll(enumTypes.notes());
            createTables(added, dropped);
            for (Table table : model.values()) {
                Table existing = database.get(table.name());
                if (existing != null) {
                    compareTable(table, existing);
                }
            }
            dropTables(dropped, added);
            return List.of(dropForeignKeys, dropIndexesAndUniques, createSequences, createTypes, createTables,
                    alterTables, createIndexesAndUniques, createForeignKeys, dropTables, dropSequences, dropTypes);
        }

        /**
         * The changes with each existing table's batchable changes gathered into one batch,
         * for the tables where the dialect refuses at least one of them in place.
         */
        private List<Change> batched(List<Change> all, Dialect dialect) {
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            Set<String> refused = new LinkedHashSet<>();
            for (int i = 0; i < all.size(); i++) {
                Optional<String> table = batchableTable(all.get(i).operation());
                if (table.isEmpty() || !database.containsKey(table.get())) {
                    continue;
                }
                members.computeIfAbsent(table.get(), t -> new ArrayList<>()).add(i);
                // SQLite drops a column in place only while nothing else in the table uses it; a
                // batch runs the drop in place when it can and rebuilds the table when it cannot.
                if (refuses(dialect, all.get(i).operation()) || all.get(i).operation() instanceof DropColumn) {
                    refused.add(table.get());
                }
            }
            Map<Integer, Change> batchAt = new LinkedHashMap<>();
            Set<Integer> gathered = new LinkedHashSet<>();
            for (String table : refused) {
                List<Integer> indexes = members.get(table);
                List<Operation> upgrade = new ArrayList<>();
                List<Operation> downgrade = new ArrayList<>();
                List<Operation> afterDowngrade = new ArrayList<>();
                List<String> notes = new ArrayList<>();
                boolean undoable = true;
                for (int i : indexes) {
                    Change change = all.get(i);
                    upgrade.add(change.operation());
                    notes.addAll(change.notes());
                    undoable &= !change.downgrade().isEmpty()
                            && change.downgrade().stream().allMatch(o -> batchableTable(o).filter(table::equals).isPresent()
                                    || Indexes.createdOn(o, table));
                }
                for (int k = indexes.size() - 1; k >= 0 && undoable; k--) {
                    // A partial or expression index a batch cannot hold is created again after it.
                    all.get(indexes.get(k)).downgrade().forEach(o -> (Indexes.createdOn(o, table) ? afterDowngrade
                            : downgrade).add(o));
                }
                BatchAlterTable batch = new BatchAlterTable(Optional.empty(), table, upgrade,
                        BatchAlterTable.Recreate.AUTO, Optional.empty());
                List<Operation> undo = new ArrayList<>();
                if (undoable) {
                    undo.add(new BatchAlterTable(Optional.empty(), table, downgrade, BatchAlterTable.Recreate.AUTO,
                            Optional.empty()));
                    undo.addAll(afterDowngrade);
                }
                batchAt.put(indexes.get(indexes.size() - 1), new Change(batch, undo, notes));
                gathered.addAll(indexes);
            }
            List<Change> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (batchAt.containsKey(i)) {
                    out.add(batchAt.get(i));
                } else if (!gathered.contains(i)) {
                    out.add(all.get(i));
                }
            }
            return out;
        }

        /** True when the dialect cannot run the operation in place. */
        private static boolean refuses(Dialect dialect, Operation operation) {
            try {
                dialect.render(operation);
                return false;
            } catch (OperationNotSupportedException e) {
                return true;
            }
        }

        /** The table of an operation a batch can hold; empty for any other. */
        private static Optional<String> batchableTable(Operation operation) {
            return operation instanceof TableChange change ? change.changedTable() : Optional.empty();
        }

        /** The column without its comment when the database stores none. */
        private Column commented(Column column) {
            if (options.comparesComments() || column.comment().isEmpty()) {
                return column;
            }
            Column plain = Column.of(column.name(), column.type());
            if (column.isPrimaryKey()) {
                plain = plain.primaryKey();
            }
            if (column.isAutoIncrement()) {
                plain = plain.autoIncrement(column.autoIncrementKind().orElseThrow());
            }
            if (column.isUnique()) {
                plain = plain.unique();
            }
            if (column.serverDefault().isPresent()) {
                plain = plain.serverDefault(column.serverDefault().get());
            }
            return plain.nullable(column.isNullable());
        }

        // ---- Tables ----

        private void createTables(List<String> added, List<String> dropped) {
            Set<String> created = new LinkedHashSet<>();
            for (String name : referencedFirst(added, model)) {
                Table table = model.get(name);
                List<TableConstraint> constraints = new ArrayList<>();
                List<Column> marked = table.columns().stream().filter(Column::isPrimaryKey).toList();
                table.primaryKey().filter(pk -> marked.isEmpty() || pk.name().isPresent())
                        .ifPresent(pk -> constraints.add(pk.toTableConstraint()));
                table.uniqueConstraints().forEach(u -> constraints.add(u.toTableConstraint()));
                table.checkConstraints().forEach(c -> constraints.add(c.toTableConstraint()));
                List<ForeignKey> later = new ArrayList<>();
                for (ForeignKey fk : table.foreignKeys()) {
                    // A key to a table created further down (a cycle) is added once both exist, except
                    // where keys cannot be added to an existing table (SQLite), which accepts a key to a
                    // table that does not exist yet.
                    boolean waits = (fk.referentSchema().isPresent() ? waitsForOtherSchema.test(fk)
                            : added.contains(fk.referentTable()) && !created.contains(fk.referentTable())
                                    && !fk.referentTable().equals(name)) && !options.batchesAlterations();
                    if (waits) {
                        later.add(fk);
                    } else {
                        constraints.add(fk.toTableConstraint());
                    }
                }
                CreateTable create = new CreateTable(Optional.empty(), name,
                        table.columns().stream().map(this::commented).toList(), constraints,
                        options.comparesComments() ? table.comment() : Optional.empty());
                Change change = Change.of(create);
                if (!dropped.isEmpty()) {
                    change = change.withNote(renameNote("Table " + name + " is new while table(s) "
                            + String.join(", ", dropped) + " are dropped", "op.renameTable(\"" + dropped.get(0)
                            + "\", \"" + name + "\")"));
                }
                createTables.add(change);
                created.add(name);
                for (Index index : table.indexes()) {
                    // Undone by the table's drop: dropping it first fails on MariaDB when a foreign key needs it.
                    createTables.add(new Change(createIndex(name, index), List.of(), List.of()));
                }
                for (ForeignKey fk : later) {
                    createForeignKeys.add(Change.of(createForeignKey(name, fk)));
                }
            }
        }

        /** Sequences by name; a new start or increment is a note only: it would restart or skip a sequence in use. */
        private void compareSequences() {
            modelSequences.values().stream().filter(s -> databaseSequences.containsKey(s.name()))
                    .forEach(s -> SequenceChanges.note(s, databaseSequences.get(s.name())).ifPresent(notes::add));
            modelSequences.values().stream().filter(s -> !databaseSequences.containsKey(s.name()))
                    .forEach(s -> createSequences.add(Change.of(
                            new CreateSequence(Optional.empty(), s.name(), s.start(), s.increment()))));
            databaseSequences.values().stream().filter(s -> !modelSequences.containsKey(s.name()))
                    .forEach(s -> dropSequences.add(new Change(new DropSequence(Optional.empty(), s.name()),
                            List.of(new CreateSequence(Optional.empty(), s.name(), s.start(), s.increment())),
                            List.of())));
        }

        private void dropTables(List<String> dropped, List<String> added) {
            List<String> order = new ArrayList<>(referencedFirst(dropped, database));
            java.util.Collections.reverse(order);
            for (String name : order) {
                Table table = database.get(name);
                List<Operation> recreate = new ArrayList<>();
                recreate.add(recreateTable(table));
                table.indexes().forEach(index -> recreate.add(createIndex(name, index)));
                List<String> notes = added.isEmpty() ? List.of() : List.of(renameNote("Table " + name
                        + " is dropped while table(s) " + String.join(", ", added) + " are new",
                        "op.renameTable(\"" + name + "\", \"" + added.get(0) + "\")"));
                dropTables.add(new Change(new DropTable(Optional.empty(), name), recreate, notes));
            }
        }

        /** The table as the database has it, every constraint named as it is there. */
        private static CreateTable recreateTable(Table table) {
            List<TableConstraint> constraints = new ArrayList<>();
            // Columns marked primaryKey() already declare an unnamed key.
            boolean marked = table.columns().stream().anyMatch(Column::isPrimaryKey);
            List<Column> columns = table.columns();
            Optional<PrimaryKey> key = table.primaryKey().filter(pk -> !marked || pk.name().isPresent());
            // An unnamed one-column key on an auto-increment column is declared on the column
            // (SQLite auto-increments only an INTEGER PRIMARY KEY column).
            if (key.isPresent() && key.get().name().isEmpty() && key.get().columns().size() == 1
                    && table.column(key.get().columns().get(0)).map(Column::isAutoIncrement).orElse(false)) {
                String keyColumn = key.get().columns().get(0);
                columns = columns.stream().map(c -> c.name().equals(keyColumn) ? c.primaryKey() : c).toList();
                key = Optional.empty();
            }
            key.ifPresent(pk -> constraints.add(pk.toTableConstraint()));
            table.uniqueConstraints().forEach(u -> constraints.add(u.toTableConstraint()));
            table.checkConstraints().forEach(c -> constraints.add(c.toTableConstraint()));
            table.foreignKeys().forEach(fk -> constraints.add(fk.toTableConstraint()));
            return new CreateTable(Optional.empty(), table.name(), columns, constraints, table.comment());
        }

        /** Tables ordered so that a table comes after those it references; a cycle keeps model order. */
        private static List<String> referencedFirst(List<String> names, Map<String, Table> tables) {
            List<String> ordered = new ArrayList<>();
            List<String> remaining = new ArrayList<>(names);
            while (!remaining.isEmpty()) {
                String next = remaining.stream().filter(n -> tables.get(n).foreignKeys().stream()
                        .filter(fk -> fk.referentSchema().isEmpty()).map(ForeignKey::referentTable)
                        .noneMatch(r -> !r.equals(n) && remaining.contains(r)))
                        .findFirst().orElse(remaining.get(0));
                ordered.add(next);
                remaining.remove(next);
            }
            return ordered;
        }

        // ---- One table present on both sides ----

        private void compareTable(Table table, Table existing) {
            String name = table.name();
            compareComment(table, existing);
            // Computed columns reading a column whose type changes, where the database refuses that
            // change under them: dropped ahead of this table's changes, added back after them.
            Set<String> recomputed = computedDependents.reading(existing, retyped(table, existing));
            int start = alterTables.size();
            List<Change> addedBack = new ArrayList<>();
            // Columns dropped and added back: the database drops their indexes with them.
            Set<String> readded = new LinkedHashSet<>(recomputed);
            List<Column> addedColumns = new ArrayList<>();
            for (Column column : table.columns()) {
                Optional<Column> current = existing.column(column.name());
                if (!included(SchemaObject.Kind.COLUMN, name, Optional.of(column.name()), true, current.isPresent())) {
                    continue;
                }
                if (current.isEmpty()) {
                    addedColumns.add(column);
                } else if (recomputed.contains(column.name())) {
                    alterTables.add(start++, ComputedColumns.dropAround(name, column, current.get()));
                    addedBack.add(new Change(new AddColumn(Optional.empty(), name, commented(column)),
                            List.of(new DropColumn(Optional.empty(), name, column.name())), List.of()));
                } else if (!ComputedColumns.same(column, current.get())) {
                    recreateComputed(name, column, current.get());
                    readded.add(column.name());
                } else {
                    compareColumn(name, column, current.get(), table.primaryKey());
                }
            }
            List<Column> droppedColumns = existing.columns().stream()
                    .filter(c -> table.column(c.name()).isEmpty())
                    .filter(c -> included(SchemaObject.Kind.COLUMN, name, Optional.of(c.name()), false, true))
                    .toList();
            for (Column column : addedColumns) {
                Change change = Change.of(new AddColumn(Optional.empty(), name, commented(column)));
                if (!column.isNullable() && column.serverDefault().isEmpty() && !column.isAutoIncrement()) {
                    change = change.withNote("Adds NOT NULL column " + name + "." + column.name()
                            + " without a server default: this fails if " + name + " has rows. Give it a"
                            + " serverDefault, or add it nullable, fill it, then make it NOT NULL.");
                }
                if (!droppedColumns.isEmpty()) {
                    change = change.withNote(renameNote("Column " + name + "." + column.name()
                            + " is new while column(s) " + names(droppedColumns) + " are dropped",
                            "op.renameColumn(\"" + name + "\", \"" + droppedColumns.get(0).name() + "\", \""
                                    + column.name() + "\")"));
                }
                alterTables.add(change);
            }
            for (Column column : droppedColumns) {
                Change change = new Change(new DropColumn(Optional.empty(), name, column.name()),
                        List.of(new AddColumn(Optional.empty(), name, column)), List.of());
                if (!addedColumns.isEmpty()) {
                    change = change.withNote(renameNote("Column " + name + "." + column.name()
                            + " is dropped while column(s) " + names(addedColumns) + " are new",
                            "op.renameColumn(\"" + name + "\", \"" + column.name() + "\", \""
                                    + addedColumns.get(0).name() + "\")"));
                }
                if (recomputed.contains(column.name())) {
                    alterTables.add(start++, change);
                } else {
                    alterTables.add(change);
                }
            }
            alterTables.addAll(addedBack);
            Set<String> addedNames = addedColumns.stream().map(Column::name).collect(Collectors.toSet());
            int keyDrops = dropIndexesAndUniques.size();
            List<List<String>> droppedKeys = new ArrayList<>();
            compareIndexes(table, existing, droppedKeys, readded);
            compareUniques(table, existing, addedNames, droppedKeys, readded);
            Set<ForeignKey> droppedForeignKeys = compareForeignKeys(table, existing);
            PrimaryKeys.Found key = PrimaryKeys.compare(table, existing, options, model.values());
            key.drop().ifPresent(dropIndexesAndUniques::add);
            key.drop().ifPresent(d -> droppedKeys.add(existing.primaryKey().orElseThrow().columns()));
            key.add().ifPresent(createIndexesAndUniques::add);
            if (options.comparesCheckConstraints()) {
                CheckConstraints.Found checks = CheckConstraints.compare(table, existing, options::includes);
                dropIndexesAndUniques.addAll(checks.drops());
                createIndexesAndUniques.addAll(checks.adds());
            }
            AutoIncrements.bridge(table, existing, droppedKeys, options.dialect()).ifPresent(bridge -> {
                dropIndexesAndUniques.add(keyDrops, AutoIncrements.hold(name, bridge));
                createIndexesAndUniques.add(AutoIncrements.release(name, bridge));
            });
            if (options.keepsForeignKeyIndexes()) {
                rebuildForeignKeysOverDroppedKeys(existing, droppedKeys, droppedForeignKeys);
            }
        }

        /** The columns of both sides whose type changes, when types are compared. */
        private Set<String> retyped(Table table, Table existing) {
            if (!options.comparesTypes()) {
                return Set.of();
            }
            return table.columns().stream().filter(c -> existing.column(c.name())
                    .filter(e -> !TypeComparison.same(c.type(), e.type())).isPresent())
                    .map(Column::name).collect(Collectors.toSet());
        }

        /**
         * A column whose computation changed, or that becomes or stops being computed, is
         * dropped and added again: no database here alters a generated expression in place
         * (PostgreSQL 15 cannot; MariaDB and H2 would rewrite every row anyway).
         */
        private void recreateComputed(String table, Column column, Column existing) {
            String what = table + "." + column.name();
            String note = existing.computed().isEmpty()
                    ? "Drops " + what + " and adds it computed: its stored values are lost."
                    : "Drops " + what + " and adds it again: a database cannot change how a column is computed"
                            + " in place; the values are computed anew.";
            alterTables.add(new Change(new DropColumn(Optional.empty(), table, existing.name()),
                    List.of(new AddColumn(Optional.empty(), table, existing)), List.of()).withNote(note));
            alterTables.add(new Change(new AddColumn(Optional.empty(), table, commented(column)),
                    List.of(new DropColumn(Optional.empty(), table, column.name())), List.of()));
        }

        private void compareComment(Table table, Table existing) {
            if (table.comment().equals(existing.comment()) || !options.comparesComments()) {
                return;
            }
            if (table.comment().isPresent()) {
                alterTables.add(Change.of(new CreateTableComment(Optional.empty(), table.name(), table.comment().get(),
                        existing.comment())));
            } else {
                alterTables.add(Change.of(new DropTableComment(Optional.empty(), table.name(), existing.comment())));
            }
        }

        private void compareColumn(String table, Column column, Column existing, Optional<PrimaryKey> primaryKey) {
            AlterColumn.Builder alter = AlterColumn.builder(table, column.name());
            List<String> notes = new ArrayList<>();
            boolean changed = false;
            boolean defaultChanged = false;
            boolean commentChanged = false;
            if (options.comparesTypes() && !TypeComparison.same(column.type(), existing.type())) {
                alter.type(column.type());
                changed = true;
                TypeComparison.note(table + "." + column.name(), existing.type(), column.type()).ifPresent(notes::add);
            }
            boolean nullable = column.isNullable()
                    && primaryKey.map(pk -> !pk.columns().contains(column.name())).orElse(true);
            if (nullable != existing.isNullable()) {
                alter.nullable(nullable);
                changed = true;
                if (!nullable) {
                    notes.add("Makes " + table + "." + column.name() + " NOT NULL: this fails while a row holds"
                            + " NULL there. Fill those rows first (op.execute(\"UPDATE …\")).");
                }
            }
            Optional<AlterColumn.Identity> identity = AutoIncrements.target(column, existing, options.dialect());
            if (identity.isPresent()) {
                AlterColumn.Identity before = AutoIncrements.existing(existing);
                if (AutoIncrements.leavesSerial(existing, identity.get())) {
                    alterTables.add(AutoIncrements.dropSerial(table, existing));
                    before = AlterColumn.Identity.NONE;
                }
                before.kind().ifPresentOrElse(alter::existingIdentity, alter::existingNoIdentity);
                identity.get().kind().ifPresentOrElse(alter::identity, alter::dropIdentity);
                changed = true;
                AutoIncrements.note(table, column, existing, identity.get()).ifPresent(notes::add);
                // An identity cannot have a default beside it: the database's goes first.
                if (!identity.get().isNone() && existing.serverDefault().isPresent()) {
                    alter.dropServerDefault().existingServerDefault(existing.serverDefault().get());
                    defaultChanged = true;
                }
            }
            if (options.comparesServerDefaults() && !column.isAutoIncrement()
                    && (!existing.isAutoIncrement() || identity.isPresent())
                    && !defaults.same(column.serverDefault().orElse(null), existing.serverDefault().orElse(null))) {
                column.serverDefault().ifPresentOrElse(alter::serverDefault, alter::dropServerDefault);
                existing.serverDefault().ifPresentOrElse(alter::existingServerDefault, alter::existingNoServerDefault);
                changed = true;
                defaultChanged = true;
            }
            if (options.comparesComments() && !column.comment().equals(existing.comment())) {
                column.comment().ifPresentOrElse(alter::comment, alter::dropComment);
                existing.comment().ifPresentOrElse(alter::existingComment, alter::existingNoComment);
                changed = true;
                commentChanged = true;
            }
            if (!changed) {
                return;
            }
            alter.existingType(existing.type()).existingNullable(existing.isNullable());
            // What the column keeps, for databases that rewrite the whole column (MariaDB's MODIFY COLUMN).
            if (!defaultChanged && (!existing.isAutoIncrement() || identity.isPresent())) {
                existing.serverDefault().ifPresentOrElse(alter::existingServerDefault, alter::existingNoServerDefault);
            }
            if (!commentChanged && options.comparesComments()) {
                existing.comment().ifPresent(alter::existingComment);
            }
            if (existing.isAutoIncrement()) {
                alter.existingAutoIncrement(true);
            }
            existing.computed().ifPresent(c -> alter.existingComputed(c.expression(), c.stored()));
            Change change = Change.of(alter.build());
            for (String note : notes) {
                change = change.withNote(note);
            }
            alterTables.add(change);
        }

        // ---- Indexes, unique constraints, foreign keys ----

        /**
         * Indexes by name. Where the database cannot tell a unique index from a unique
         * constraint, its unique indexes are left to {@link #compareUniques}, and a unique
         * index of the model is present when a unique key of its name and columns is. An index
         * on a column that is dropped and added back ({@code readded}) is dropped before it and
         * created again after it, as dropping the column drops the index.
         */
        private void compareIndexes(Table table, Table existing, List<List<String>> droppedKeys,
                Set<String> readded) {
            String name = table.name();
            boolean merged = options.matchesUniqueIndexesToConstraints();
            Map<String, Index> current = new LinkedHashMap<>();
            existing.indexes().stream().filter(i -> !merged || !i.unique()).forEach(i -> current.put(i.name(), i));
            Map<String, Index> wanted = new LinkedHashMap<>();
            table.indexes().forEach(i -> wanted.put(i.name(), i));
            for (Index index : current.values()) {
                Index target = wanted.get(index.name());
                if ((!Indexes.same(target, index) || index.columns().stream().anyMatch(readded::contains))
                        && included(SchemaObject.Kind.INDEX, name, Optional.of(index.name()), target != null, true)) {
                    dropIndexesAndUniques.add(new Change(new DropIndex(Optional.empty(), index.name(), Optional.of(name)),
                            List.of(createIndex(name, index)), List.of()));
                    droppedKeys.add(index.columns());
                }
            }
            List<UniqueConstraint> keys = uniqueKeys(existing);
            for (Index index : table.indexes()) {
                Index present = current.get(index.name());
                Optional<UniqueConstraint> key = merged && index.unique()
                        ? keys.stream().filter(k -> k.name().equals(Optional.of(index.name()))).findFirst()
                        : Optional.empty();
                boolean found = (Indexes.same(index, present) || key.filter(k -> k.columns().equals(index.columns())).isPresent())
                        && index.columns().stream().noneMatch(readded::contains);
                if (!found && included(SchemaObject.Kind.INDEX, name, Optional.of(index.name()), true,
                        present != null || key.isPresent())) {
                    createIndexesAndUniques.add(Indexes.created(name, index));
                }
            }
        }

        /**
         * The database's unique keys: its unique constraints and, where the database cannot
         * tell the two apart, its unique indexes as well.
         */
        private List<UniqueConstraint> uniqueKeys(Table existing) {
            List<UniqueConstraint> keys = new ArrayList<>(existing.uniqueConstraints());
            if (options.matchesUniqueIndexesToConstraints()) {
                existing.indexes().stream().filter(Index::unique)
                        .forEach(i -> keys.add(new UniqueConstraint(Optional.of(i.name()), i.columns())));
            }
            return keys;
        }

        /**
         * Unique constraints by columns. Where the database cannot tell a unique index from a
         * unique constraint, each of its unique keys (constraint or unique index) whose name is
         * an index's of the model is kept when that index is unique on the same columns, and
         * otherwise by columns, as a constraint.
         */
        private void compareUniques(Table table, Table existing, Set<String> addedColumns,
                List<List<String>> droppedKeys, Set<String> readded) {
            String name = table.name();
            boolean merged = options.matchesUniqueIndexesToConstraints();
            List<UniqueConstraint> wanted = new ArrayList<>(table.uniqueConstraints());
            for (Column column : table.columns()) {
                // A unique column added (or added back) by addColumn brings its constraint along.
                if (column.isUnique() && !addedColumns.contains(column.name()) && !readded.contains(column.name())) {
                    wanted.add(UniqueConstraint.of(column.name()));
                }
            }
            Set<List<String>> present = uniqueKeys(existing).stream().map(UniqueConstraint::columns)
                    .collect(Collectors.toSet());
            Set<List<String>> target = wanted.stream().map(UniqueConstraint::columns).collect(Collectors.toSet());
            Map<String, Index> modelIndexes = new LinkedHashMap<>();
            table.indexes().forEach(i -> modelIndexes.put(i.name(), i));
            // A key on a column dropped and added back goes with the column: it is dropped before
            // it, so the downgrade can create it again, and created after it.
            Predicate<UniqueConstraint> kept = key -> {
                if (key.columns().stream().anyMatch(readded::contains)) {
                    return false;
                }
                Index governing = merged ? key.name().map(modelIndexes::get).orElse(null) : null;
                return governing == null ? target.contains(key.columns())
                        : governing.equals(new Index(governing.name(), key.columns(), true));
            };
            for (UniqueConstraint unique : existing.uniqueConstraints()) {
                if (!kept.test(unique)
                        && included(SchemaObject.Kind.UNIQUE_CONSTRAINT, name, unique.name(), false, true)) {
                    String constraint = unique.name().orElseGet(() -> conventionName(NamingConvention.Kind.UNIQUE,
                            name, unique.columns(), null, "uq_" + name + "_" + String.join("_", unique.columns())));
                    // SQLite keeps a column's inline UNIQUE without a name: the drop names it as the standard
                    // convention would (uq_{table}_{columns}), which a batch rebuild matches to the unnamed
                    // unique on exactly those columns. The downgrade recreates it under the convention's name.
                    String dropped = unique.name().orElseGet(() -> "uq_" + name + "_" + String.join("_", unique.columns()));
                    dropIndexesAndUniques.add(new Change(
                            new DropConstraint(Optional.empty(), dropped, name, Optional.of(ConstraintType.UNIQUE)),
                            List.of(new CreateUniqueConstraint(Optional.empty(), constraint, name, unique.columns())),
                            List.of()));
                    droppedKeys.add(unique.columns());
                }
            }
            // The database's unique indexes, when they are unique keys like any other (left out by compareIndexes).
            for (Index index : merged ? existing.indexes() : List.<Index>of()) {
                if (index.unique() && !kept.test(new UniqueConstraint(Optional.of(index.name()), index.columns()))
                        && included(SchemaObject.Kind.INDEX, name, Optional.of(index.name()),
                                modelIndexes.containsKey(index.name()), true)) {
                    dropIndexesAndUniques.add(new Change(new DropIndex(Optional.empty(), index.name(), Optional.of(name)),
                            List.of(createIndex(name, index)), List.of()));
                    droppedKeys.add(index.columns());
                }
            }
            for (UniqueConstraint unique : wanted) {
                if ((!present.contains(unique.columns()) || unique.columns().stream().anyMatch(readded::contains))
                        && included(SchemaObject.Kind.UNIQUE_CONSTRAINT, name, unique.name(), true, false)) {
                    String constraint = unique.name().orElseGet(() -> conventionName(NamingConvention.Kind.UNIQUE,
                            name, unique.columns(), null, "uq_" + name + "_" + String.join("_", unique.columns())));
                    createIndexesAndUniques.add(Change.of(
                            new CreateUniqueConstraint(Optional.empty(), constraint, name, unique.columns())));
                }
            }
        }

        /** Foreign keys by what they do, the name aside; returns the database's keys it drops. */
        private Set<ForeignKey> compareForeignKeys(Table table, Table existing) {
            String name = table.name();
            Set<List<Object>> present = existing.foreignKeys().stream().map(Comparer::signature)
                    .collect(Collectors.toSet());
            Set<List<Object>> target = table.foreignKeys().stream().map(Comparer::signature).collect(Collectors.toSet());
            Set<ForeignKey> dropped = new LinkedHashSet<>();
            for (ForeignKey fk : existing.foreignKeys()) {
                if (!target.contains(signature(fk))
                        && included(SchemaObject.Kind.FOREIGN_KEY, name, fk.name(), false, true)) {
                    String constraint = fk.name().orElseThrow();
                    dropForeignKeys.add(new Change(
                            new DropConstraint(Optional.empty(), constraint, name, Optional.of(ConstraintType.FOREIGN_KEY)),
                            List.of(createForeignKey(name, fk)), List.of()));
                    dropped.add(fk);
                }
            }
            for (ForeignKey fk : table.foreignKeys()) {
                if (!present.contains(signature(fk))
                        && included(SchemaObject.Kind.FOREIGN_KEY, name, fk.name(), true, false)) {
                    createForeignKeys.add(Change.of(createForeignKey(name, fk)));
                }
            }
            return dropped;
        }

        /**
         * For a database that refuses to drop the index a foreign key uses: each foreign key
         * that stays, whose columns lead an index or unique key being dropped, and that no key
         * staying in the table covers, is dropped before the drops and recreated after the new
         * indexes (which it may then use). Its downgrade is the same dance in reverse.
         */
        private void rebuildForeignKeysOverDroppedKeys(Table existing, List<List<String>> droppedKeys,
                Set<ForeignKey> droppedForeignKeys) {
            if (droppedKeys.isEmpty()) {
                return;
            }
            String name = existing.name();
            List<List<String>> kept = new ArrayList<>();
            existing.primaryKey().ifPresent(pk -> kept.add(pk.columns()));
            existing.indexes().forEach(i -> kept.add(i.columns()));
            existing.uniqueConstraints().forEach(u -> kept.add(u.columns()));
            droppedKeys.forEach(kept::remove);
            for (ForeignKey fk : existing.foreignKeys()) {
                if (droppedForeignKeys.contains(fk) || fk.name().isEmpty()
                        || droppedKeys.stream().noneMatch(k -> leadsInAnyOrder(k, fk.columns()))
                        || kept.stream().anyMatch(k -> leadsInOrder(k, fk.columns()))
                        || !included(SchemaObject.Kind.FOREIGN_KEY, name, fk.name(), true, true)) {
                    continue;
                }
                CreateForeignKey recreate = createForeignKey(name, fk);
                dropForeignKeys.add(new Change(new DropConstraint(Optional.empty(), fk.name().get(), name,
                        Optional.of(ConstraintType.FOREIGN_KEY)), List.of(recreate), List.of()));
                createForeignKeys.add(Change.of(recreate));
            }
        }

        /**
         * True when {@code columns} are the first columns of {@code key} in some order: H2 lets
         * a foreign key use such an index, so dropping it may be refused.
         */
        private static boolean leadsInAnyOrder(List<String> key, List<String> columns) {
            return key.size() >= columns.size()
                    && Set.copyOf(key.subList(0, columns.size())).equals(Set.copyOf(columns));
        }

        /** True when {@code columns} are the first columns of {@code key} in order: every database can use it. */
        private static boolean leadsInOrder(List<String> key, List<String> columns) {
            return key.size() >= columns.size() && key.subList(0, columns.size()).equals(columns);
        }

        /** What makes two foreign keys the same, the name aside; no action stated is {@code NO ACTION}. */
        private static List<Object> signature(ForeignKey fk) {
            return List.of(fk.columns(), fk.referentSchema(), fk.referentTable(), fk.referentColumns(),
                    fk.onDelete().orElse(ReferentialAction.NO_ACTION), fk.onUpdate().orElse(ReferentialAction.NO_ACTION));
        }

        private CreateForeignKey createForeignKey(String table, ForeignKey fk) {
            String name = fk.name().orElseGet(() -> conventionName(NamingConvention.Kind.FOREIGN_KEY, table,
                    fk.columns(), fk.referentTable(),
                    "fk_" + table + "_" + String.join("_", fk.columns()) + "_" + fk.referentTable()));
            return new CreateForeignKey(Optional.empty(), name, table, fk.columns(), fk.referentSchema(),
                    fk.referentTable(), fk.referentColumns(), fk.onDelete(), fk.onUpdate());
        }

        private static Operation createIndex(String table, Index index) {
            return Indexes.create(table, index);
        }

        private String conventionName(NamingConvention.Kind kind, String table, List<String> columns,
                String referredTable, String fallback) {
            return options.namingConvention().name(kind, table, columns, referredTable, null).orElse(fallback);
        }

        private static String renameNote(String what, String rename) {
            return what + ": if it is a rename, replace the drop and the add with " + rename
                    + " to keep the data.";
        }

        private static String names(List<Column> columns) {
            return columns.stream().map(Column::name).collect(Collectors.joining(", "));
        }
    }

    /** Whether two types are the same for the database, and what a change of type risks. */
    static final class TypeComparison {

        private TypeComparison() {
        }

        static boolean same(Type model, Type database) {
            if (model.equals(database)) {
                return true;
            }
            if (model.kind() != database.kind()) {
                return false;
            }
            return switch (model.kind()) {
                // PostgreSQL has no bounded byte type: varbinary(n) reads back as BINARY.
                case BINARY -> model.length().isEmpty() || database.length().isEmpty()
                        || model.length().getAsInt() == database.length().getAsInt();
                case RAW -> RawTypes.same(model.rawSql(), database.rawSql());
                default -> false;
            };
        }

        /** A note when changing {@code from} to {@code to} may fail or lose data; empty for a widening. */
        static Optional<String> note(String column, Type from, Type to) {
            if (from.kind() == Type.Kind.RAW && to.kind() == Type.Kind.RAW && RawTypes.hasMembers(from.rawSql())
                    && RawTypes.hasMembers(to.rawSql())) {
                // MariaDB's ENUM and SET: a new member is routine, a removed one is noted.
                return RawTypes.removedMembers(column, from.rawSql(), to.rawSql());
            }
            String change = "Changes the type of " + column + " from " + JavaSource.type(from) + " to " + JavaSource.type(to);
            if (narrows(from, to)) {
                return Optional.of(change + ", which narrows it: values that do not fit make this fail (or are"
                        + " cut). Check the data first.");
            }
            if (widens(from, to)) {
                return Optional.empty();
            }
            return Optional.of(change + ": check that the database can convert every value (PostgreSQL may need"
                    + " c.type(type, \"USING expression\")).");
        }

        private static int integerRank(Type type) {
            return switch (type.kind()) {
                case SMALLINT -> 1;
                case INTEGER -> 2;
                case BIGINT -> 3;
                default -> 0;
            };
        }

        static boolean narrows(Type from, Type to) {
            if (from.isInteger() && to.isInteger()) {
                return integerRank(to) < integerRank(from);
            }
            return switch (to.kind()) {
                case VARCHAR -> from.kind() == Type.Kind.TEXT
                        || (from.kind() == Type.Kind.VARCHAR || from.kind() == Type.Kind.CHAR)
                                && to.length().getAsInt() < from.length().getAsInt();
                case NUMERIC -> from.kind() == Type.Kind.NUMERIC
                        && (to.scale().getAsInt() < from.scale().getAsInt()
                                || to.precision().getAsInt() - to.scale().getAsInt()
                                        < from.precision().getAsInt() - from.scale().getAsInt())
                        || from.kind() == Type.Kind.DOUBLE || from.kind() == Type.Kind.REAL;
                case BINARY -> from.kind() == Type.Kind.BINARY && to.length().isPresent()
                        && (from.length().isEmpty() || to.length().getAsInt() < from.length().getAsInt());
                case SMALLINT, INTEGER, BIGINT -> from.kind() == Type.Kind.NUMERIC || from.kind() == Type.Kind.DOUBLE
                        || from.kind() == Type.Kind.REAL;
                // A REAL keeps about 7 significant digits.
                case REAL -> from.kind() == Type.Kind.DOUBLE || from.kind() == Type.Kind.NUMERIC;
                case CHAR -> from.kind() == Type.Kind.TEXT
                        || (from.kind() == Type.Kind.CHAR || from.kind() == Type.Kind.VARCHAR)
                                && to.length().getAsInt() < from.length().getAsInt();
                default -> false;
            };
        }

        static boolean widens(Type from, Type to) {
            if (from.isInteger() && to.isInteger()) {
                return integerRank(to) > integerRank(from);
            }
            return switch (to.kind()) {
                case TEXT -> from.kind() == Type.Kind.VARCHAR;
                case VARCHAR -> from.kind() == Type.Kind.VARCHAR;
                case NUMERIC -> from.kind() == Type.Kind.NUMERIC || from.isInteger();
                case BINARY -> from.kind() == Type.Kind.BINARY;
                case TIMESTAMP -> from.kind() == Type.Kind.DATE;
                case DOUBLE -> from.kind() == Type.Kind.REAL;
                // Values already padded to the old length gain blanks; none is cut.
                case CHAR -> from.kind() == Type.Kind.CHAR;
                default -> false;
            };
        }
    }
}
