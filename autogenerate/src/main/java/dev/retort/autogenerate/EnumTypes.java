package dev.retort.autogenerate;

import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.CreateEnumType;
import dev.retort.runtime.operation.DropEnumType;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.EnumType;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL enum types, by name: a type of the model the database lacks is created; one the
 * database has and the model does not is dropped, unless a column still uses it (a model
 * written before enum types could be declared keeps its {@code Type.raw("mood")} columns
 * working); labels the model adds are added in their place ({@code ADD VALUE … BEFORE/AFTER}).
 * Labels removed or reordered are reported as a note: PostgreSQL can neither remove a label
 * nor move one, so that takes a new type and a column conversion, written by hand.
 */
final class EnumTypes {

    /** What the comparison of enum types found. */
    record Found(List<Change> creates, List<Change> drops, List<String> notes) {
    }

    private EnumTypes() {
    }

    /**
     * @param model the model's enum types, by name
     * @param database the database's enum types, by name
     * @param columns every column the database will have once the changes ran: a type they
     *     use is not dropped
     */
    static Found compare(Map<String, EnumType> model, Map<String, EnumType> database, Collection<Table> columns) {
        List<Change> creates = new ArrayList<>();
        List<Change> drops = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (EnumType wanted : model.values()) {
            EnumType present = database.get(wanted.name());
            if (present == null) {
                creates.add(Change.of(new CreateEnumType(Optional.empty(), wanted.name(), wanted.values())));
            } else {
                addValues(wanted, present, creates, notes);
            }
        }
        Set<String> used = usedTypes(columns);
        for (EnumType present : database.values()) {
            if (!model.containsKey(present.name()) && !used.contains(present.name().toLowerCase(Locale.ROOT))) {
                drops.add(new Change(new DropEnumType(Optional.empty(), present.name()),
                        List.of(new CreateEnumType(Optional.empty(), present.name(), present.values())), List.of()));
            }
        }
        return new Found(creates, drops, notes);
    }

    /** The labels of {@code wanted} that {@code present} lacks, each placed after the label before it. */
    private static void addValues(EnumType wanted, EnumType present, List<Change> creates, List<String> notes) {
        List<String> have = present.values();
        List<String> kept = wanted.values().stream().filter(have::contains).toList();
        if (!kept.equals(have)) {
            notes.add("Enum type " + wanted.name() + ": the database has labels " + have + ", the model "
                    + wanted.values() + "; PostgreSQL cannot remove or reorder labels, so only new ones are added."
                    + " To remove or reorder, create a new type, convert the columns (ALTER COLUMN … TYPE … USING"
                    + " col::text::new_type) and drop the old type in a revision of your own.");
        }
        List<String> labels = wanted.values();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (have.contains(label)) {
                continue;
            }
            Optional<String> after = Optional.empty();
            Optional<String> before = Optional.empty();
            if (i > 0) {
                after = Optional.of(labels.get(i - 1));
            } else {
                before = labels.stream().filter(have::contains).findFirst();
            }
            AddEnumValue add = new AddEnumValue(Optional.empty(), wanted.name(), label, before, after);
            creates.add(new Change(add, List.of(), List.of("Adds label '" + label + "' to enum type " + wanted.name()
                    + ": the revision's transaction cannot use it (as a default, in an insert) before it commits,"
                    + " so use it in a later revision; PostgreSQL cannot remove a label, so the downgrade keeps it.")));
        }
    }

    /** The enum type names the columns use, lower case, without schema, quotes or array brackets. */
    private static Set<String> usedTypes(Collection<Table> tables) {
        Set<String> used = new HashSet<>();
        for (Table table : tables) {
            for (Column column : table.columns()) {
                Type type = column.type();
                if (type.kind() == Type.Kind.RAW) {
                    String name = type.rawSql().replace("\"", "").replace("[]", "").strip().toLowerCase(Locale.ROOT);
                    used.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
        }
        return used;
    }
}
