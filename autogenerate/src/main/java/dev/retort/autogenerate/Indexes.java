package dev.retort.autogenerate;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Partial and expression indexes: whether the model's index is the database's, and the
 * operation that creates one. Databases print expressions and predicates back their own way
 * (PostgreSQL {@code lower((email)::text)}, {@code (status)::text = 'active'::text}, an
 * {@code IN} list as {@code = ANY (ARRAY[…])}), so they are compared as {@link
 * ComputedColumns#normalise} writes them, an {@code = ANY (ARRAY[…])} read as {@code IN (…)}.
 * Nothing is asked of the server.
 */
final class Indexes {

    private static final System.Logger LOG = System.getLogger("dev.retort.autogenerate");

    /** {@code x=any(array['a','b'])}, as normalised, is {@code xin('a','b')}. */
    private static final Pattern ANY_ARRAY = Pattern.compile("([a-z0-9_.]+)=any\\(array\\[([^\\]]*)\\]\\)");

    /**
     * A PostgreSQL cast, its multi-word type names spelled out: removed before the spaces are,
     * so that {@code 'a'::text AND b} keeps its {@code AND}.
     */
    private static final Pattern CAST = Pattern.compile("(?i)::\\s*(?:character varying|bit varying|double precision"
            + "|timestamp(?:\\(\\d+\\))? with(?:out)? time zone|time(?:\\(\\d+\\))? with(?:out)? time zone"
            + "|\"?[a-z_][a-z0-9_]*\"?)(?:\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\[\\])*");

    private Indexes() {
    }

    /** True when the two indexes (of one name) have the same key, uniqueness and predicate. */
    static boolean same(Index model, Index database) {
        if (model == null || database == null) {
            return model == database;
        }
        if (model.equals(database)) {
            return true;
        }
        if (!model.name().equals(database.name()) || model.unique() != database.unique()
                || model.elements().size() != database.elements().size()
                || model.where().isPresent() != database.where().isPresent()) {
            return false;
        }
        for (int i = 0; i < model.elements().size(); i++) {
            Index.Element a = model.elements().get(i);
            Index.Element b = database.elements().get(i);
            boolean same = !a.expression() && !b.expression() ? a.sql().equals(b.sql())
                    : normalise(a.sql()).equals(normalise(b.sql())); // ((email)) reads back as column email
            if (!same) {
                return false;
            }
        }
        return model.where().map(Indexes::normalise).equals(database.where().map(Indexes::normalise));
    }

    static String normalise(String sql) {
        String uncast = CAST.matcher(sql).replaceAll("");
        return ANY_ARRAY.matcher(ComputedColumns.normalise(uncast)).replaceAll("$1in($2)");
    }

    /** {@code createIndex} for a plain index, the options form for one with expressions or a predicate. */
    static Operation create(String table, Index index) {
        if (!index.hasExpressions() && index.where().isEmpty()) {
            return new CreateIndex(Optional.empty(), index.name(), table, index.columns(), index.unique());
        }
        List<CreateIndexWithOptions.Element> elements = index.elements().stream()
                .map(e -> new CreateIndexWithOptions.Element(e.sql(), e.expression())).toList();
        return new CreateIndexWithOptions(Optional.empty(), index.name(), table, elements, index.unique(),
                index.where(), false, false);
    }

    /** The creation of an index, undone by a plain drop (which a batch can hold, as the options form cannot). */
    static Change created(String table, Index index) {
        return new Change(create(table, index), List.of(new DropIndex(Optional.empty(), index.name(),
                Optional.of(table))), List.of());
    }

    /** True for the creation of a partial or expression index on {@code table}, which no batch can hold. */
    static boolean createdOn(Operation operation, String table) {
        return operation instanceof CreateIndexWithOptions create && create.table().equals(table);
    }

    /**
     * The changes with each batch that rebuilds an existing table made safe for the table's
     * partial and expression indexes, which a rebuild cannot carry (SQLite): those the batch
     * keeps are dropped at its start and created again right after it, also after its
     * downgrade; the model's new ones for that table are created after it.
     */
    static List<Change> aroundBatches(List<Change> changes, Map<String, Table> database) {
        List<Change> out = new ArrayList<>();
        for (Change change : changes) {
            if (!(change.operation() instanceof BatchAlterTable batch) || !database.containsKey(batch.table())) {
                out.add(change);
                continue;
            }
            String table = batch.table();
            Set<String> dropped = batch.operations().stream().filter(DropIndex.class::isInstance)
                    .map(o -> ((DropIndex) o).name()).collect(Collectors.toSet());
            List<Index> kept = database.get(table).indexes().stream()
                    .filter(i -> (i.hasExpressions() || i.where().isPresent()) && !dropped.contains(i.name())).toList();
            List<Change> created = out.stream().filter(c -> createdOn(c.operation(), table)).toList();
            out.removeAll(created);
            List<Operation> upgrade = new ArrayList<>();
            kept.forEach(i -> upgrade.add(new DropIndex(Optional.empty(), i.name(), Optional.of(table))));
            upgrade.addAll(batch.operations());
            List<Operation> undo = new ArrayList<>(change.downgrade());
            if (!undo.isEmpty()) {
                kept.forEach(i -> undo.add(create(table, i)));
            }
            out.add(new Change(new BatchAlterTable(batch.schema(), table, upgrade, batch.recreate(), batch.copyFrom()),
                    undo, change.notes()));
            kept.forEach(i -> out.add(created(table, i)));
            out.addAll(created);
        }
        return out;
    }

    /**
     * The model's table as the dialect's database can hold it: where it has no partial
     * indexes a predicate is left out (the index covers every row there, as Alembic's {@code
     * postgresql_where} is ignored elsewhere); where it indexes no expressions an index on
     * expressions is left out, with a warning. Without a dialect, or with nothing to leave
     * out, the table itself.
     */
    static Table supported(Table table, Optional<Dialect> dialect) {
        if (dialect.isEmpty() || table.indexes().stream().noneMatch(i -> i.hasExpressions() && !dialect.get()
                .supportsExpressionIndexes() || i.where().isPresent() && !dialect.get().supportsPartialIndexes())) {
            return table;
        }
        Table.Builder copy = Table.builder(table.name());
        table.columns().forEach(copy::column);
        table.primaryKey().ifPresent(copy::primaryKey);
        for (Index index : table.indexes()) {
            if (index.hasExpressions() && !dialect.get().supportsExpressionIndexes()) {
                LOG.log(System.Logger.Level.WARNING, "Autogenerate leaves out index {0} of table {1}: {2} does not"
                        + " index expressions", index.name(), table.name(), dialect.get().name());
            } else {
                copy.index(dialect.get().supportsPartialIndexes() ? index
                        : new Index(index.name(), index.elements(), index.unique(), Optional.empty()));
            }
        }
        table.uniqueConstraints().forEach(copy::unique);
        table.foreignKeys().forEach(copy::foreignKey);
        table.checkConstraints().forEach(copy::check);
        table.comment().ifPresent(copy::comment);
        return copy.build().withSchema(table.schema());
    }
}
